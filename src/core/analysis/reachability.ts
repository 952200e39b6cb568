import type { Graph, ModelItem } from '../model/graph';
import type { ZoneData } from '../model/model-types';
import { ZONE_GRAPH_READS, zoneGraph, type ZoneEdge, type ZoneGraph } from './zone-graph';

/** Zone classes that are lower trust than the control system: business IT, the internet, clouds. */
export const LOW_TRUST_CLASSES = ['it', 'external', 'cloud'] as const;
/** Zone classes that hold the control system: OT networks and the devices themselves. */
export const CONTROL_CLASSES = ['ot', 'device'] as const;

/**
 * The model fields the exposure reads: the zone graph's and the zones' `class`, spread into the `meta.reads` of
 * the rules built on it; test/rules/rule-reads.test.ts proves it with a rule that reports everything it answers.
 */
export const REACHABILITY_READS = [...ZONE_GRAPH_READS, 'class'] as const;

export interface ZonePath {
  /** Zone IDs from a source zone to the reached zone. */
  zones: string[];
  /** The conduit or flow of each hop (one fewer than zones). */
  via: ModelItem[];
}

/**
 * Which zones a set of source zones reaches without passing a DMZ zone (class `dmz`).
 * DMZ zones are blocking nodes: the search never enters them, so a zone is in `reached` exactly
 * when some path from a source avoids every DMZ. Source zones themselves are not "reached".
 */
export interface Exposure {
  sourceClasses: readonly string[];
  reached: ReadonlySet<string>;
  /** One shortest path from the nearest source zone. */
  pathTo(zoneId: string): ZonePath | undefined;
  /** The first hop of that path: where the traffic leaves the source zones (the boundary to fix). */
  entryOf(zoneId: string): ZoneEdge | undefined;
  /** Zones beyond the first hop `from -> to` through `via`, in BFS order (nearest first). */
  behind(from: string, to: string, via: ModelItem): readonly string[];
}

/** Multi-source BFS over the zone graph, O(zones + edges) for the whole set of source classes. */
export function computeExposure(zg: ZoneGraph, sourceClasses: readonly string[]): Exposure {
  const zoneClass = (z: { data: Partial<ZoneData> }) => z.data.class;
  const classOf = (id: string) => {
    const z = zg.zones.get(id);
    return z && zoneClass(z);
  };
  const sources = new Set<string>();
  for (const [id, z] of zg.zones) {
    const cls = zoneClass(z);
    if (typeof cls === 'string' && sourceClasses.includes(cls)) sources.add(id);
  }
  const parent = new Map<string, ZoneEdge>();
  const entry = new Map<string, ZoneEdge>();
  const behind = new Map<string, string[]>();
  const edgeKey = (from: string, to: string, via: ModelItem) => `${from}\n${to}\n${via.id}`;
  const queue = [...sources];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (const e of zg.out.get(u) ?? []) {
      const v = e.to;
      if (sources.has(v) || parent.has(v) || classOf(v) === 'dmz') continue;
      parent.set(v, e);
      const first = sources.has(u) ? e : entry.get(u)!;
      entry.set(v, first);
      if (first !== e) {
        const k = edgeKey(first.from, first.to, first.via);
        const l = behind.get(k);
        if (l) l.push(v);
        else behind.set(k, [v]);
      }
      queue.push(v);
    }
  }
  return {
    sourceClasses,
    reached: new Set(parent.keys()),
    pathTo(zoneId) {
      if (!parent.has(zoneId)) return undefined;
      const zones = [zoneId];
      const via: ModelItem[] = [];
      for (let e = parent.get(zoneId); e; e = parent.get(e.from)) {
        zones.push(e.from);
        via.push(e.via);
      }
      return { zones: zones.reverse(), via: via.reverse() };
    },
    entryOf: (zoneId) => entry.get(zoneId),
    behind: (from, to, via) => behind.get(edgeKey(from, to, via)) ?? [],
  };
}

/** Memoised exposure from the given source classes (default: IT, external and cloud zones). */
export function exposure(ctx: { graph: Graph; shared<T>(key: string, compute: () => T): T }, sourceClasses: readonly string[] = LOW_TRUST_CLASSES): Exposure {
  return ctx.shared(`analysis:exposure:${sourceClasses.join(',')}`, () => computeExposure(zoneGraph(ctx), sourceClasses));
}

/** `Z-HIS -> Z-GW -> Z-PUMP` */
export function formatPath(p: ZonePath): string {
  return p.zones.join(' -> ');
}

/** `Z-HIS -> Z-GW -> Z-PUMP (via C-HIS-GW, C-GW-PUMP)` */
export function describePath(p: ZonePath): string {
  return `${formatPath(p)} (via ${p.via.map((v) => v.id).join(', ')})`;
}
