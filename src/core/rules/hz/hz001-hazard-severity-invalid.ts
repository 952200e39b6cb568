import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'HZ001',
    alias: 'hazard-severity-invalid',
    severity: 'error',
    category: 'hazards',
    description: 'A hazard has no severity, or its severity is outside the configured scale.',
    rationale:
      "ISO 14971 estimates the risk of each hazardous situation from the severity of its harm; the security rules that weigh threats by patient harm (TR005, HZ003, VT001) read this severity. The scale is the risk management plan's: `severity_scale.names` in spdf.config.yaml (default 1 negligible .. 5 catastrophic).",
    source: 'ISO 14971:2019 clause 5.5 (risk estimation, severity) and the risk management plan (clause 4.4)',
    fixable: false,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: ['hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-H-001\n'],
      invalid: [
        'hazards:\n  - id: HAZ-001\n#       ^^^^^^^ HZ001\n    hazard: Over-infusion\n    rmf_ref: RMF-H-001\n  - id: HAZ-002\n    hazard: Under-infusion\n    severity: 6\n#             ^ HZ001\n    rmf_ref: RMF-H-002\n',
      ],
    },
  },
  check(ctx) {
    const names = ctx.config.severityNames;
    const max = names.length;
    for (const h of ctx.graph.byKind.hazard) {
      const s = h.data.severity;
      if (s === undefined || s === null) {
        ctx.report({
          file: h.file,
          range: s === null ? ctx.keyRangeOf(h, ['severity']) : ctx.rangeOf(h),
          message: `hazard '${h.id}' has no severity; set \`severity\` on the scale 1..${max} (${names.join(', ')})`,
        });
        continue;
      }
      // Non-integers and values outside 1..10 are schema violations (TM008); judge the rest against the scale.
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 1 || s > 10) continue;
      if (s >= 1 && s <= max) continue;
      ctx.report({
        file: h.file,
        range: ctx.rangeOf(h, ['severity']),
        message: `hazard '${h.id}' severity ${s} is outside the configured scale 1..${max} (${names.join(', ')})`,
      });
    }
  },
};
export default rule;
