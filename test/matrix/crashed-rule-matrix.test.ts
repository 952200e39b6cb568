// @spdf verifies SPDF-CMD-TRACE
import assert from 'node:assert/strict';
import { toCsv } from '../../src/core/export/csv';
import { MemoryHost } from '../../src/core/host';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';
import { CRASHING_RULE, VERIFIED } from '../support/gate-fixtures';

async function matrixWith(rules: readonly Rule[]) {
  const inputs = ruleInputs(await loadWorkspace(new MemoryHost(new Map([['model.spdf.yaml', VERIFIED]]))));
  return traceMatrix(inputs, lint(inputs, { rules }), { views: ['requirements'] });
}

/** A rule that crashed reported nothing, so the statuses its findings would have made ERROR may read OK: the matrix must not look complete. */
describe('trace matrix of a run in which a rule crashed', () => {
  it('lists the crash as a problem, so the matrix and its exports say INCOMPLETE', async () => {
    const m = await matrixWith([...RULES, CRASHING_RULE]);
    assert.deepEqual(m.problems, ['internal error in rule XX999: Error: boom (its findings are missing)']);
    const csv = toCsv(m.views.requirements!, m.problems);
    assert.match(csv.trimEnd().split('\n').at(-1)!, /^INCOMPLETE,/);
  });

  it('lists nothing when every rule ran', async () => {
    assert.deepEqual((await matrixWith(RULES)).problems, []);
  });
});
