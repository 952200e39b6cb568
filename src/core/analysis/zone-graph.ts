// @spdf implements SPDF-ZC-001
import type { Graph, ModelItem } from '../model/graph';
import type { ConduitData, FlowData } from '../model/model-types';

/**
 * The zone graph: zones as nodes, conduits (and flows that cross zones outside any conduit) as edges.
 * Built once per lint run in O(zones + assets + flows + conduits); rules get it through `zoneGraph(ctx)`.
 *
 * Decisions (documented in the ZC rules that use them):
 * - An asset belongs to a zone when exactly one defined zone holds it (TM004/TM005 report the rest).
 * - A conduit with zones [a, b, ...] joins every pair of its distinct defined zones.
 * - Direction: only a hardware diode is one-way (`direction: unidirectional-hw` or `filtering.type: diode`;
 *   data goes a -> b, or b -> a when `direction: b-to-a`). A software-declared `a-to-b` still carries return
 *   traffic and sessions, so for reachability it joins both ways (IEC 62443-3-3 SR 5.2, NIST SP 800-82r3
 *   treat only unidirectional gateways as one-way).
 * - A flow between zones that no conduit joins is connectivity too (ZC009 reports it): both ways.
 */
export interface ZoneEdge {
  from: string;
  to: string;
  /** The conduit or flow that joins the two zones. */
  via: ModelItem;
}

export interface ZoneGraph {
  /** First definition of every zone, by ID. */
  zones: Map<string, ModelItem>;
  /** The one zone an asset belongs to (undefined when none or several). */
  /** Any value; only a string can name an asset. */
  zoneOf(assetId: unknown): ModelItem | undefined;
  /** Assets whose one zone is this zone. */
  assetsOf(zoneId: string): readonly ModelItem[];
  /** Distinct defined zones a conduit joins, in written order. */
  conduitZones(conduit: ModelItem): readonly ModelItem[];
  /** Conduits that join two zones (either order). */
  conduitsBetween(a: string, b: string): readonly ModelItem[];
  /** Flows a conduit carries: listed in its `flows`, or naming it in their `conduit`. */
  flowsOf(conduit: ModelItem): readonly ModelItem[];
  /** Whether the conduit carries the flow (as `flowsOf`, in constant time). */
  carries(conduit: ModelItem, flow: ModelItem): boolean;
  /** Whether data can enter zone `to` from zone `from` through this conduit. */
  enters(conduit: ModelItem, from: string, to: string): boolean;
  /** Edges leaving each zone. */
  out: Map<string, ZoneEdge[]>;
}

const EMPTY: readonly ModelItem[] = [];
const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** True when the conduit is a hardware diode (data one way only). */
export function isDiode(conduit: ModelItem): boolean {
  const data = conduit.data as Partial<ConduitData>;
  return data.direction === 'unidirectional-hw' || data.filtering?.type === 'diode';
}

