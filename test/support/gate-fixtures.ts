import { RULES } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';

/** One requirement verified by one test (no code needed): a model that passes the gate by itself. */
export const VERIFIED = `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    verification: [test]
    tests: [TC-001]
tests:
  - id: TC-001
    title: Unsigned command is rejected
`;

/** A rule that always throws: a bug of ours, which must never pass as "no findings". */
export const CRASHING_RULE: Rule = {
  meta: { ...RULES[0].meta, code: 'XX999', needs: undefined },
  check: () => {
    throw new Error('boom');
  },
};
