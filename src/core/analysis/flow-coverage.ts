import type { Graph, ModelItem } from '../model/graph';
import type { ConduitData, FlowData } from '../model/model-types';
import type { ZoneGraph } from './zone-graph';

/**
 * Whether a flow that crosses a zone boundary is carried by a declared conduit.
 *
 * A flow from an asset in zone A to an asset in zone B (A != B) is covered when
 * - its `conduit` names a conduit that joins A and B, or
 * - some conduit joining A and B lists the flow in `flows`, or has a channel with the flow's protocol, or
 *   declares neither channels nor flows (nothing written contradicts that it carries the flow).
 * A `conduit` that names a conduit not joining A and B is reported as such, never silently
 * replaced by another conduit between the zones. A `conduit` naming no defined item is TM002's
 * finding; coverage then falls back to the conduits between the zones.
 */
export type FlowCoverage =
  | { crossing: false }
  | { crossing: true; from: ModelItem; to: ModelItem; covered: true; conduit: ModelItem }
  | { crossing: true; from: ModelItem; to: ModelItem; covered: false; reason: 'no-conduit' }
  | { crossing: true; from: ModelItem; to: ModelItem; covered: false; reason: 'wrong-conduit'; named: ModelItem }
  | { crossing: true; from: ModelItem; to: ModelItem; covered: false; reason: 'no-channel'; conduits: readonly ModelItem[] };

export function flowCoverage(graph: Graph, zg: ZoneGraph, flow: ModelItem): FlowCoverage {
  const data = flow.data as Partial<FlowData>;
  // The zone graph is keyed by asset ID, a string; a value of another type finds no zone.
  const from = typeof data.source === 'string' ? zg.zoneOf(data.source) : undefined;
  const to = typeof data.destination === 'string' ? zg.zoneOf(data.destination) : undefined;
  if (!from || !to || from === to) return { crossing: false };
  const joins = (c: ModelItem) => {
    const zs = zg.conduitZones(c);
    return zs.includes(from) && zs.includes(to);
  };
  const named = typeof data.conduit === 'string' ? graph.byId.get(data.conduit) : undefined;
  if (named?.kind === 'conduit') {
    if (joins(named)) return { crossing: true, from, to, covered: true, conduit: named };
    return { crossing: true, from, to, covered: false, reason: 'wrong-conduit', named };
  }
  const conduits = zg.conduitsBetween(from.id, to.id);
  if (conduits.length === 0) return { crossing: true, from, to, covered: false, reason: 'no-conduit' };
  for (const c of conduits) {
    const conduit = c.data as Partial<ConduitData>;
    const channels: unknown[] = Array.isArray(conduit.channels) ? conduit.channels : [];
    const declaresNothing = channels.length === 0 && !(Array.isArray(conduit.flows) && conduit.flows.length > 0);
    if (declaresNothing || zg.carries(c, flow) || channels.some((ch) => (ch as { protocol?: unknown })?.protocol === data.protocol)) return { crossing: true, from, to, covered: true, conduit: c };
  }
  return { crossing: true, from, to, covered: false, reason: 'no-channel', conduits };
}
