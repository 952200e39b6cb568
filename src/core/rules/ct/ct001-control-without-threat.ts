import type { Graph, ModelItem } from '../../model/graph';
import type { Rule } from '../types';

/** Controls that trace to a threat: directly, or through a requirement derived from a threat. */
export function controlsLinkedToThreats(graph: Graph): Set<ModelItem> {
  const linked = new Set<ModelItem>();
  const threatDerived = new Set<ModelItem>();
  for (const r of graph.refs) {
    if (!r.target) continue;
    if (r.from.kind === 'threat' && r.field === 'controls' && r.target.kind === 'control') linked.add(r.target);
    else if (r.from.kind === 'control' && r.field === 'threats' && r.target.kind === 'threat') linked.add(r.from);
    else if (r.from.kind === 'requirement' && r.field === 'derived_from' && r.target.kind === 'threat') threatDerived.add(r.from);
  }
  if (threatDerived.size)
    for (const r of graph.refs) {
      if (!r.target) continue;
      if (r.from.kind === 'control' && r.field === 'implements' && threatDerived.has(r.target)) linked.add(r.from);
      else if (r.from.kind === 'requirement' && r.field === 'controls' && r.target.kind === 'control' && threatDerived.has(r.from)) linked.add(r.target);
    }
  return linked;
}

const rule: Rule = {
  meta: {
    code: 'CT001',
    alias: 'control-without-threat',
    severity: 'error',
    category: 'controls',
    description: 'A control traces to no threat (an orphan control).',
    rationale:
      'FDA reviewers ask for "a traceability matrix that links your actual cybersecurity controls to the cybersecurity risks that were considered". A control that mitigates no modelled threat is either a missing threat or an unneeded control. A control traces to a threat when a threat lists it in `controls`, it lists threats in `threats`, or it implements (or is named by) a requirement `derived_from` a threat.',
    source: 'FDA premarket cybersecurity guidance V.A and Appendix 1 (traceability between risks and controls); FDA deficiency-letter language on traceability matrices',
    fixable: false,
    since: '0.1.0',
    reads: ['controls', 'derived_from', 'implements', 'threats'],
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
    title: Encrypted log storage
    type: technical
    fda_category: confidentiality
tests:
  - id: TC-001
    title: Log file unreadable without the device key
    verifies: [CTRL-001]
`,
      ],
      invalid: [
        `controls:
  - id: CTRL-001
#       ^^^^^^^^ CT001
    title: Encrypted log storage
    type: technical
    fda_category: confidentiality
tests:
  - id: TC-001
    title: Log file unreadable without the device key
    verifies: [CTRL-001]
`,
      ],
    },
  },
  check(ctx) {
    const controls = ctx.graph.byKind.control;
    if (!controls.length) return;
    const linked = ctx.shared('ct/controls-linked-to-threats', () => controlsLinkedToThreats(ctx.graph));
    for (const c of controls) {
      if (linked.has(c)) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c),
        message: `control '${c.id}' traces to no threat; list it in a threat's \`controls\` or list the threats it mitigates in \`threats\``,
      });
    }
  },
};
export default rule;
