import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { EQUIPMENT_KINDS, firstDefinitions, isSafetyCritical, placement, ZC_HELPERS_READS } from './helpers';

/** Explicitly not safety-related: `safety_critical: false`, or a criticality other than safety-critical. */
function notSafetyRelated(asset: ModelItem): boolean {
  if (isSafetyCritical(asset)) return false;
  return asset.data.safety_critical === false || typeof asset.data.criticality === 'string';
}

const rule: Rule = {
  meta: {
    code: 'ZC005',
    alias: 'safety-zone-mixed-assets',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A safety-designated zone holds an asset that is declared not safety-related.',
    rationale:
      'Safety-related assets go in zones of their own, so that business or convenience functions cannot weaken the protection of the safety function and the safety zone can carry its own SL-T. An asset counts as not safety-related when it says so (`safety_critical: false`, or a `criticality` other than safety-critical); assets that say nothing are given the benefit of the doubt. Data, people and access points are not checked.',
    source: 'IEC 62443-3-2 ZCR 3.3 (separate safety-related assets)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'safety_designation', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-PUMP', 'device', { safety: true })}assets:
${device('AST-PUMP-CTRL', 'Z-PUMP', ['safety_critical: true'])}`,
      ],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device', { safety: true })}assets:
${device('AST-PUMP-CTRL', 'Z-PUMP', ['safety_critical: true'])}  - id: AST-BILLING
    name: Billing module
    kind: device
    zone: Z-PUMP
#         ^^^^^^ ZC005
    criticality: mission-critical
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      if (z.data.safety_designation !== true) continue;
      for (const asset of zg.assetsOf(z.id)) {
        if (!EQUIPMENT_KINDS.has(asset.data.kind) || !notSafetyRelated(asset)) continue;
        const why = asset.data.safety_critical === false ? 'safety_critical: false' : `criticality: ${asset.data.criticality}`;
        ctx.report({
          ...placement(ctx, asset, z),
          message: `asset '${asset.id}' (${why}) is not safety-related but sits in safety-designated zone '${z.id}': move it to a zone of its own`,
        });
      }
    }
  },
};
export default rule;
