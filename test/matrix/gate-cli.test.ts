// @spdf verifies SPDF-CMD-CHECK, SPDF-FC-GATE
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { validator } from '../export/support';
import { runCli } from '../support/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');
const REQS = join('model', 'requirements.spdf.yaml');
/** The example's deliberate defects (an unknown-ID tag, a dangling reference) allowed: only the mutation can fail the gate. */
const ALLOW_EXAMPLE = ['--allow-unknown-ids', '--allow-errors'];

describe('spdf check fails closed', () => {
  let dir: string;
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spdf-gate-'));
    cpSync(EXAMPLE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (path: string, f: (text: string) => string) => writeFileSync(join(dir, path), f(readFileSync(join(dir, path), 'utf8')));

  it('fails when a tab-indented line breaks requirements.spdf.yaml, naming file:line:col', async () => {
    edit(REQS, (t) => t.replace('  - id: SEC-REQ-003', '\tx: 1\n  - id: SEC-REQ-003'));
    const r = await runCli(['check', dir, '--min-coverage', '80', ...ALLOW_EXAMPLE, '--no-code']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^spdf check: FAIL: .* -- \d+ load problems in model or config files/);
    assert.match(r.stderr, /^model\/requirements\.spdf\.yaml:31:1: TM000 /m);
  });

  it('fails on one invalid UTF-8 byte (no requirements in scope), naming the byte', async () => {
    const bytes = readFileSync(join(dir, REQS));
    bytes[100] = 0xff;
    writeFileSync(join(dir, REQS), bytes);
    const r = await runCli(['check', dir, '--min-coverage', '0', ...ALLOW_EXAMPLE, '--no-code']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /load problem in model or config files; .*no requirements in scope$/);
    assert.match(r.stderr, /^model\/requirements\.spdf\.yaml:\d+:\d+: TM009 file is not valid UTF-8/m);
  });

  it('--allow-load-errors reports the problem without failing on it; an empty scope still fails', async () => {
    edit('model/tests.spdf.yaml', (t) => `${t}\n\tbroken: [\n`);
    const allowed = await runCli(['check', dir, '--min-coverage', '0', ...ALLOW_EXAMPLE, '--allow-load-errors', '--no-code']);
    assert.equal(allowed.code, 0, allowed.stdout);
    assert.match(allowed.stderr, /^\(allowed\) model\/tests\.spdf\.yaml:\d+:\d+: TM000 /m);
    writeFileSync(join(dir, REQS), 'requirements: []\n');
    const empty = await runCli(['check', dir, '--min-coverage', '0', ...ALLOW_EXAMPLE, '--allow-load-errors', '--no-code']);
    assert.equal(empty.code, 1);
    assert.match(empty.stdout, /no requirements in scope$/);
  });

  it('fails when spdf.config.yaml does not load', async () => {
    edit('spdf.config.yaml', (t) => `${t}\n\tbad: [\n`);
    const r = await runCli(['check', dir, '--min-coverage', '0', ...ALLOW_EXAMPLE, '--no-code']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^spdf\.config\.yaml:\d+:\d+: TM000 /m);
  });

  it('fails by default on tags naming unknown IDs, ERROR items and error findings on the traced chain, listing each with its place', async () => {
    const r = await runCli(['check', dir, '--min-coverage', '0']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, / -- 1 code tag naming unknown IDs; 4 error-level findings on the traced chain; 6 items ERROR$/);
    assert.match(r.stderr, /^firmware\/src\/ble\/ble_commands\.c:95:21: CL001 tag 'implements SEC-REQ-099'/m);
    assert.match(r.stderr, /^model\/threats\.spdf\.yaml:276:9: TR006 threat 'THR-010' has no safety assessment/m, 'an error on a threat of the chain');
    assert.doesNotMatch(r.stderr, /ZC020/, 'an error on an asset is not on the traced chain');
  });

  it('fails on a tag it cannot read (misspelt relation) and on a source file too large to scan', async () => {
    edit('firmware/src/ble/ble_commands.c', (t) => t.replace('// @spdf implements SEC-REQ-099', '// @spdf implemnts SEC-REQ-009'));
    const tag = await runCli(['check', dir, '--min-coverage', '0', '--allow-errors']);
    assert.equal(tag.code, 1, tag.stdout);
    assert.match(tag.stdout, / -- 1 input problem \(review lock, source files and tags, test results\)$/);
    assert.match(tag.stderr, /^firmware\/src\/ble\/ble_commands\.c:95:\d+: input problem: unknown-relation: unknown relation 'implemnts'/m);
    edit('spdf.config.yaml', (t) => t.replace('code:\n', 'code:\n  max_file_bytes: 3000\n'));
    const big = await runCli(['check', dir, '--min-coverage', '0', '--allow-errors', '--allow-unknown-ids', '--format', 'json']);
    assert.equal(big.code, 1);
    const skipped = JSON.parse(big.stdout).offenders.filter((o: { message: string }) => o.message.startsWith('source file not scanned for tags'));
    assert.ok(
      skipped.some((o: { file: string }) => o.file === 'firmware/src/ble/ble_commands.c'),
      JSON.stringify(skipped),
    );
  });

  it('fails on a tag in a source file of a language the index does not parse, at its line and column; spdf links exits 1 too', async () => {
    const passing = ['--min-coverage', '0', '--allow-errors', '--allow-unknown-ids'];
    assert.equal((await runCli(['check', dir, ...passing])).code, 0, 'the example passes with its defects allowed');
    writeFileSync(join(dir, 'firmware', 'src', 'rate.kt'), 'package pump\n\n// @spdf implements SEC-REQ-001\nfun rate() = 1\n');
    const r = await runCli(['check', dir, ...passing]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, / -- 1 input problem \(review lock, source files and tags, test results\)$/);
    assert.match(r.stderr, /^firmware\/src\/rate\.kt:3:4: input problem: source file not scanned for tags: tag text at 3:4 .* a \.kt file/m);
    const links = await runCli(['links', dir, '--format', 'json']);
    assert.equal(links.code, 1);
    assert.ok(
      JSON.parse(links.stdout).problems.some((p: { file: string; line: number }) => p.file === 'firmware/src/rate.kt' && p.line === 3),
      links.stdout,
    );
  });

  it('takes the default minimum from check.min_coverage (100 when absent); --min-coverage overrides it', async () => {
    const absent = await runCli(['check', dir, ...ALLOW_EXAMPLE]);
    assert.match(absent.stdout, /minimum 100%.* -- coverage below 100%$/);
    assert.equal(absent.code, 1);
    edit('spdf.config.yaml', (t) => `${t}\ncheck:\n  min_coverage: 85\n`);
    const fromConfig = await runCli(['check', dir, ...ALLOW_EXAMPLE]);
    assert.equal(fromConfig.code, 0, fromConfig.stdout);
    assert.match(fromConfig.stdout, /^spdf check: PASS: .*minimum 85%/);
    const flag = await runCli(['check', dir, ...ALLOW_EXAMPLE, '--min-coverage', '95']);
    assert.equal(flag.code, 1);
    assert.match(flag.stdout, /minimum 95%/);
  });

  it('--format json lists every offender with its place, the coverage and the reasons', async () => {
    edit(REQS, (t) => t.replace('  - id: SEC-REQ-003', '\tx: 1\n  - id: SEC-REQ-003'));
    const r = await runCli(['check', dir, '--format', 'json']);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.version, 1);
    assert.equal(report.pass, false);
    assert.equal(report.coverage.minimum, 100);
    const load = report.offenders.filter((o: { class: string }) => o.class === 'load');
    assert.ok(load.length > 0);
    assert.deepEqual(Object.keys(load[0]).sort(), ['class', 'code', 'column', 'file', 'line', 'message']);
    assert.ok(report.offenders.some((o: { class: string; id?: string }) => o.class === 'unknown-id' && o.id === 'SEC-REQ-099'));
    assert.ok(report.offenders.length > 20, 'json is not cut to the first offenders');
    assert.equal(report.reasons[0], `${load.length} load problems in model or config files`);
    assert.deepEqual(validator('media/schemas/spdf.check.schema.json')(report), []);
  });

  it('a matrix with load problems says INCOMPLETE and lists them', async () => {
    edit(REQS, (t) => t.replace('  - id: SEC-REQ-003', '\tx: 1\n  - id: SEC-REQ-003'));
    const md = await runCli(['trace', dir, '--format', 'md', '--no-code']);
    assert.match(md.stdout, /^Coverage .* -- INCOMPLETE: \d+ input problems/m);
    assert.match(md.stdout, /^- model\/requirements\.spdf\.yaml:31:1: TM000 /m);
    const json = JSON.parse((await runCli(['trace', dir, '--format', 'json', '--no-code'])).stdout);
    assert.ok(json.problems.some((p: string) => p.startsWith('model/requirements.spdf.yaml:31:1: TM000 ')));
    const xlsx = join(dir, 'm.xlsx');
    assert.equal((await runCli(['trace', dir, '--format', 'xlsx', '-o', xlsx, '--no-code'])).code, 1, 'written, and INCOMPLETE in the exit code too');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as never);
    assert.equal(wb.worksheets[0].name, 'INCOMPLETE - input problems');
    assert.match(wb.worksheets[0].getCell('A2').text, /^model\/requirements\.spdf\.yaml:31:1: TM000 /);
  });
});
