import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC027',
    alias: 'zone-without-assets',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A zone holds no assets: none names it in `zone` and its own `assets` list is empty or absent.',
    rationale:
      "A zone groups assets that share security requirements; an empty zone has no assets whose requirements it states, so its SL-T protects nothing on record and the asset rules (segregation, legacy, capability) have nothing to check in it. Place its assets in it (the asset's `zone`, or the zone's `assets`), or remove it.",
    source: 'IEC 62443-3-2 ZCR 3.1 (assign assets to zones) and ZCR 6.4 (assets of each zone)',
    fixable: false,
    since: '0.2.0',
    reads: [...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-GW', 'ot')}assets:
${device('AST-GATEWAY', 'Z-GW')}`,
      ],
      invalid: [
        `zones:
  - id: Z-GW
#       ^^^^ ZC027
    name: Gateway
    class: ot
    accountable_org: Clinical engineering
    boundary: {logical: Gateway VLAN, physical: Gateway cabinet}
    access_points: []
    safety_designation: false
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    const occupied = new Set<string>();
    for (const zones of ctx.graph.zonesOfAsset.values()) for (const z of zones) occupied.add(z);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      if (occupied.has(z.id) || (Array.isArray(z.data.assets) && z.data.assets.length > 0)) continue;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z),
        message: `zone '${z.id}' holds no assets: set \`zone: ${z.id}\` on the assets it contains (or list them in its \`assets\`), or remove the zone`,
      });
    }
  },
};
export default rule;
