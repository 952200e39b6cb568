import type { Rule } from '../types';
import { hasText, strList } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'CT003',
    alias: 'compensating-control-without-target',
    severity: 'error',
    category: 'controls',
    description: 'A compensating control names nothing it compensates for and gives no rationale.',
    rationale:
      'IEC 62443-3-3 allows a compensating countermeasure where a component cannot meet a requirement (a legacy or unpatchable asset, a zone below its SL-T), but the substitution must be documented: what it compensates for and why it is adequate. A target is `compensates_for`, or an asset or zone listing the control in `compensating_controls`; otherwise a `rationale` must explain it.',
    source: 'IEC 62443-3-3:2013 clause 4 (compensating countermeasures); IEC 62443-3-2 ZCR 5.12',
    fixable: false,
    since: '0.1.0',
    reads: ['compensates_for', 'compensating_controls', 'rationale', 'type'],
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
    controls: [CTRL-001]
controls:
  - id: CTRL-001
    title: Log export only over the service cable
    type: compensating
    fda_category: confidentiality
    rationale: The log store cannot be encrypted on the legacy flash part; exporting only over the cable limits access.
tests:
  - id: TC-001
    title: Log export refused over the network
    verifies: [CTRL-001]
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
    controls: [CTRL-001]
controls:
  - id: CTRL-001
    title: Log export only over the service cable
    type: compensating
#         ^^^^^^^^^^^^ CT003
    fda_category: confidentiality
tests:
  - id: TC-001
    title: Log export refused over the network
    verifies: [CTRL-001]
`,
      ],
    },
  },
  check(ctx) {
    for (const c of ctx.graph.byKind.control) {
      if (c.data.type !== 'compensating') continue;
      if (strList(c.data.compensates_for).length || hasText(c.data.rationale)) continue;
      if ((ctx.graph.refsTo.get(c.id) ?? []).some((r) => r.field === 'compensating_controls' && r.target === c)) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['type']),
        message: `compensating control '${c.id}' names nothing it compensates for; set \`compensates_for\` (asset, zone or conduit) or explain it in \`rationale\``,
      });
    }
  },
};
export default rule;
