import { declaredSl, describeGaps, slMin, type SlVector } from '../../analysis/security-levels';
import { zoneGraph } from '../../analysis/zone-graph';
import { FRS } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions } from './helpers';

/** Per FR, the lower zone SL-T, but only where every zone knows that FR. */
function lowerOfZones(zoneSls: SlVector[]): SlVector | undefined {
  const min = slMin(zoneSls);
  return min && FRS.map((_, i) => (zoneSls.every((v) => v[i] !== undefined) ? min[i] : undefined));
}

const rule: Rule = {
  meta: {
    code: 'ZC013',
    alias: 'conduit-sl-below-zones',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit\'s SL-T is below the SL-T of every zone it joins, on some FR.',
    rationale:
      'A conduit is the boundary between zones; if its target level is lower than that of both (all) zones it joins, the boundary is the weakest point and traffic across it is protected less than either side requires. Heuristic of ours derived from zone boundary protection: compared FR by FR against the lower of the zone SL-Ts, only where every zone states that FR.',
    source: 'Heuristic, derived from IEC 62443-3-3 SR 5.2 (zone boundary protection) and IEC 62443-3-2 ZCR 5.6',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 2, FR3: 2}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2}' })}conduits:
  - {id: C-DMZ-PUMP, zones: [Z-DMZ, Z-PUMP], sl_t: {FR1: 2, FR3: 2}}
`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 2, FR3: 2}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2}' })}conduits:
  - id: C-DMZ-PUMP
    zones: [Z-DMZ, Z-PUMP]
    sl_t: {FR1: 2, FR3: 1}
#         ^^^^^^^^^^^^^^^^ ZC013
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const own = declaredSl(c, 'sl_t');
      const zones = zg.conduitZones(c);
      if (!own || zones.length < 2) continue;
      const zoneSls = zones.map((z) => declaredSl(z, 'sl_t'));
      if (zoneSls.some((v) => !v)) continue;
      const lower = lowerOfZones(zoneSls as SlVector[]);
      if (!lower) continue;
      const gaps = FRS.filter((_, i) => own[i] !== undefined && lower[i] !== undefined && own[i]! < lower[i]!);
      if (gaps.length === 0) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['sl_t']),
        message: `conduit '${c.id}' SL-T is below every zone it joins (${zones.map((z) => z.id).join(', ')}) on ${describeGaps(own, lower, gaps)}: the boundary is weaker than both sides`,
      });
    }
  },
};
export default rule;
