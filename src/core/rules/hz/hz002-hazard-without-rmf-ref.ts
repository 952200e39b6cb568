import { placeholder } from '../../fixes/placeholder';
import type { Rule } from '../types';
import { hasText, setKeyEdit } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'HZ002',
    alias: 'hazard-without-rmf-ref',
    severity: 'warning',
    category: 'hazards',
    description: 'A hazard has no `rmf_ref` into the ISO 14971 risk management file.',
    rationale:
      "Hazards in the SPDF model mirror the risk management file; TIR57 and SW96 require the security and safety processes to exchange them both ways. Without a reference, a reviewer cannot find the hazard's risk evaluation and controls in the RMF, and the two files drift apart. The fix adds `rmf_ref: TODO(HZ002)` for a person to fill in.",
    source: 'AAMI TIR57:2016/(R)2023 (security and safety risk management links); ANSI/AAMI SW96:2023; ISO 14971:2019 clause 4.5 (risk management file)',
    fixable: true,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: ['hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-H-001\n'],
      invalid: ['hazards:\n  - id: HAZ-001\n#       ^^^^^^^ HZ002\n    hazard: Over-infusion\n    severity: 5\n'],
    },
  },
  check(ctx) {
    for (const h of ctx.graph.byKind.hazard) {
      if (hasText(h.data.rmf_ref)) continue;
      ctx.report({
        file: h.file,
        range: ctx.rangeOf(h),
        message: `hazard '${h.id}' has no \`rmf_ref\` into the risk management file`,
        fix: { description: 'Add an rmf_ref TODO placeholder', edits: [setKeyEdit(ctx, h, 'rmf_ref', placeholder('HZ002'), 'spdf: reference the risk management file entry')] },
      });
    }
  },
};
export default rule;
