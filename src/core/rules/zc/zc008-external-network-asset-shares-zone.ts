import { zoneGraph, type ZoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Graph, ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { EQUIPMENT_KINDS, firstDefinitions, listIds, ZC_HELPERS_READS } from './helpers';

const OUTSIDE_CLASSES: ReadonlySet<unknown> = new Set(['external', 'cloud']);
const CHECKED_CLASSES: ReadonlySet<unknown> = new Set(['it', 'ot', 'device']);

/** The other end of a flow is outside the SUC: in an external or cloud zone, or out of scope with no zone. */
function outside(graph: Graph, zg: ZoneGraph, id: unknown): boolean {
  const other = typeof id === 'string' ? graph.byId.get(id) : undefined;
  if (other?.kind !== 'asset') return false;
  const z = zg.zoneOf(other.id);
  if (z) return OUTSIDE_CLASSES.has(z.data.class);
  return !graph.zonesOfAsset.get(other.id)?.size && (other.data.in_scope === false || other.data.kind === 'external-entity');
}

/** Assets with a flow to or from outside the SUC, with one such flow each. */
function outsideConnected(graph: Graph, zg: ZoneGraph): Map<string, ModelItem> {
  const out = new Map<string, ModelItem>();
  for (const f of graph.byKind.flow) {
    if (outside(graph, zg, f.data.destination) && typeof f.data.source === 'string' && !out.has(f.data.source)) out.set(f.data.source, f);
    if (outside(graph, zg, f.data.source) && typeof f.data.destination === 'string' && !out.has(f.data.destination)) out.set(f.data.destination, f);
  }
  return out;
}

const rule: Rule = {
  meta: {
    code: 'ZC008',
    alias: 'external-network-asset-shares-zone',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'An asset that communicates through a network outside the system shares its zone with assets that do not.',
    rationale:
      'Devices reached through networks outside the system under consideration (internet, home Wi-Fi, a vendor network, a cloud) are exposed to threats the rest of the zone is not; they belong in a zone of their own so that the zone boundary controls what they can reach. Heuristic: an asset "communicates outside" when it has a flow to or from an asset in an `external` or `cloud` zone, or an out-of-scope or external-entity asset that has no zone. Only IT, OT and device zones are checked (a DMZ exists to hold such assets).',
    source: 'IEC 62443-3-2 ZCR 3.6 (separate devices connected via networks outside the SUC); heuristic detection from flows',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'in_scope', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-MODEM', 'device')}assets:
${device('AST-MODEM', 'Z-MODEM')}  - id: AST-VENDOR
    name: Vendor portal
    kind: external-entity
    in_scope: false
flows:
  - {id: F-TELEMETRY, source: AST-MODEM, destination: AST-VENDOR, protocol: https}
`,
      ],
      invalid: [
        `zones:
  - id: Z-PUMP
#       ^^^^^^ ZC008
    name: Pump
    class: device
    accountable_org: Clinical engineering
    boundary: {logical: Pump bus, physical: Pump enclosure}
    access_points: []
    safety_designation: false
    sl_t: 1
assets:
${device('AST-MODEM', 'Z-PUMP')}${device('AST-MOTOR-CTRL', 'Z-PUMP')}  - id: AST-VENDOR
    name: Vendor portal
    kind: external-entity
    in_scope: false
flows:
  - {id: F-TELEMETRY, source: AST-MODEM, destination: AST-VENDOR, protocol: https}
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    const connected = outsideConnected(ctx.graph, zg);
    if (connected.size === 0) return;
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      if (!CHECKED_CLASSES.has(z.data.class)) continue;
      const out: string[] = [];
      const inside: string[] = [];
      for (const a of zg.assetsOf(z.id)) if (EQUIPMENT_KINDS.has(a.data.kind)) (connected.has(a.id) ? out : inside).push(a.id);
      if (out.length === 0 || inside.length === 0) continue;
      const flow = connected.get(out[0])!;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z),
        message: `zone '${z.id}' holds ${listIds(out)}, which communicate${out.length === 1 ? 's' : ''} outside the system (e.g. flow '${flow.id}' ${flow.data.source} -> ${flow.data.destination}), together with ${listIds(inside)}, which do${inside.length === 1 ? 'es' : ''} not: give the outside-facing assets a zone of their own`,
      });
    }
  },
};
export default rule;
