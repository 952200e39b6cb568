import { CONTROL_CLASSES, describePath, exposure, REACHABILITY_READS } from '../../analysis/reachability';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { conduit, controlWithThreat, zone } from './example-yaml';
import { firstDefinitions, isLegacy, legacyWhy, zoneLabel, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC021',
    alias: 'legacy-asset-reachable-without-dmz',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A legacy or unpatchable asset in an OT or device zone is reachable from an IT, external or cloud zone by a path that passes no DMZ.',
    rationale:
      'An asset that cannot be patched relies on the network to keep attackers away from its known weaknesses; a path from business IT, the internet or a cloud that never passes a DMZ zone defeats that. The path is found by a breadth-first search over conduits and zone-crossing flows in which DMZ zones block (only a hardware diode is one-way); the finding shows one shortest path and the conduits on it. Heuristic graph check of ours, built on ZCR 3.2.',
    source: 'IEC 62443-3-2 ZCR 3.2 (separate business and control system assets); NIST SP 800-82r3 (legacy systems, DMZ); heuristic graph path check',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...REACHABILITY_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-HIS', 'it')}${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}assets:
  - {id: AST-OLD-HMI, name: Legacy HMI, kind: device, zone: Z-GW, legacy: true}
conduits:
${conduit('C-HIS-DMZ', 'Z-HIS', 'Z-DMZ')}${conduit('C-DMZ-GW', 'Z-DMZ', 'Z-GW')}${controlWithThreat('CTRL-ALLOWLIST', ['AST-OLD-HMI', 'C-HIS-DMZ', 'C-DMZ-GW'], ['type: compensating', 'compensates_for: [AST-OLD-HMI]'])}`,
      ],
      invalid: [
        `zones:
${zone('Z-HIS', 'it')}${zone('Z-GW', 'ot')}${zone('Z-PUMP', 'device')}assets:
  - {id: AST-OLD-PUMP, name: Legacy pump controller, kind: device, zone: Z-PUMP, legacy: true}
#        ^^^^^^^^^^^^ ZC021
conduits:
  - id: C-HIS-GW
    # spdf-disable-next-line ZC004 -- vendor-mandated link, replaced by a DMZ in release 3 (CAPA-12)
    zones: [Z-HIS, Z-GW]
    channels: [{protocol: https, port: 443}]
    sl_t: 1
${conduit('C-GW-PUMP', 'Z-GW', 'Z-PUMP')}${controlWithThreat('CTRL-ALLOWLIST', ['AST-OLD-PUMP', 'C-HIS-GW', 'C-GW-PUMP'], ['type: compensating', 'compensates_for: [AST-OLD-PUMP]'])}`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    const exp = exposure(ctx);
    if (exp.reached.size === 0) return;
    for (const asset of firstDefinitions(ctx.graph, ctx.graph.byKind.asset)) {
      if (!isLegacy(asset)) continue;
      const z = zg.zoneOf(asset.id);
      if (!z || !(CONTROL_CLASSES as readonly unknown[]).includes(z.data.class)) continue;
      const path = exp.pathTo(z.id);
      if (!path) continue;
      const source = zg.zones.get(path.zones[0])!;
      ctx.report({
        file: asset.file,
        range: ctx.rangeOf(asset),
        message: `${legacyWhy(asset)} asset '${asset.id}' in ${zoneLabel(z)} is reachable from ${zoneLabel(source)} without passing a DMZ: ${describePath(path)}`,
      });
    }
  },
};
export default rule;
