// @spdf verifies SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli, tempWorkspace } from '../support/cli';

const CLEAN = {
  'spdf.config.yaml': 'code:\n  max_file_bytes: 400\nrules:\n  RQ002: off\n  RQ003: off\n',
  'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    verification: [analysis]\n',
};
const TAG = '// @spdf implements SEC-REQ-404\nint f(void) { return 0; }\n';

/** Source files the code index could not scan: each once let spdf lint say "no problems" and exit 0 while check failed. */
const UNSCANNED: [string, Record<string, string | Uint8Array>, RegExp][] = [
  ['a file over code.max_file_bytes', { 'src/big.c': TAG + '// padding\n'.repeat(60) }, /^error: src\/big\.c:1:1: source file not scanned for tags: file is .* over the .* limit/m],
  ['a UTF-16 file', { 'src/wide.c': new Uint8Array(Buffer.from(`\uFEFF${TAG}`, 'utf16le')) }, /^error: src\/wide\.c:1:1: source file not scanned for tags: .*UTF-16/m],
  ['a tag in a language without a grammar', { 'src/rate.kt': '// @spdf implements SEC-REQ-404\nfun rate() = 1\n' }, /^error: src\/rate\.kt:1:\d+: source file not scanned for tags/m],
];

describe('spdf lint with a source file it could not scan', () => {
  it('the workspace lints clean without one (the cases below differ only in it)', async () => {
    const root = tempWorkspace({ ...CLEAN, 'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n' });
    try {
      const r = await runCli(['lint', root], root);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const [name, files, message] of UNSCANNED)
    it(`${name}: exit 1 naming it at file:line:col, in every format`, async () => {
      const root = tempWorkspace({ ...CLEAN, ...files });
      try {
        for (const format of ['human', 'json', 'sarif']) {
          const r = await runCli(['lint', root, '--format', format], root);
          assert.equal(r.code, 1, `${format}: ${r.stdout}`);
          assert.match(r.stderr, message, format);
          if (format === 'sarif') {
            const run = (JSON.parse(r.stdout) as { runs: { invocations?: { executionSuccessful: boolean }[] }[] }).runs[0];
            assert.equal(run.invocations?.[0].executionSuccessful, false, 'the SARIF log says the run did not read everything');
          }
        }
        assert.doesNotMatch((await runCli(['lint', root], root)).stdout, /no problems/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
