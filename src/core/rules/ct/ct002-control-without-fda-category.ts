import { FDA_CONTROL_CATEGORIES } from '../../vocab/fda';
import type { ModelItem } from '../../model/graph';
import type { Rule, RuleContext } from '../types';
import { hasText, setKeyEdit, strList } from '../tr/helpers';

/** Appendix 1 categories of the requirements a control implements (or that name it). */
function categoriesOfRequirements(ctx: RuleContext, control: ModelItem): Set<string> {
  const reqs = new Set<ModelItem>();
  for (const r of ctx.graph.refsOf.get(control) ?? []) if (r.field === 'implements' && r.target?.kind === 'requirement') reqs.add(r.target);
  for (const r of ctx.graph.refsTo.get(control.id) ?? []) if (r.from.kind === 'requirement' && r.field === 'controls' && r.target === control) reqs.add(r.from);
  const cats = new Set<string>();
  for (const q of reqs) for (const c of strList(q.kind === 'requirement' ? q.data.standards?.fda_app1 : undefined)) if ((FDA_CONTROL_CATEGORIES as readonly string[]).includes(c)) cats.add(c);
  return cats;
}

const rule: Rule = {
  meta: {
    code: 'CT002',
    alias: 'control-without-fda-category',
    severity: 'warning',
    category: 'controls',
    description: 'A control has no FDA Appendix 1 security control category (`fda_category`).',
    rationale:
      'The FDA premarket guidance groups the controls a submission must address into Appendix 1 categories (authentication, authorization, cryptography, code/data/execution integrity, confidentiality, event detection and logging, resiliency and recovery, updatability and patchability); reviewers look for coverage per category. The category is a judgement, so the fix only fills it in when every requirement the control implements maps to the same single category (`standards.fda_app1`).',
    source: 'FDA premarket cybersecurity guidance (2023/2025) Appendix 1 "Security Control Categories"',
    fixable: true,
    since: '0.1.0',
    reads: ['controls', 'fda_category', 'implements', 'standards'],
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
#       ^^^^^^^^ CT002
    title: Encrypted log storage
    type: technical
tests:
  - id: TC-001
    title: Log file unreadable without the device key
    verifies: [CTRL-001]
`,
      ],
    },
  },
  check(ctx) {
    for (const c of ctx.graph.byKind.control) {
      if (hasText(c.data.fda_category)) continue;
      const cats = categoriesOfRequirements(ctx, c);
      const only = cats.size === 1 ? [...cats][0] : undefined;
      const value = only && (/^[a-z ]+$/.test(only) ? only : JSON.stringify(only));
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c),
        message: `control '${c.id}' has no FDA Appendix 1 category; set \`fda_category\` (${FDA_CONTROL_CATEGORIES.join(' | ')})${only ? `; its requirements all map to '${only}'` : ''}`,
        fix: value ? { description: `Set fda_category to '${only}' (from its requirements)`, edits: [setKeyEdit(ctx, c, 'fda_category', value)] } : undefined,
      });
    }
  },
};
export default rule;
