// @spdf verifies SPDF-CMD-DIFF
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';
import { validator } from '../export/support';
import { gitRepo, type GitRepo } from '../support/git-repo';

const FIXTURE = join(__dirname, '..', 'fixtures', 'diff');
const UPDATE = !!process.env.UPDATE_GOLDEN;

/** Commit hashes differ per run (the lock holds today's review date): the goldens name them by role. */
function normalize(text: string, repo: GitRepo): string {
  let out = text;
  for (const [name, sha] of Object.entries(repo.commits)) out = out.split(sha).join(`<${name}>`).split(sha.slice(0, 12)).join(`<${name}>`);
  return out;
}

function golden(name: string, actual: string): void {
  const file = join(FIXTURE, 'golden', name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(join(FIXTURE, 'golden'), { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) assert.fail(`golden file ${name} was missing and has been written; run the tests again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}

/** Every file of the working tree and .git (index included) with its content hash: "untouched" means equal. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      const st = statSync(join(root, p));
      if (st.isDirectory()) walk(p);
      else
        out.push(
          `${p} ${st.mtimeMs} ${createHash('sha256')
            .update(readFileSync(join(root, p)))
            .digest('hex')}`,
        );
    }
  };
  walk('');
  return out;
}

describe('spdf diff', function () {
  this.timeout(120_000);
  let repo: GitRepo;
  const diff = async (...args: string[]) => runCli(['diff', ...args], repo.root);
  const json = async (range: string) => {
    const r = await diff(range, '-f', 'json');
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };

  before(async () => {
    // base: the fixture, reviewed; then one commit per kind of change on a feature branch.
    repo = gitRepo(join(FIXTURE, 'workspace'));
    await repo.review();
    repo.commit('base', 'fixture, reviewed');
    repo.git('switch', '-q', '-c', 'feature');
    repo.edit('model.spdf.yaml', (t) => t.replace('title: Rate commands are signed', 'title: Rate commands are signed and fresh'));
    repo.commit('reqText', 'requirement text change');
    repo.edit('src/pump.c', (t) => t.replace('return rate < 100;', 'return rate > 0 && rate < 100;'));
    repo.commit('code', 'tagged function change');
    repo.edit('model.spdf.yaml', (t) =>
      t.replace('\ncontrols:\n', '  - id: THR-2\n    title: Replayed rate command\n    stride: [T]\n    targets: [AST-FW]\n    hazards: [HAZ-1]\n    status: open\n\ncontrols:\n'),
    );
    repo.commit('threat', 'new threat');
  });
  after(() => rmSync(repo.root, { recursive: true, force: true }));

  it('a requirement text change: the item with its normative field, links suspect, status OK -> SUSPECT, impact', async () => {
    const d = await json('base..reqText');
    assert.deepEqual(
      d.items.changed.map((c: { id: string; normative: string[] }) => [c.id, c.normative]),
      [['SEC-REQ-1', ['title']]],
    );
    assert.deepEqual(
      d.links.becameSuspect.map((l: { id: string; symbol: string }) => [l.id, l.symbol]),
      [['SEC-REQ-1', 'set_rate']],
    );
    assert.deepEqual(d.links.symbolsChanged, []);
    assert.ok(d.statuses.some((s: { id: string; before: string; after: string }) => s.id === 'SEC-REQ-1' && s.before === 'OK' && s.after === 'SUSPECT'));
    assert.ok(d.coverage.delta < 0);
    const impact = d.impact.find((i: { subject: string }) => i.subject === 'SEC-REQ-1');
    assert.deepEqual([impact.controls, impact.threats, impact.hazards, impact.tests], [['CTRL-1'], ['THR-1'], ['HAZ-1'], ['TC-1']]);
  });

  it('a tagged function change: the symbol changed, its link suspect, and what it reaches', async () => {
    const d = await json('reqText..code');
    assert.deepEqual(d.items.changed, []);
    assert.deepEqual(
      d.links.symbolsChanged.map((l: { id: string; symbol: string }) => [l.id, l.symbol]),
      [['SEC-REQ-2', 'check_limit']],
    );
    assert.ok(d.links.becameSuspect.some((l: { id: string }) => l.id === 'SEC-REQ-2'));
    const impact = d.impact.find((i: { subject: string }) => i.subject === 'src/pump.c#check_limit');
    assert.deepEqual([impact.type, impact.requirements, impact.hazards, impact.tests], ['symbol', ['SEC-REQ-2'], ['HAZ-1'], ['tests/pump_test.c:2 test_limit']]);
  });

  it('a new threat: the item added, its status and new findings', async () => {
    const d = await json('code..threat');
    assert.deepEqual(d.items.added, [{ id: 'THR-2', kind: 'threat', file: 'model.spdf.yaml', line: 29 }]);
    assert.ok(d.statuses.some((s: { id: string; before?: string }) => s.id === 'THR-2' && s.before === undefined));
    assert.ok(d.findings.new.length > 0 && d.findings.new.every((f: { file: string }) => f.file === 'model.spdf.yaml'));
    assert.deepEqual(d.findings.resolved, []);
  });

  it('a finding whose message only changed its "did you mean" guesses is neither new nor resolved (the baseline fingerprint)', async () => {
    const other = gitRepo(join(FIXTURE, 'workspace'));
    try {
      other.edit('model.spdf.yaml', (t) => t.replace('    controls: [CTRL-1]\n', '    controls: [CTRL-1, CTRL-9]\n'));
      other.commit('dangling', 'a dangling control reference');
      other.edit('model.spdf.yaml', (t) =>
        t.replace('\nrequirements:\n', '  - id: CTRL-8\n    title: Rate limit check\n    type: technical\n    fda_category: authentication\n    implements: [SEC-REQ-2]\n\nrequirements:\n'),
      );
      other.commit('added', 'a control whose ID changes the guesses for CTRL-9');
      const r = await runCli(['diff', 'dangling..added', '-f', 'json'], other.root);
      assert.equal(r.code, 0, r.stderr);
      const d = JSON.parse(r.stdout) as { findings: { new: { code: string; message: string }[]; resolved: { code: string; message: string }[] } };
      const tm002 = (l: { code: string; message: string }[]) => l.filter((f) => f.code === 'TM002' && f.message.includes('CTRL-9'));
      assert.deepEqual([tm002(d.findings.new), tm002(d.findings.resolved)], [[], []]);
      const lint = await runCli(['lint', '-f', 'json', '--no-cache'], other.root);
      assert.match(lint.stdout, /CTRL-9.*did you mean[^"]*CTRL-8/, 'the guesses for CTRL-9 did change, so the test compares two different messages');
    } finally {
      rmSync(other.root, { recursive: true, force: true });
    }
  });

  for (const [format, file] of [
    ['human', 'report.txt'],
    ['md', 'report.md'],
    ['json', 'report.json'],
    ['sarif', 'report.sarif.json'],
  ] as const)
    it(`${format}: the three commits against golden output`, async () => {
      const r = await diff('base..threat', '-f', format);
      assert.equal(r.code, 0, r.stderr);
      if (format === 'json') assert.deepEqual(validator('media/schemas/spdf.diff.schema.json')(JSON.parse(r.stdout)), []);
      let text = normalize(r.stdout, repo);
      if (format === 'sarif') {
        const log = JSON.parse(text);
        assert.deepEqual(validator('test/data/sarif-2.1.0-subset.schema.json')(log), []);
        const { driver } = log.runs[0].tool;
        for (const res of log.runs[0].results) {
          assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
          delete res.ruleIndex;
        }
        assert.equal(log.runs[0].results.length, (await json('base..threat')).findings.new.length, 'SARIF holds the new findings only');
        // The rule catalogue, rule indexes and the tool's version are no part of this expectation (lint's SARIF tests cover them).
        log.runs[0].tool.driver = { name: driver.name };
        text = JSON.stringify(log, null, 2);
      }
      golden(file, `${text}\n`);
    });

  it('default range: merge base with main .. the working tree, uncommitted edits included', async () => {
    repo.edit('model.spdf.yaml', (t) =>
      t.replace('\ntests:\n', '  - id: SEC-REQ-3\n    title: Uncommitted\n    text: Only in the working tree.\n    verification: [test]\n    derived_from: [HAZ-1]\n\ntests:\n'),
    );
    try {
      const r = await diff('-f', 'json');
      assert.equal(r.code, 0, r.stderr);
      const d = JSON.parse(r.stdout);
      assert.deepEqual([d.base.label, d.base.commit, d.head.label, d.head.commit], ['merge-base(HEAD, main)', repo.commits.base, 'working tree', undefined]);
      assert.deepEqual(
        d.items.added.map((i: { id: string }) => i.id),
        ['SEC-REQ-3', 'THR-2'],
      );
    } finally {
      repo.git('checkout', '-q', '--', 'model.spdf.yaml');
    }
  });

  it('without code says the code-link sections were not read', async () => {
    const r = await diff('base..code', '--no-code', '-f', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).links.symbolsChanged, []);
    assert.match(r.stderr, /^warning: code: source code not read \(code links off\)/m);
  });

  it('leaves the working tree, the index and every git file untouched', async () => {
    repo.edit('src/pump.c', (t) => `${t}/* uncommitted */\n`);
    writeFileSync(join(repo.root, 'untracked.txt'), 'x');
    const before = [repo.git('status', '--porcelain=v2', '--untracked-files=all'), ...snapshot(repo.root)];
    for (const args of [[], ['base'], ['base..threat', '-f', 'md'], ['reqText..code', '-f', 'sarif']]) assert.equal((await diff(...args)).code, 0);
    assert.deepEqual([repo.git('status', '--porcelain=v2', '--untracked-files=all'), ...snapshot(repo.root)], before);
    repo.git('checkout', '-q', '--', 'src/pump.c');
    rmSync(join(repo.root, 'untracked.txt'));
  });

  it('fails closed: unknown revision, outside git, a revision whose model does not load', async () => {
    const unknown = await diff('nope..threat');
    assert.deepEqual([unknown.code, unknown.stdout], [2, '']);
    assert.match(unknown.stderr, /unknown revision 'nope'/);

    const plain = tempWorkspace({ 'spdf.config.yaml': 'version: 1\n', 'm.spdf.yaml': 'requirements: []\n' });
    const outside = await runCli(['diff'], plain);
    rmSync(plain, { recursive: true, force: true });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /not inside a git repository/);

    repo.git('switch', '-q', '-c', 'broken');
    repo.edit('model.spdf.yaml', (t) => t.replace('  - id: SEC-REQ-2\n', '  - id: SEC-REQ-2\n  bad: [\n'));
    repo.commit('broken', 'broken model');
    repo.git('switch', '-q', 'feature');
    const broken = await diff('threat..broken');
    assert.deepEqual([broken.code, broken.stdout], [1, '']);
    assert.match(broken.stderr, /^broken \([0-9a-f]{12}\): model\.spdf\.yaml:\d+:\d+: error TM000 /m);
  });
});
