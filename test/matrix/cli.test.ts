// @spdf verifies SPDF-CMD-TRACE
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

describe('spdf check and spdf trace', () => {
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });

  it('check --min-coverage 100 fails on the example (documented gaps) with a one-line summary', async () => {
    const r = await runCli(['check', EXAMPLE, '--min-coverage', '100', '--allow-unknown-ids', '--allow-errors']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0],
      /^spdf check: FAIL: coverage \d+\.\d% \(\d+\/\d+ requirements OK or JUSTIFIED; OK \d+, PARTIAL \d+, MISSING \d+, SUSPECT \d+, JUSTIFIED \d+, ERROR \d+\); minimum 100%; allowed: unknown-id, finding -- coverage below 100%$/,
    );
  });

  it("check passes at the example's real coverage only with its deliberate defects allowed, and lists them", async () => {
    const first = await runCli(['check', EXAMPLE]);
    assert.equal(first.code, 1);
    assert.match(first.stdout, / -- 1 code tag naming unknown IDs; 4 error-level findings on the traced chain; 6 items ERROR; coverage below 100%$/);
    assert.match(first.stderr, /^firmware\/src\/ble\/ble_commands\.c:95:21: CL001 tag 'implements SEC-REQ-099'/m, 'the deliberate unknown ID of the example');
    assert.match(first.stderr, /^model\/threats\.spdf\.yaml:163: ERROR threat THR-006: TM002/m, 'the deliberate dangling reference of the example');
    const pct = /coverage (\d+\.\d)%/.exec(first.stdout)![1];
    const pass = await runCli(['check', EXAMPLE, '--min-coverage', pct, '--allow-unknown-ids', '--allow-errors']);
    assert.equal(pass.code, 0, pass.stdout);
    assert.match(pass.stdout, /^spdf check: PASS/);
    const gate = await runCli(['check', EXAMPLE, '--min-coverage', pct, '--allow-unknown-ids', '--allow-errors', '--fail-on-status', 'SUSPECT']);
    assert.equal(gate.code, 1);
    assert.match(gate.stderr, /^model\/requirements\.spdf\.yaml:\d+: SUSPECT requirement SEC-REQ-003: changed since review/m);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await runCli(['check', EXAMPLE, '--min-coverage', 'lots'])).code, 2);
    assert.equal((await runCli(['check', EXAMPLE, '--fail-on-status', 'BROKEN'])).code, 2);
    assert.equal((await runCli(['check', EXAMPLE, '--format', 'sarif'])).code, 2);
    assert.equal((await runCli(['trace', EXAMPLE, '--format', 'pdf'])).code, 2);
    assert.equal((await runCli(['trace', EXAMPLE, '--view', 'assets'])).code, 2);
    assert.equal((await runCli(['trace', EXAMPLE, '--format', 'xlsx'])).code, 2, 'xlsx needs -o');
  });

  it('trace writes every format with -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spdf-trace-'));
    try {
      for (const f of ['html', 'csv', 'xlsx', 'md', 'json', 'sarif']) {
        const out = join(dir, `m.${f}`);
        const r = await runCli(['trace', EXAMPLE, '--view', 'fda', '--format', f, '-o', out, '--no-code']);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(existsSync(out), `${f}: ${out} written`);
        assert.ok(readFileSync(out).length > 100, `${f}: ${readFileSync(out).length} bytes`);
      }
      assert.match(readFileSync(join(dir, 'm.csv'), 'utf8'), /^ID,Title,Pre-mitigation score,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lint --format sarif is SARIF 2.1.0', async () => {
    const r = await runCli(['lint', EXAMPLE, '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.notDeepEqual(log.runs[0].results, [], 'the example has findings');
  });
});
