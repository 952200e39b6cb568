import { declaredSl, describeGaps, frsBelow, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import type { Rule } from '../types';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC012',
    alias: 'sl-a-below-target',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A zone or conduit records an achieved level (SL-A) below its target (SL-T) on some FR.',
    rationale:
      'SL-A is what verification of the installed system showed; an SL-A below SL-T on a foundational requirement is a verification gap that the residual-risk statement must address or the design must close. Compared FR by FR; FRs unknown on either side are skipped.',
    source: 'IEC 62443-3-3 (SL-A definition, SL-T/SL-C/SL-A comparison); IEC 62443-3-2 ZCR 5.10 (residual risk)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'source', 'text'],
    examples: {
      valid: [`zones:\n${zone('Z-PUMP', 'device', { extra: ['sl_a: 1'] })}`],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-PUMP', 'device')}    sl_a: {FR1: 0, FR2: 1}
#         ^^^^^^^^^^^^^^^^ ZC012
conduits:
${conduit('C-DMZ-PUMP', 'Z-DMZ', 'Z-PUMP')}    sl_a: 0
#         ^ ZC012
`,
      ],
    },
  },
  check(ctx) {
    for (const item of [...firstDefinitions(ctx.graph, ctx.graph.byKind.zone), ...firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)]) {
      const target = declaredSl(item, 'sl_t');
      const achieved = declaredSl(item, 'sl_a');
      if (!target || !achieved) continue;
      const gaps = frsBelow(achieved, target);
      if (gaps.length === 0) continue;
      ctx.report({
        file: item.file,
        range: ctx.rangeOf(item, ['sl_a']),
        message: `${item.kind} '${item.id}' achieved SL-A is below its SL-T on ${describeGaps(achieved, target, gaps)}: close the gap or record the residual risk`,
      });
    }
  },
};
export default rule;
