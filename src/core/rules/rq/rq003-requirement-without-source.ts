import type { Rule } from '../types';
import { isObsolete, strList, TR_HELPERS_READS } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'RQ003',
    alias: 'requirement-without-source',
    severity: 'warning',
    category: 'requirements',
    description: 'A requirement traces to no source: no `derived_from`, no control, and no IEC 62443-3-3 SR, FDA Appendix 1 category or IEC 81001-5-1 clause.',
    rationale:
      'A security requirement exists because of a threat, a control it specifies, or a standard it implements; without a source nobody can tell whether it may be dropped or must be kept, and the trace threat -> requirement breaks. Heuristic: the standards ask for traceability, not for this field.',
    source: 'Heuristic; IEC 81001-5-1:2021 5.2 (security requirements from the threat model); FDA premarket cybersecurity guidance traceability',
    fixable: false,
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, 'controls', 'derived_from', 'implements', 'standards'],
    examples: {
      valid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {iec62443_3_3: ["SR 3.1"]}
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
#       ^^^^^^^^^^^ RQ003
    title: Reject unsigned therapy commands
    verification: [test]
    tests: [TC-001]
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
      ],
    },
  },
  check(ctx) {
    for (const r of ctx.graph.byKind.requirement) {
      if (isObsolete(r)) continue;
      const st = r.data.standards ?? {};
      if (strList(r.data.derived_from).length || strList(r.data.controls).length || strList(st.iec62443_3_3).length || strList(st.fda_app1).length || strList(st.iec81001_5_1).length) continue;
      if ((ctx.graph.refsTo.get(r.id) ?? []).some((x) => x.from.kind === 'control' && x.field === 'implements')) continue;
      ctx.report({
        file: r.file,
        range: ctx.rangeOf(r),
        message: `requirement '${r.id}' has no source; set \`derived_from\` (threat, control, hazard) or map it in \`standards\` (iec62443_3_3, fda_app1, iec81001_5_1)`,
      });
    }
  },
};
export default rule;
