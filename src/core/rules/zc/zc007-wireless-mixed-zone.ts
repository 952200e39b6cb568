import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { EQUIPMENT_KINDS, firstDefinitions, listIds, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC007',
    alias: 'wireless-mixed-zone',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A zone holds wireless assets together with wired-only assets.',
    rationale:
      'A wireless link reaches beyond the physical boundary of the zone: anyone in radio range is at its edge. Wireless devices go in zones of their own, joined to the wired zone by a conduit whose boundary device controls what crosses. Only equipment (components, devices, services, data stores) is compared; access points are boundary points by definition and are not counted.',
    source: 'IEC 62443-3-2 ZCR 3.5 (separate wireless devices); IEC 62443-3-3 SR 1.6, SR 2.2',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text', 'wireless'],
    examples: {
      valid: [
        `zones:
${zone('Z-RADIO', 'device', { extra: ['wireless: true'] })}assets:
${device('AST-BLE-RADIO', 'Z-RADIO', ['wireless: true'])}`,
      ],
      invalid: [
        `zones:
  - id: Z-PUMP
#       ^^^^^^ ZC007
    name: Pump
    class: device
    accountable_org: Clinical engineering
    boundary: {logical: Pump bus, physical: Pump enclosure}
    access_points: []
    safety_designation: false
    sl_t: 1
assets:
${device('AST-BLE-RADIO', 'Z-PUMP', ['wireless: true'])}${device('AST-MOTOR-CTRL', 'Z-PUMP')}`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const wireless: string[] = [];
      const wired: string[] = [];
      for (const a of zg.assetsOf(z.id)) if (EQUIPMENT_KINDS.has(a.data.kind)) (a.data.wireless === true ? wireless : wired).push(a.id);
      if (wireless.length === 0 || wired.length === 0) continue;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z),
        message: `zone '${z.id}' mixes wireless assets (${listIds(wireless)}) with wired-only assets (${listIds(wired)}): put the wireless devices in a zone of their own`,
      });
    }
  },
};
export default rule;
