import type { Rule } from '../types';
import { referrers, strList, TR_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR007',
    alias: 'mitigated-threat-without-controls',
    severity: 'error',
    category: 'threats',
    description: 'A threat marked `mitigated` has no linked control.',
    rationale:
      "A threat is mitigated by something: the FDA asks for a traceability matrix from each risk to the controls that reduce it, and then to their tests. `status: mitigated` without a control (in the threat's `controls` or a control's `threats`) claims a risk reduction nobody can verify.",
    source: 'FDA premarket cybersecurity guidance V.A.4 and traceability (threat -> control -> test); Open Threat Model mitigation states',
    fixable: false,
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, 'controls', 'threats'],
    examples: {
      valid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
    status: mitigated
    controls: [CTRL-001]
controls:
  - id: CTRL-001
    title: Encrypted log storage
    type: technical
    fda_category: confidentiality
requirements:
  - id: SEC-REQ-001
    title: Encrypt the usage log at rest
    controls: [CTRL-001]
    derived_from: [THR-001]
    verification: [test]
tests:
  - id: TC-001
    title: Log file is unreadable without the device key
    verifies: [SEC-REQ-001]
`,
      ],
      invalid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
    status: mitigated
#           ^^^^^^^^^ TR007
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (t.data.status !== 'mitigated') continue;
      if (strList(t.data.controls).length || referrers(ctx.graph, t.id, 'control', 'threats').length) continue;
      ctx.report({
        file: t.file,
        range: ctx.rangeOf(t, ['status']),
        message: `threat '${t.id}' is marked mitigated but no control is linked; list the mitigating controls in \`controls\``,
      });
    }
  },
};
export default rule;
