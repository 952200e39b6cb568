import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { quoteList, severityOf, threatStatus, TR_HELPERS_READS } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'HZ003',
    alias: 'critical-hazard-open-threat',
    severity: 'warning',
    category: 'hazards',
    description: 'A hazard of critical or worse severity is linked to threats that are still open (untreated).',
    rationale:
      'A threat that can lead to a critical or catastrophic harm and has no treatment decision (mitigated, accepted with approval, transferred, avoided) leaves the residual risk of that hazard unevaluated, which ISO 14971 does not allow at release. A threat without `status` counts as open. "Critical" is `severity_scale.critical` in spdf.config.yaml (default 4). Heuristic: the standards require the evaluation, the threshold is ours.',
    source: 'Heuristic; ISO 14971:2019 clauses 7 and 8 (risk control, residual risk evaluation); ANSI/AAMI SW96:2023',
    fixable: false,
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, 'hazards'],
    examples: {
      valid: [
        `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score: {exploitability: low, post_exploitability: very-low}
    hazards: [HAZ-001]
    status: accepted
    acceptance: {by: Risk board, rationale: Hardware dose limits bound the harm.}
hazards:
  - id: HAZ-001
    hazard: Over-infusion
    severity: 5
    rmf_ref: RMF-H-001
`,
      ],
      invalid: [
        `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score: {exploitability: low, post_exploitability: very-low}
    hazards: [HAZ-001]
    status: open
hazards:
  - id: HAZ-001
#       ^^^^^^^ HZ003
    hazard: Over-infusion
    severity: 5
    rmf_ref: RMF-H-001
`,
      ],
    },
  },
  check(ctx) {
    const critical = ctx.config.criticalLevel;
    const openOf = new Map<string, ModelItem[]>();
    for (const t of ctx.graph.byKind.threat) {
      if (threatStatus(t) !== 'open') continue;
      for (const r of ctx.graph.refsOf.get(t) ?? []) {
        if (r.field !== 'hazards' || r.target?.kind !== 'hazard') continue;
        const l = openOf.get(r.id);
        if (l) {
          if (!l.includes(t)) l.push(t);
        } else openOf.set(r.id, [t]);
      }
    }
    for (const h of ctx.graph.byKind.hazard) {
      const sev = severityOf(h);
      if (sev === undefined || sev < critical) continue;
      const open = openOf.get(h.id);
      if (!open?.length) continue;
      const name = ctx.config.severityNames[sev - 1] ?? String(sev);
      ctx.report({
        file: h.file,
        range: ctx.rangeOf(h),
        message: `hazard '${h.id}' (severity ${sev}, ${name}) is linked to open threat${open.length > 1 ? 's' : ''} ${quoteList(open.map((t) => t.id))}; mitigate, accept with approval, transfer or avoid ${open.length > 1 ? 'them' : 'it'}`,
        related: open.map((t) => ({ file: t.file, range: ctx.rangeOf(t), message: `open threat '${t.id}'` })),
      });
    }
  },
};
export default rule;
