// @spdf verifies SPDF-FC-RESULTS
/**
 * A results file whose suite counts a failure that none of its test cases shows (a failed hook, a crash between
 * tests, a reporter that dropped the case) left every case passed and `spdf check` green. The same workspace with
 * counts that agree passes, so the failure comes from the lost failure alone.
 */
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';

const files = (suiteAttributes: string) => ({
  'spdf.config.yaml':
    "version: 1\nrules: { RQ003: off }\nevidence: { requirement: { implementation: false, verification: true } }\ncode: { include: ['tests/**'], test_globs: ['tests/**'] }\ntest_results: ['reports/*.xml']\n",
  'model.spdf.yaml': 'requirements:\n  - id: REQ-001\n    title: Reject unsigned therapy commands\n    verification: [test]\n    status: approved\n',
  'tests/test_dose.py': '# @spdf verifies REQ-001\n"""Dose tests."""\n\n\ndef test_rejects_unsigned():\n    assert True\n',
  'reports/junit.xml': `<?xml version="1.0"?>\n<testsuite name="pytest" tests="2" ${suiteAttributes}>\n  <testcase classname="tests.test_dose" name="test_rejects_unsigned"/>\n</testsuite>\n`,
});

describe('a JUnit suite counting a failure no test case shows', () => {
  for (const [attributes, pass] of [
    ['failures="0" errors="0"', true],
    ['failures="1" errors="0"', false],
    ['failures="0" errors="1"', false],
  ] as const)
    it(`<testsuite ${attributes}> around one passed case: spdf check ${pass ? 'passes' : 'fails, naming the suite'}`, async () => {
      await withTempWorkspace(files(attributes), async (root) => {
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, pass ? 0 : 1, check.stdout + check.stderr);
        const said = check.stdout + check.stderr;
        if (pass) assert.doesNotMatch(said, /reports\/junit\.xml/);
        else assert.match(said, /reports\/junit\.xml:2:1: <testsuite name="pytest"> says 1 test failed or errored .* but no <testcase> in it did/);
      });
    });
});
