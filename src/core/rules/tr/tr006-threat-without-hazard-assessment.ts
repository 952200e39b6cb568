import { placeholder } from '../../fixes/placeholder';
import type { Rule } from '../types';
import { hasText, setKeyEdit, strList } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR006',
    alias: 'threat-without-hazard-assessment',
    severity: 'error',
    category: 'threats',
    description: 'A threat links no hazard and gives no `no_safety_impact_rationale`.',
    rationale:
      'AAMI TIR57 and ANSI/AAMI SW96 require every security risk to be assessed for safety impact: a threat that can cause harm is passed to the ISO 14971 process as a hazard, and one that cannot says why. The FDA asks for a safety and security risk assessment that links the two. The fix adds a `no_safety_impact_rationale: TODO(TR006)` placeholder (an error until a person writes it, see TM011) for a human to justify or replace with hazard links.',
    source: 'AAMI TIR57:2016/(R)2023 (security-safety process links); ANSI/AAMI SW96:2023; FDA premarket cybersecurity guidance V.A.2',
    fixable: true,
    since: '0.1.0',
    scope: 'file',
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
`,
      ],
      invalid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
#       ^^^^^^^ TR006
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score: {exploitability: medium, post_exploitability: low}
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (strList(t.data.hazards).length || hasText(t.data.no_safety_impact_rationale)) continue;
      ctx.report({
        file: t.file,
        range: ctx.rangeOf(t),
        message: `threat '${t.id}' has no safety assessment: link the hazards it can cause (\`hazards\`) or explain why it cannot cause harm (\`no_safety_impact_rationale\`)`,
        fix: {
          description: 'Add a no_safety_impact_rationale stub (TODO) to justify or replace with hazard links',
          edits: [setKeyEdit(ctx, t, 'no_safety_impact_rationale', placeholder('TR006'), 'spdf: justify or link a hazard')],
        },
      });
    }
  },
};
export default rule;
