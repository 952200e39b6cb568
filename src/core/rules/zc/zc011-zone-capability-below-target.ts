import { declaredSl, describeGaps, frsBelow, zoneCapability, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { compensatingControls, firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC011',
    alias: 'zone-capability-below-target',
    severity: 'error',
    category: 'zones-conduits',
    description: "A zone's capability (SL-C) is below its target (SL-T) on some FR and no compensating control is linked.",
    rationale:
      "When what is installed cannot reach the target level on a foundational requirement, the gap has to be closed by compensating countermeasures, and the risk assessment has to say which. SL-C is the zone's declared `sl_c`, or else the per-FR minimum over the `sl_c` of its assets (a zone is as capable as its weakest component). A compensating control counts when the zone lists it in `compensating_controls` or a control names the zone in `compensates_for`. FRs unknown on either side are not compared.",
    source: 'IEC 62443-3-3 (SL-C versus SL-T; compensating countermeasures); IEC 62443-3-2 ZCR 5.12 (additional countermeasures)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [`zones:\n${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2}', extra: ['sl_c: {FR1: 2, FR3: 3}'] })}`],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2}' })}    sl_c: {FR1: 1, FR3: 3}
#         ^^^^^^^^^^^^^^^^ ZC011
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const target = declaredSl(z, 'sl_t');
      if (!target) continue;
      const cap = zoneCapability(z, zg.assetsOf(z.id));
      if (!cap) continue;
      const gaps = frsBelow(cap.sl, target);
      if (gaps.length === 0 || compensatingControls(ctx.graph, z).length > 0) continue;
      ctx.report({
        file: z.file,
        range: cap.derived ? ctx.rangeOf(z) : ctx.rangeOf(z, ['sl_c']),
        message: `zone '${z.id}' SL-C ${cap.derived ? '(minimum over its assets) ' : ''}is below its SL-T on ${describeGaps(cap.sl, target, gaps)} and no compensating control is linked (zone \`compensating_controls\` or a control's \`compensates_for\`)`,
      });
    }
  },
};
export default rule;
