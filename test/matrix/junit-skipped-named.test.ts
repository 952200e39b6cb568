// @spdf verifies SPDF-FC-JUNIT-MAPPING
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { resolveConfig } from '../../src/core/model/config';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { exampleTestResults } from '../support/example-test-results';

/**
 * A test recording `result: pass` with its `evidence`, and JUnit cases named after its ID (no `junit` mapping): the
 * results read are the latest word, so cases that were all skipped leave the requirement it verifies not verified.
 */
const ROWS: { name: string; cases: string[]; mapped?: boolean; status: string }[] = [
  { name: 'no case named after the test: the recorded pass stands', cases: [], status: 'OK' },
  { name: 'one skipped case: not run', cases: ['<skipped/>'], status: 'PARTIAL' },
  { name: 'two skipped cases (run twice): not run', cases: ['<skipped/>', '<skipped/>'], status: 'PARTIAL' },
  { name: 'one skipped and one passed case: the pass stands', cases: ['<skipped/>', ''], status: 'OK' },
  { name: 'one passed case: the pass stands', cases: [''], status: 'OK' },
  { name: 'a mapped case passed, the named one skipped: the mapped pass stands', cases: ['<skipped/>'], mapped: true, status: 'OK' },
];

async function statusOf(row: (typeof ROWS)[number]): Promise<string | undefined> {
  const cases = row.cases.map((body) => `  <testcase classname="suite" name="TC-001">${body}</testcase>`);
  if (row.mapped) cases.push('  <testcase classname="suite" name="dose-limits"></testcase>');
  const files: Record<string, string> = {
    'spdf.config.yaml': 'profile: recommended\ntest_results: [results/*.xml]\nevidence:\n  requirement: {implementation: false, verification: true}\n',
    'model.spdf.yaml': [
      'requirements:',
      '  - {id: SEC-REQ-001, title: Dose limits, text: The pump shall limit the dose., verification: [test], standards: {fda_app1: [authentication]}}',
      'tests:',
      `  - {id: TC-001, title: Dose limit test, verifies: [SEC-REQ-001], result: pass, evidence: results/report.txt${row.mapped ? ', junit: {classname: suite, name: dose-limits}' : ''}}`,
      '',
    ].join('\n'),
    'results/report.txt': 'dose limits held\n',
    'results/junit.xml': `<testsuite name="suite">\n${cases.join('\n')}\n</testsuite>\n`,
  };
  const ws = await loadWorkspace(new MemoryHost(new Map(Object.entries(files))));
  assert.deepEqual(ws.graph.problems, []);
  const inputs = ruleInputs(ws, { testResults: exampleTestResults(files, resolveConfig(new TextEncoder().encode(files['spdf.config.yaml'])).config) });
  const matrix = traceMatrix(inputs, lint(inputs));
  return matrix.views.requirements!.rows.find((r) => r.id === 'SEC-REQ-001')?.status;
}

describe('JUnit: skipped cases named after a test that records a pass', () => {
  for (const row of ROWS) it(`${row.name} (${row.status})`, async () => assert.equal(await statusOf(row), row.status));
});
