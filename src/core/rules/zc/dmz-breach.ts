import { exposure, formatPath, REACHABILITY_READS } from '../../analysis/reachability';
import { zoneGraph } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { RuleContext } from '../types';
import { firstDefinitions, listIds, ZC_HELPERS_READS, zoneLabel } from './helpers';

/**
 * The model fields `reportDirectBreaches` reads (its callers declare what their predicates read), spread into the
 * `meta.reads` of ZC004 and ZC017; test/rules/rule-reads.test.ts proves it with a rule that reports everything it answers.
 */
export const DMZ_BREACH_READS = [...REACHABILITY_READS, ...ZC_HELPERS_READS, 'safety_designation'] as const;

/**
 * Shared by ZC004 and ZC017: conduits that join a lower-trust zone directly to a protected zone,
 * with data able to enter the protected side (a hardware diode pointing out of it is fine).
 * One finding per conduit and protected zone, at that zone's entry in the conduit's `zones`.
 */
export function reportDirectBreaches(
  ctx: RuleContext,
  isSource: (z: ModelItem) => boolean,
  isTarget: (z: ModelItem) => boolean,
  /** For conduits where a DMZ is impossible: `false` when the alternative is in place, else the message's remedy. */
  alternative?: (conduit: ModelItem, zones: readonly ModelItem[]) => string | false | undefined,
  /** The requirements the finding enforces, appended to a DMZ message. */
  cite = '',
): void {
  const zg = zoneGraph(ctx);
  for (const conduit of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
    const zones = zg.conduitZones(conduit);
    for (const to of zones) {
      if (!isTarget(to) || isSource(to)) continue;
      const from = zones.find((z) => isSource(z) && zg.enters(conduit, z.id, to.id));
      if (!from) continue;
      const instead = alternative?.(conduit, zones);
      if (instead === false) continue;
      const at = (conduit.data.zones as unknown[]).indexOf(to.id);
      ctx.report({
        file: conduit.file,
        range: ctx.rangeOf(conduit, ['zones', at]),
        message: `conduit '${conduit.id}' joins ${zoneLabel(from)} directly to ${zoneLabel(to)}${to.data.safety_designation === true ? ' (safety-designated)' : ''} ${instead ?? `with no DMZ zone between them${beyond(ctx, to)}${cite}`}`,
      });
    }
  }
}

/** `; Z-PUMP is reachable the same way (Z-HIS -> Z-GW -> Z-PUMP)` */
function beyond(ctx: RuleContext, to: ModelItem): string {
  const exp = exposure(ctx);
  const entry = exp.entryOf(to.id);
  if (!entry || entry.to !== to.id) return '';
  const more = exp.behind(entry.from, entry.to, entry.via);
  if (more.length === 0) return '';
  const path = exp.pathTo(more[more.length - 1]);
  return `; beyond it ${listIds(more)} ${more.length === 1 ? 'is' : 'are'} reachable without a DMZ too${path ? ` (${formatPath(path)})` : ''}`;
}
