import { parsePlaceholder } from '../../fixes/placeholder';
import { deref, type YNode } from '../../yaml/ynode';
import type { Rule } from '../types';

function* placeholders(node: YNode | null): Generator<{ start: number; end: number; text: string; origin?: string }> {
  // Aliased content is reported where its anchor stands.
  if (!node || node.kind === 'alias') return;
  const n = deref(node);
  if (!n) return;
  if (n.kind === 'scalar') {
    const p = typeof n.value === 'string' ? parsePlaceholder(n.value) : undefined;
    if (p) yield { start: n.start, end: n.end, text: n.value as string, ...p };
  } else if (n.kind === 'seq') for (const i of n.items) yield* placeholders(i);
  else for (const p of n.pairs) yield* placeholders(p.value);
}

const rule: Rule = {
  meta: {
    code: 'TM011',
    alias: 'placeholder-value',
    severity: 'warning',
    category: 'structure',
    description: 'A value is still a placeholder (TODO, TBD, FIXME), e.g. left by a quick fix.',
    rationale:
      'Quick fixes add missing keys with a `TODO(CODE)` placeholder naming the rule they fix, so the model is complete in shape; a placeholder is not evidence, so it stays visible until a human writes the real value. Without this rule a `no_safety_impact_rationale: TODO` would pass an audit. A fix must never turn an error gate green: the finding on `TODO(CODE)` takes the severity of rule CODE when that is higher (an error-level rule fixed with a placeholder still yields an error). With TM011 off, `spdf lint --fix` applies no fix that leaves a placeholder.',
    source: 'heuristic (audit integrity of quick fixes)',
    fixable: false,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: ['hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    rmf_ref: RMF-PUMP.xlsx#H-001\n'],
      invalid: [
        'hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    rmf_ref: TODO  # spdf: link the risk management file\n#            ^^^^ TM011\n',
        'threats:\n  - id: THR-001\n    title: Replayed command\n    no_safety_impact_rationale: TODO(TR006)\n#                               ^^^^^^^^^^^ TM011\n',
      ],
    },
  },
  check(ctx) {
    // A text scan per file is far cheaper than walking every item's tree; most files hold no placeholder.
    const candidates = new Set(ctx.graph.files.filter((f) => /\b(TODO|TBD|FIXME)\b/i.test(f.source.text)).map((f) => f.path));
    if (candidates.size === 0) return;
    for (const item of ctx.graph.items) {
      if (!candidates.has(item.file)) continue;
      const file = ctx.graph.fileByPath.get(item.file)!;
      for (const p of placeholders(item.node))
        ctx.report({
          file: item.file,
          range: file.source.range(p.start, p.end),
          message: `placeholder '${p.text.trim()}' in ${item.kind} '${item.id}': replace it with the real value${p.origin ? ` (left by a fix of ${p.origin}, whose severity it keeps)` : ''}`,
          ...(p.origin ? { severityOf: p.origin } : {}),
        });
    }
  },
};
export default rule;
