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

/** A rule that crashed reported nothing, so the statuses its findings would have made ERROR may read OK: the matrix must not look complete. */
const MODEL = `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    verification: [test]
    tests: [TC-001]
tests:
  - id: TC-001
    title: Unsigned command is rejected
`;

async function matrixWith(rules: readonly Rule[]) {
  const inputs = ruleInputs(await loadWorkspace(new MemoryHost(new Map([['model.spdf.yaml', MODEL]]))));
  return traceMatrix(inputs, lint(inputs, { rules }), { views: ['requirements'] });
}

describe('trace matrix of a run in which a rule crashed', () => {
  const crashing: Rule = {
    meta: { ...RULES[0].meta, code: 'XX999', needs: undefined },
    check: () => {
      throw new Error('boom');
    },
  };

  it('lists the crash as a problem, so the matrix and its exports say INCOMPLETE', async () => {
    const m = await matrixWith([...RULES, crashing]);
    assert.deepEqual(m.problems, ['internal error in rule XX999: Error: boom (its findings are missing)']);
    const csv = toCsv(m.views.requirements!, m.problems);
    assert.match(csv.trimEnd().split('\n').at(-1)!, /^INCOMPLETE,/);
  });

  it('lists nothing when every rule ran', async () => {
    assert.deepEqual((await matrixWith(RULES)).problems, []);
  });
});
