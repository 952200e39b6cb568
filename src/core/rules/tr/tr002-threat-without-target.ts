import type { Rule } from '../types';
import { strList } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR002',
    alias: 'threat-without-target',
    severity: 'error',
    category: 'threats',
    description: 'A threat targets no asset, conduit, zone or flow.',
    rationale:
      'A threat that attacks nothing in the model cannot be placed in a zone, tied to a conduit or checked for coverage, and the FDA traceability matrix cannot show what it endangers. Threat models attach every threat to an element (OTM component/dataflow threats, Threagile most-relevant asset).',
    source: 'Heuristic; Open Threat Model (threats on components and data flows); Threagile most_relevant_technical_asset',
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
        `threats:
  - id: THR-001
#       ^^^^^^^ TR002
    title: Usage log read by another app
    stride: [I]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (strList(t.data.targets).length) continue;
      ctx.report({
        file: t.file,
        range: Array.isArray(t.data.targets) ? ctx.keyRangeOf(t, ['targets']) : ctx.rangeOf(t),
        message: `threat '${t.id}' targets nothing; list the assets, conduits, zones or flows it attacks in \`targets\``,
      });
    }
  },
};
export default rule;
