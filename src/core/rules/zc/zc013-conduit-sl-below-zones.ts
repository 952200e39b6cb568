import { declaredSl, describeGaps, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import { FRS } from '../../vocab/iec62443';
import type { Rule } from '../types';
import type { ModelItem } from '../../model/graph';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC013',
    alias: 'conduit-sl-below-zones',
    severity: 'warning',
    category: 'zones-conduits',
    description: "A conduit's SL-T is below the SL-T of a zone it carries data into, on some FR.",
    rationale:
      "IEC 62443-3-2 assigns an SL-T to each conduit as to each zone (ZCR 5.6) and documents a conduit's requirements together with the zones it connects (ZCR 6.4): a conduit is part of the boundary of every zone it enters, so it has to meet the target of the most demanding of those zones. A conduit at SL-T 2 entering an SL-T 4 safety zone lets traffic into that zone protected at level 2, and the zone's target is then not met at its boundary (SR 5.2). Compared FR by FR against the highest SL-T among the zones data can enter (a diode pointing out of a zone does not enter it), only where the conduit and that zone both state the FR. Earlier versions reported only a conduit below every zone it joins. Our reading of 3-2: it requires the comparison but does not spell out the rule, so the choice of the entered zones' maximum is ours.",
    source:
      'IEC 62443-3-2 ZCR 5.6 (SL-T per zone and conduit) and ZCR 6.4 (conduit characteristics with the zones it connects); IEC 62443-3-3 SR 5.2 (zone boundary protection, SL 1); the maximum over entered zones is our reading',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
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
      const entered = zones.filter((to) => zones.some((from) => from !== to && zg.enters(c, from.id, to.id)));
      const need: (number | undefined)[] = FRS.map(() => undefined);
      const which: (ModelItem | undefined)[] = FRS.map(() => undefined);
      for (const z of entered) {
        const v = declaredSl(z, 'sl_t');
        if (v)
          FRS.forEach((_, i) => {
            if (v[i] !== undefined && (need[i] === undefined || v[i] > need[i])) {
              need[i] = v[i];
              which[i] = z;
            }
          });
      }
      const gaps = FRS.filter((_, i) => own[i] !== undefined && need[i] !== undefined && own[i] < need[i]);
      if (gaps.length === 0) continue;
      const above = [...new Set(gaps.map((fr) => which[FRS.indexOf(fr)]!.id))];
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['sl_t']),
        message: `conduit '${c.id}' SL-T is below the SL-T of ${above.join(', ')}, which it carries data into, on ${describeGaps(own, need, gaps)}: a conduit must meet the target of the zones it enters (IEC 62443-3-2 ZCR 5.6/6.4; SR 5.2 zone boundary protection)`,
      });
    }
  },
};
export default rule;
