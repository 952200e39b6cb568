import { declaredSl, slAt, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC022',
    alias: 'zone-without-monitoring',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A zone with SL-T FR6 >= 2 has `monitoring: none`, or states no monitoring at all.',
    rationale:
      'From SL 2 on FR6 (timely response to events) a zone needs continuous security monitoring, or attacks on it go unnoticed until they do harm. In OT and device networks a passive IDS is the usual default, because active probing can disturb the process; host logging or active monitoring also count. A zone that leaves `monitoring` out is reported too: at that level the choice must be written down.',
    source: 'IEC 62443-3-3 SR 6.2 (continuous monitoring); NIST SP 800-82r3 (passive monitoring in OT)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'monitoring', 'name', 'problems', 'sl', 'source', 'text'],
    examples: {
      valid: [`zones:\n${zone('Z-GW', 'ot', { sl: '2', extra: ['monitoring: passive-ids'] })}`],
      invalid: [
        `zones:
${zone('Z-GW', 'ot', { sl: '{FR1: 1, FR6: 2}' })}    monitoring: none
#               ^^^^ ZC022
`,
      ],
    },
  },
  check(ctx) {
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const fr6 = slAt(declaredSl(z, 'sl_t'), 'FR6');
      if (fr6 === undefined || fr6 < 2) continue;
      const m = z.data.monitoring;
      if (m !== undefined && m !== null && m !== 'none') continue;
      ctx.report({
        file: z.file,
        range: m === 'none' ? ctx.rangeOf(z, ['monitoring']) : ctx.rangeOf(z),
        message: `zone '${z.id}' has SL-T FR6=${fr6} but ${m === 'none' ? '`monitoring: none`' : 'states no `monitoring`'}: use passive-ids, host-logging or active monitoring`,
      });
    }
  },
};
export default rule;