export function buildZoneGraph(graph: Graph): ZoneGraph {
  const zones = new Map<string, ModelItem>();
  for (const z of graph.byKind.zone) if (graph.byId.get(z.id) === z) zones.set(z.id, z);

  const zoneOfAsset = new Map<string, ModelItem>();
  const assetsOfZone = new Map<string, ModelItem[]>();
  for (const asset of graph.byKind.asset) {
    if (graph.byId.get(asset.id) !== asset) continue;
    const ids = graph.zonesOfAsset.get(asset.id);
    if (!ids || ids.size !== 1) continue;
    const zone = zones.get([...ids][0]);
    if (!zone) continue;
    zoneOfAsset.set(asset.id, zone);
    const l = assetsOfZone.get(zone.id);
    if (l) l.push(asset);
    else assetsOfZone.set(zone.id, [asset]);
  }

  const zonesOfConduit = new Map<ModelItem, ModelItem[]>();
  const between = new Map<string, ModelItem[]>();
  const out = new Map<string, ZoneEdge[]>();
  const addEdge = (from: string, to: string, via: ModelItem) => {
    const l = out.get(from);
    if (l) l.push({ from, to, via });
    else out.set(from, [{ from, to, via }]);
  };
  const side = new Map<ModelItem, Map<string, number>>();
  const enters = (conduit: ModelItem, from: string, to: string): boolean => {
    if (!isDiode(conduit)) return true;
    const s = side.get(conduit);
    const a = s?.get(from) === 0 ? from : s?.get(to) === 0 ? to : undefined;
    const data = conduit.data as Partial<ConduitData>;
    const reverse = data.direction === 'b-to-a';
    return reverse ? to === a : from === a;
  };

  for (const c of graph.byKind.conduit) {
    if (graph.byId.get(c.id) !== c) continue;
    const data = c.data as Partial<ConduitData>;
    const list: ModelItem[] = [];
    const sides = new Map<string, number>();
    if (Array.isArray(data.zones))
      for (const id of data.zones) {
        const z = typeof id === 'string' ? zones.get(id) : undefined;
        if (z && !sides.has(z.id)) {
          sides.set(z.id, list.length);
          list.push(z);
        }
      }
    zonesOfConduit.set(c, list);
    side.set(c, sides);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const k = pairKey(list[i].id, list[j].id);
        const l = between.get(k);
        if (l) l.push(c);
        else between.set(k, [c]);
        if (enters(c, list[i].id, list[j].id)) addEdge(list[i].id, list[j].id, c);
        if (enters(c, list[j].id, list[i].id)) addEdge(list[j].id, list[i].id, c);
      }
  }

  const flowsOfConduit = new Map<string, ModelItem[]>();
  const carried = new Set<string>();
  const carry = (conduitId: string, flow: ModelItem) => {
    const k = `${conduitId}\n${flow.id}`;
    if (carried.has(k)) return;
    carried.add(k);
    const l = flowsOfConduit.get(conduitId);
    if (l) l.push(flow);
    else flowsOfConduit.set(conduitId, [flow]);
  };
  for (const c of zonesOfConduit.keys()) {
    const data = c.data as Partial<ConduitData>;
    if (Array.isArray(data.flows))
      for (const id of data.flows) {
        const f = typeof id === 'string' ? graph.byId.get(id) : undefined;
        if (f?.kind === 'flow') carry(c.id, f);
      }
  }
  for (const f of graph.byKind.flow) {
    const data: Partial<FlowData> = f.data;
    if (typeof data.conduit === 'string') carry(data.conduit, f);
    // Keys are asset IDs, strings; a value of another type finds no zone.
    const a = typeof data.source === 'string' ? zoneOfAsset.get(data.source) : undefined;
    const b = typeof data.destination === 'string' ? zoneOfAsset.get(data.destination) : undefined;
    if (!a || !b || a === b || between.has(pairKey(a.id, b.id))) continue;
    addEdge(a.id, b.id, f);
    addEdge(b.id, a.id, f);
  }

  return {
    zones,
    zoneOf: (id) => (typeof id === 'string' ? zoneOfAsset.get(id) : undefined),
    assetsOf: (id) => assetsOfZone.get(id) ?? EMPTY,
    conduitZones: (c) => zonesOfConduit.get(c) ?? EMPTY,
    conduitsBetween: (a, b) => between.get(pairKey(a, b)) ?? EMPTY,
    flowsOf: (c) => flowsOfConduit.get(c.id) ?? EMPTY,
    carries: (c, f) => carried.has(`${c.id}\n${f.id}`),
    enters,
    out,
  };
}

/**
 * The model fields `buildZoneGraph` reads (`type` is `filtering.type`; `zone` and `assets` through the graph's
 * `zonesOfAsset`), spread into the `meta.reads` of the rules built on it; test/rules/rule-reads.test.ts proves
 * each such rule's whole list.
 */
export const ZONE_GRAPH_READS = ['assets', 'conduit', 'destination', 'direction', 'filtering', 'flows', 'source', 'type', 'zone', 'zones'] as const;

/** The memoised zone graph of a lint run. */
export function zoneGraph(ctx: { graph: Graph; shared<T>(key: string, compute: () => T): T }): ZoneGraph {
  return ctx.shared('analysis:zone-graph', () => buildZoneGraph(ctx.graph));
}
