// @spdf verifies SPDF-FC-JUNIT-MAPPING
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import type { JUnitCase, JUnitOutcome } from '../../src/core/matrix/test-results';
import { traceIndexFromInputs } from '../../src/core/matrix/trace-matrix';
import { resolveConfig } from '../../src/core/model/config';
import { loadWorkspace, type Workspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { exampleTestResults } from '../support/example-test-results';
import { readTree } from '../support/read-tree';

const FIXTURES = [join(__dirname, '..', 'fixtures', 'rules', 'VT005'), join(__dirname, '..', 'fixtures', 'junit-mapping')];

/** The matrix's outcome of every test, and the tests VT005 reports the case at, with `cases` as the only results read. */
function run(ws: Workspace, files: string[], cases: JUnitCase[]) {
  const inputs = ruleInputs(ws, { testResults: { version: 1, files, cases, problems: [] } });
  const result = lint(inputs);
  const index = traceIndexFromInputs(inputs, result);
  const outcome = new Map(ws.graph.byKind.test.map((t) => [t.id, index.testOutcome(t.id)]));
  const vt005 = (c: JUnitCase) =>
    result.findings
      .filter((f) => f.code === 'VT005' && f.message.includes(` at ${c.file}:${c.line} `))
      .map((f) => /test '([^']+)'/.exec(f.message)![1])
      .sort();
  return { outcome, vt005 };
}

/**
 * The matrix and VT005 agree on which case belongs to which test: for each case of each fixture alone, failed and
 * then passed, the tests the matrix fails because of it are those that map it (VT005 silent) plus those it is named
 * after without a mapping (VT005 reports it there); no case VT005 reports is missed by the matrix.
 */
describe('the matrix and VT005 agree on every JUnit case', () => {
  for (const dir of FIXTURES)
    it(dir.split(/[\\/]/).slice(-2).join('/'), async () => {
      const tree = readTree(dir);
      const ws = await loadWorkspace(new MemoryHost(new Map(Object.entries(tree))));
      assert.deepEqual(ws.graph.problems, []);
      const all = exampleTestResults(tree, resolveConfig(new TextEncoder().encode(tree['spdf.config.yaml'])).config)!;
      assert.ok(all.cases.length >= 7);
      const mapped = (id: string) => !!ws.graph.byId.get(id)?.data.junit;
      for (const c of all.cases) {
        const as = (outcome: JUnitOutcome) => run(ws, all.files, [{ ...c, outcome }]);
        const failed = as('fail');
        const passed = as('pass');
        const reported = failed.vt005(c);
        const failedByCase = [...failed.outcome].filter(([id, o]) => o === 'fail' && passed.outcome.get(id) !== 'fail').map(([id]) => id);
        const label = `${c.file}:${c.line} ${c.classname}|${c.name}`;
        for (const id of reported) assert.equal(failed.outcome.get(id), 'fail', `${label}: VT005 reports it at ${id}, but the matrix does not fail ${id}`);
        for (const id of failedByCase) assert.ok(reported.includes(id) || mapped(id), `${label}: the matrix fails ${id}, which neither maps it nor gets VT005`);
        for (const id of reported) assert.ok(id === c.name.trim() || id === `${c.classname.trim()}.${c.name.trim()}`, `${label}: VT005 reports it at ${id}, which it is not named after`);
        assert.deepEqual(passed.vt005(c), reported, `${label}: VT005 reports the case whatever its outcome`);
      }
    });
});
