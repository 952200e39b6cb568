import { ZONE_GRAPH_READS, type ZoneGraph } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';

/**
 * The model fields the Purdue helpers read, the zone graph's included (`nonAdjacentSafetyEntry` asks it), spread
 * into the `meta.reads` of the rules built on them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const PURDUE_READS = [...ZONE_GRAPH_READS, 'class', 'purdue_level', 'safety_designation'] as const;

/** A zone's `purdue_level` (0..5), when it states a valid one. */
export function purdueLevel(zone: ModelItem): number | undefined {
  const l = zone.data.purdue_level;
  return typeof l === 'number' && Number.isInteger(l) && l >= 0 && l <= 5 ? l : undefined;
}

/**
 * Why data entering a safety-designated zone through a conduit does not come from an adjacent Purdue
 * level or a DMZ, or undefined when it does (or when the safety zone states no level: the model does not
 * use Purdue levels). Shared by ZC029, which reports it, and ZC032, which leaves such pairs to ZC029.
 */
export function nonAdjacentSafetyEntry(zg: ZoneGraph, conduit: ModelItem, from: ModelItem, to: ModelItem): string | undefined {
  if (to.data.safety_designation !== true || from.data.safety_designation === true || from.data.class === 'dmz') return undefined;
  const target = purdueLevel(to);
  if (target === undefined || !zg.enters(conduit, from.id, to.id)) return undefined;
  const source = purdueLevel(from);
  if (source === undefined) return `${from.id} states no \`purdue_level\`, so it cannot be shown to be adjacent to level ${target}`;
  return Math.abs(source - target) > 1 ? `${from.id} is at Purdue level ${source}, ${to.id} at level ${target}` : undefined;
}
