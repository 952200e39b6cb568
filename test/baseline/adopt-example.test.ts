// @spdf verifies SPDF-BASE-001, SPDF-BASE-002
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validator } from '../export/support';
import { runCli } from '../support/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');
const THREATS = join('model', 'threats.spdf.yaml');
const DOSE = join('firmware', 'src', 'dose', 'dose_controller.c');
const BLE = join('firmware', 'src', 'ble', 'ble_commands.c');
/** The example's deliberate defects, as documented beside it. */
const FINDINGS = (JSON.parse(readFileSync(join(EXAMPLE, 'expected-findings.json'), 'utf8')) as { findings: unknown[] }).findings.length;

/** The example adopted with a baseline of its deliberate defects, then changed the way a project changes. */
describe('baseline: adopting the example', () => {
  let dir: string;
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spdf-baseline-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    const r = await runCli(['baseline', dir, '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      new RegExp(
        String.raw`^wrote spdf\.baseline\.json: \d+ entries for ${FINDINGS} findings\nspdf lint and spdf check use it with --baseline spdf\.baseline\.json; add 'baseline: spdf\.baseline\.json' to spdf\.config\.yaml`,
      ),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (path: string, f: (text: string) => string) => {
    const before = readFileSync(join(dir, path), 'utf8');
    const after = f(before);
    assert.notEqual(after, before, `the edit changes ${path}`);
    writeFileSync(join(dir, path), after);
  };
  const lint = (...extra: string[]) => runCli(['lint', dir, '--no-cache', '--baseline', join(dir, 'spdf.baseline.json'), ...extra]);
  const json = async (...extra: string[]) => {
    const r = await lint('--format', 'json', ...extra);
    return {
      code: r.code,
      report: JSON.parse(r.stdout) as {
        findings: { code: string; file: string; line: number }[];
        baseline: { baselined: number; unused: { code: string; item?: string; now: number; count: number }[] };
      },
    };
  };

  it('writes a baseline that its schema accepts, and lint with it reports nothing', async () => {
    const written = JSON.parse(readFileSync(join(dir, 'spdf.baseline.json'), 'utf8'));
    assert.deepEqual(validator('media/schemas/spdf.baseline.schema.json')(written), []);
    const r = await lint();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(String.raw`✔ no problems\nbaseline spdf\.baseline\.json: ${FINDINGS} findings baselined, not shown$`));
  });

  it('reports only the one defect added after the baseline', async () => {
    edit(THREATS, (t) => t.replace('controls: [CTRL-001, CTRL-002, CTRL-003]', 'controls: [CTRL-001, CTRL-002, CTRL-003, CTRL-099]'));
    const { code, report } = await json();
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line} ${f.code}`),
      ['model/threats.spdf.yaml:34 TM002'],
    );
    assert.equal(report.baseline.baselined, FINDINGS);
    assert.deepEqual(report.baseline.unused, []);
  });

  it('lists a baselined defect that was repaired as gone, fails until it is pruned, and prune adds nothing', async () => {
    edit(THREATS, (t) => t.replace('controls: [CTRL-011, CTRL-012]', 'controls: [CTRL-011]'));
    const r = await lint();
    assert.equal(r.code, 1, 'an entry that no longer occurs fails the run');
    assert.match(
      r.stdout,
      /1 baseline entry no longer occurs \(spdf baseline --prune removes it\):\n {2}model\/threats\.spdf\.yaml: TM002 \[item THR-006, field controls\] unknown control 'CTRL-012' \(baselined 1, now 0\)$/,
    );
    assert.equal((await lint('--pass-on-unpruned-baseline')).code, 0);

    edit(THREATS, (t) => t.replace('controls: [CTRL-001, CTRL-002, CTRL-003]', 'controls: [CTRL-001, CTRL-002, CTRL-003, CTRL-099]'));
    const pruned = await runCli(['baseline', dir, '--prune', '--no-cache']);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /^pruned spdf\.baseline\.json: 1 entry removed or lowered:/);
    const after = await json();
    assert.deepEqual(after.report.baseline.unused, []);
    assert.deepEqual(
      after.report.findings.map((f) => f.code),
      ['TM002'],
      'the defect added after the baseline is still reported: prune accepted nothing new',
    );
  });

  it('keeps every entry when lines are inserted above tagged functions and model items are reordered', async () => {
    const banner = '/*\n * Inserted lines: every finding below moves down.\n */\n\n';
    edit(DOSE, (t) => banner + t);
    edit(BLE, (t) => banner + banner + t);
    edit(THREATS, (t) => {
      const start = t.indexOf('  - id: THR-010');
      const end = t.indexOf('  - id: THR-011');
      const block = t.slice(start, end);
      const rest = t.slice(0, start) + t.slice(end);
      return rest.replace('  - id: THR-001', `${block}  - id: THR-001`);
    });
    const { code, report } = await json();
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.baseline.unused, []);
    assert.equal(report.baseline.baselined, FINDINGS);
    assert.equal(code, 0);
  });

  it('reports every occurrence when a fingerprint occurs more often than baselined (nobody can tell which one is new)', async () => {
    edit(THREATS, (t) => t.replace('controls: [CTRL-011, CTRL-012]', 'controls: [CTRL-011, CTRL-012, CTRL-012]'));
    const { code, report } = await json();
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => f.code),
      ['TM002', 'TM002'],
    );
  });

  it('is picked up from spdf.config.yaml (baseline:), and --no-baseline ignores it', async () => {
    edit('spdf.config.yaml', (t) => `${t}baseline: spdf.baseline.json\n`);
    const r = await runCli(['lint', dir, '--no-cache']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, new RegExp(`${FINDINGS} findings baselined`));
    const off = await runCli(['lint', dir, '--no-cache', '--no-baseline']);
    assert.equal(off.code, 1);
    assert.match(off.stdout, new RegExp(`✖ ${FINDINGS} problems`));
  });

  it('makes spdf check fail only on what is new: baselined errors, unknown IDs and ERROR items pass, coverage stays honest', async () => {
    const check = (...extra: string[]) => runCli(['check', dir, '--no-cache', '--min-coverage', '80', '--format', 'json', '--baseline', join(dir, 'spdf.baseline.json'), ...extra]);
    const without = await runCli(['check', dir, '--no-cache', '--min-coverage', '80', '--format', 'json']);
    assert.equal(without.code, 1, 'the example fails the gate without the baseline');
    const pass = await check();
    const report = JSON.parse(pass.stdout);
    assert.deepEqual(validator('media/schemas/spdf.check.schema.json')(report), []);
    assert.equal(pass.code, 0, pass.stdout);
    assert.deepEqual(report.baseline, { file: 'spdf.baseline.json', baselined: FINDINGS });
    assert.deepEqual(report.coverage, JSON.parse(without.stdout).coverage);

    edit(THREATS, (t) => t.replace('controls: [CTRL-001, CTRL-002, CTRL-003]', 'controls: [CTRL-001, CTRL-002, CTRL-003, CTRL-099]'));
    const fail = JSON.parse((await check()).stdout);
    assert.equal(fail.pass, false);
    assert.ok(
      fail.offenders.some((o: { class: string; code?: string }) => o.class === 'finding' && o.code === 'TM002'),
      JSON.stringify(fail.offenders),
    );
    assert.ok(fail.offenders.some((o: { class: string; id?: string }) => o.class === 'status' && o.id === 'THR-001'));
  });

  it('makes spdf check fail on an entry that no longer occurs unless --pass-on-unpruned-baseline', async () => {
    edit(THREATS, (t) => t.replace('controls: [CTRL-011, CTRL-012]', 'controls: [CTRL-011]'));
    const args = ['check', dir, '--no-cache', '--min-coverage', '80', '--baseline', join(dir, 'spdf.baseline.json')];
    const r = await runCli(args);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /-- 1 baseline entry no longer occurring$/);
    assert.match(r.stderr, /^model\/threats\.spdf\.yaml: baseline entry no longer occurs/m);
    assert.equal((await runCli([...args, '--pass-on-unpruned-baseline'])).code, 0);
  });
});
