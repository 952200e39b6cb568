// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * picomatch compiles `**` to `.`, which matches no line break: a file whose name held `\n`, `\r`, U+2028 or U+2029
 * escaped every glob ending in `**` and was never read, so what it said (a tag naming an unknown ID, a failed test)
 * did not fail the gate. Each case puts one such input under a `**` glob; `spdf check` must fail on it.
 */
const BREAKS = ['\n', '\r', '\u2028', '\u2029'];
const FAILED_JUNIT = '<testsuite><testcase classname="t" name="TC-001"><failure message="no"/></testcase></testsuite>\n';
const PASSED_JUNIT = '<testsuite><testcase classname="t" name="other"/></testsuite>\n';
const CASES: { name: string; config: string; file: (b: string) => string; text: string; beside?: Record<string, string> }[] = [
  { name: 'a source file under code.include', config: "code:\n  include: ['src/**']\n", file: (b) => `src/b${b}c.c`, text: '// @spdf implements REQ-404\nint g(void) { return 1; }\n' },
  { name: 'a JUnit file under test_results', config: "test_results: ['reports/**']\n", file: (b) => `reports/r${b}s.xml`, text: FAILED_JUNIT, beside: { 'reports/ok.xml': PASSED_JUNIT } },
  { name: 'a model file under include', config: "include: ['model/**']\n", file: (b) => `model/x${b}y.spdf.yaml`, text: 'requirements:\n  - id: REQ-001\n    title: Again\n' },
];

describe('file names with a line break under a ** glob', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  it('the workspace without them passes', async () => {
    for (const c of CASES)
      await withTempWorkspace({ ...BASE, ...c.beside, 'spdf.config.yaml': CONFIG + c.config }, async (root) => assert.equal((await runCli(['check', root, '--no-cache'])).code, 0, c.name));
  });

  for (const c of CASES)
    for (const b of BREAKS)
      it(`${c.name} (U+${b.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in its name) fails the check`, async () => {
        await withTempWorkspace({ ...BASE, ...c.beside, 'spdf.config.yaml': CONFIG + c.config, [c.file(b)]: c.text }, async (root) => {
          const check = await runCli(['check', root, '--no-cache']);
          assert.equal(check.code, 1, `${check.stdout}\n${check.stderr}`);
        });
      });
});
