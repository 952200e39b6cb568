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
    const r = await runCli(['check', EXAMPLE, '--min-coverage', '100']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^spdf check: FAIL: coverage \d+\.\d% \(\d+\/\d+ requirements OK or JUSTIFIED; OK \d+, PARTIAL \d+, MISSING \d+, SUSPECT \d+, JUSTIFIED \d+, ERROR \d+\); minimum 100% -- coverage below 100%$/);
  });

  it("check passes at the example's real coverage, and --fail-on-status lists offenders", async () => {
    const first = await runCli(['check', EXAMPLE]);
    const pct = /coverage (\d+\.\d)%/.exec(first.stdout)![1];
    const pass = await runCli(['check', EXAMPLE, '--min-coverage', pct]);
    assert.equal(pass.code, 0, pass.stdout);
    assert.match(pass.stdout, /^spdf check: PASS/);
    const gate = await runCli(['check', EXAMPLE, '--min-coverage', pct, '--fail-on-status', 'ERROR']);
    assert.equal(gate.code, 1);
    assert.match(gate.stderr, /^ERROR\s+THR-006\s+TM002/m, 'the deliberate dangling reference of the example');
  });

  it('usage errors exit 2', async () => {
    assert.equal((await runCli(['check', EXAMPLE, '--min-coverage', 'lots'])).code, 2);
    assert.equal((await runCli(['check', EXAMPLE, '--fail-on-status', 'BROKEN'])).code, 2);
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
