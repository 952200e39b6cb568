// @spdf verifies SPDF-FC-JUNIT-MAPPING
/**
 * The tree and the code lenses showed a YAML test's recorded `result`, so a test whose JUnit case failed read "pass"
 * beside its ERROR requirement. They show the outcome the matrix decides, naming the recorded one where they differ.
 */
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver/node';
import type { StatusSummary, TreeDataResult } from '../../src/protocol';
import { startHarness, until, type Harness } from './harness';

const MODEL = 'model/req.spdf.yaml';
const FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\ntest_results: ["results/*.xml"]\ncheck:\n  min_coverage: 0\n',
  [MODEL]: `requirements:
  - {id: REQ-001, title: Reject unsigned commands, verification: [test], tests: [TC-MAPPED, TC-NAMED, TC-NONE, TC-PASS]}
tests:
  - {id: TC-MAPPED, title: Mapped case failed, verifies: [REQ-001], result: pass, junit: {classname: dose, name: rejects}}
  - {id: TC-NAMED, title: Case named after it failed, verifies: [REQ-001], result: pass}
  - {id: TC-NONE, title: No result and no case, verifies: [REQ-001]}
  - {id: TC-PASS, title: Recorded pass, verifies: [REQ-001], result: pass}
`,
  'results/r.xml':
    '<testsuite name="s"><testcase classname="dose" name="rejects"><failure message="m"/></testcase><testcase classname="x" name="TC-NAMED"><error message="e"/></testcase></testsuite>\n',
};

describe('language server: a test shows the outcome of its JUnit cases, not only its recorded result', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness(FILES);
    await h.open(MODEL);
    await h.waitDiagnostics(MODEL);
    await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
  });
  after(async () => h.close());

  it('in the requirements tree', async () => {
    const row = (await h.request<TreeDataResult>('spdf/treeData', {})).rows.find((r) => r.id === 'REQ-001')!;
    assert.equal(row.status, 'ERROR');
    const tests = Object.fromEntries(row.children.filter((c) => c.kind === 'test').map((c) => [c.label, [c.result, c.description]]));
    assert.deepEqual(tests, {
      'TC-MAPPED': ['fail', 'Mapped case failed · fail (recorded pass)'],
      'TC-NAMED': ['fail', 'Case named after it failed · fail (recorded pass)'],
      'TC-NONE': ['not-run', 'No result and no case · not-run'],
      'TC-PASS': ['pass', 'Recorded pass · pass'],
    });
  });

  it('in the code lenses of the test items', async () => {
    const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(MODEL) } });
    const titles = lenses.map((l) => l.command!.title).filter((t) => t.includes('verifies'));
    assert.deepEqual(titles, ['fail (recorded pass) · verifies 1 item', 'fail (recorded pass) · verifies 1 item', 'not-run · verifies 1 item', 'pass · verifies 1 item']);
  });
});
