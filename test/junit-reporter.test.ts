// @spdf verifies SPDF-SELF-001
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

describe('npm test JUnit output (test/support/dot-and-junit.cjs)', function () {
  this.timeout(60_000);

  it('writes every case with its file, failures included, and still prints dots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spdf-junit-reporter-'));
    try {
      const spec = join(dir, 'sample.spec.cjs');
      writeFileSync(spec, "describe('suite', () => { it('passes', () => {}); it('fails', () => { throw new Error('boom'); }); });\n");
      const output = join(dir, 'out.xml');
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--no-config', '--reporter', join(ROOT, 'test/support/dot-and-junit.cjs'), '--reporter-option', `output=${output}`, spec],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /1 passing/);
      const xml = readFileSync(output, 'utf8');
      assert.match(xml, /<testsuite\b[^>]*tests="2"[^>]*errors="1"/);
      assert.match(xml, /<testcase classname="suite" name="passes" file="sample\.spec\.cjs"/);
      assert.match(xml, /name="fails" file="sample\.spec\.cjs"[^>]*><failure/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
