// @spdf verifies SPDF-FC-RESULTS
/**
 * A configured `test_results` that read nothing (a glob choosing no file, a file that is not XML) made every mapped
 * test "no result", and its requirement OK in the matrix beside the input problem. Such a test never ran, as when the
 * results were read and name it nowhere: its requirement is PARTIAL. Without `test_results` a mapped test has no
 * result and its requirement stays OK: results are not required.
 */
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';

const MODEL = `requirements:
  - {id: REQ-001, title: Reject unsigned commands, verification: [test], tests: [TC-001]}
tests:
  - {id: TC-001, title: Unsigned command is rejected, verifies: [REQ-001], junit: {classname: dose, name: rejects}}
`;
const CONFIG = 'version: 1\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n';

describe('JUnit results configured but not read', () => {
  for (const [name, files, want] of [
    ['no test_results configured', {}, { status: 'OK', outcome: 'TC-001: no result', problems: 0 }],
    ['a glob that chooses no file', { 'spdf.config.yaml': `${CONFIG}test_results: ["out/*.xml"]\n` }, { status: 'PARTIAL', outcome: 'TC-001: not-run', problems: 1 }],
    ['a file that is not XML', { 'spdf.config.yaml': `${CONFIG}test_results: ["out/*.xml"]\n`, 'out/r.xml': '<testsuite><testcase' }, { status: 'PARTIAL', outcome: 'TC-001: not-run', problems: 1 }],
    [
      'the case in the results, passed',
      { 'spdf.config.yaml': `${CONFIG}test_results: ["out/*.xml"]\n`, 'out/r.xml': '<testsuite><testcase classname="dose" name="rejects"/></testsuite>' },
      { status: 'OK', outcome: 'TC-001: pass', problems: 0 },
    ],
    [
      'a file whose failure comes from an entity (an XML reader sees the case failed)',
      {
        'spdf.config.yaml': `${CONFIG}test_results: ["out/*.xml"]\n`,
        'out/r.xml': '<?xml version="1.0"?>\n<!DOCTYPE testsuite [<!ENTITY f "<failure/>">]>\n<testsuite><testcase classname="dose" name="rejects">&f;</testcase></testsuite>',
      },
      { status: 'PARTIAL', outcome: 'TC-001: not-run', problems: 1 },
    ],
    [
      'a file whose DTD gives every case a failed status (a conforming XML reader applies it)',
      {
        'spdf.config.yaml': `${CONFIG}test_results: ["out/*.xml"]\n`,
        'out/r.xml': '<?xml version="1.0"?>\n<!DOCTYPE testsuite [<!ATTLIST testcase status CDATA "failed">]>\n<testsuite><testcase classname="dose" name="rejects"/></testsuite>',
      },
      { status: 'PARTIAL', outcome: 'TC-001: not-run', problems: 1 },
    ],
  ] as const)
    it(`${name}: REQ-001 ${want.status}, ${want.outcome}`, async () => {
      await withTempWorkspace({ 'spdf.config.yaml': CONFIG, 'model.spdf.yaml': MODEL, ...files }, async (root) => {
        const trace = await runCli(['trace', root, '--format', 'json', '--no-cache']);
        const m = JSON.parse(trace.stdout) as { problems?: string[]; views: { requirements: { rows: { id: string; status: string; cells: { verification: { text: string }[] } }[] } } };
        const row = m.views.requirements.rows.find((r) => r.id === 'REQ-001');
        assert.equal(row?.status, want.status, trace.stdout);
        assert.deepEqual(
          row?.cells.verification.map((c) => c.text),
          [want.outcome],
        );
        assert.equal(m.problems?.length ?? 0, want.problems);
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, want.status === 'OK' && !want.problems ? 0 : 1, check.stdout + check.stderr);
      });
    });
});
