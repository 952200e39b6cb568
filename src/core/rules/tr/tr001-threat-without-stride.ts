import type { Rule } from '../types';
import { strList } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR001',
    alias: 'threat-without-stride',
    severity: 'error',
    category: 'threats',
    description: 'A threat names no STRIDE category.',
    rationale:
      'The STRIDE category says which security property a threat attacks and drives coverage checks per element (TR010); threat-model tools (Threagile, OTM, Threat Composer) all carry it. Heuristic: no standard mandates STRIDE, but the MITRE/MDIC threat-modeling playbook uses it and an uncategorised threat cannot be checked for coverage.',
    source: 'Heuristic; MITRE/MDIC Playbook for Threat Modeling Medical Devices (STRIDE); Threagile, OTM, Threat Composer',
    fixable: false,
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
#       ^^^^^^^ TR001
    title: Usage log read by another app
    targets: [AST-LOG]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (strList(t.data.stride).length) continue;
      const hasKey = Array.isArray(t.data.stride);
      ctx.report({
        file: t.file,
        range: hasKey ? ctx.keyRangeOf(t, ['stride']) : ctx.rangeOf(t),
        message: `threat '${t.id}' names no STRIDE category; add \`stride: [S|T|R|I|D|E, ...]\``,
      });
    }
  },
};
export default rule;
