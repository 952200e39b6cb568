import { verificationIndex, VERIFICATION_READS } from '../../analysis/verification';
import type { ItemKind } from '../../model/kinds';
import type { Rule } from '../types';
import { isObsolete, TR_HELPERS_READS } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'RQ002',
    alias: 'not-verified',
    severity: 'error',
    category: 'requirements',
    description: 'A requirement (or, per `evidence` in spdf.config.yaml, a control) has no verification: no `tests` item verifies it and no test code is tagged `@spdf verifies` it.',
    rationale:
      'The FDA expects every security requirement and control to trace to a test (threat -> control -> requirement -> test), and IEC 81001-5-1 asks for security requirement and threat mitigation testing. This is the one missing-verification rule, whatever the source of evidence: a `tests` item that `verifies` the item or that the item lists in its `tests`, or (when code links are indexed) a symbol in a test file (`code.test_globs`) tagged `@spdf verifies ID`; a `verifies` tag elsewhere is no evidence (CL004). A control also counts as verified when an in-scope requirement that specifies it is. The matrix, the tree view and `spdf check` use the same definition, so they never disagree with this rule. Which kinds need verification is `evidence.<kind>.verification` (default: requirements and controls). Obsolete requirements are skipped. No automatic fix: a stub test would be false evidence.',
    source: 'FDA premarket cybersecurity guidance V.C (security testing, traceability); IEC 81001-5-1:2021 5.7.1 and 5.7.2; 21 CFR 820.30(f)',
    fixable: false,
    needs: ['code'],
    runsWithout: ['code'],
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, ...VERIFICATION_READS],
    examples: {
      valid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
    verification: [test]
    tests: [TC-001]
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
      ],
      invalid: [
        `requirements:
  - id: SEC-REQ-001
#       ^^^^^^^^^^^ RQ002
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
    verification: [test]
`,
      ],
    },
  },
  check(ctx) {
    const kinds = Object.entries(ctx.config.evidence)
      .filter(([, e]) => e.verification)
      .map(([k]) => k as ItemKind);
    if (!kinds.length) return;
    const index = verificationIndex(ctx);
    for (const kind of kinds) {
      for (const item of ctx.graph.byKind[kind] ?? []) {
        if (isObsolete(item) || index.isVerified(item)) continue;
        ctx.report({
          file: item.file,
          range: ctx.rangeOf(item),
          message: `${item.kind} '${item.id}' is not verified: no \`tests\` item verifies it${ctx.code ? ' and no test code is tagged `@spdf verifies ' + item.id + '`' : ' (code links not indexed)'}`,
        });
      }
    }
  },
};
export default rule;
