import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { firstDefinitions, placement, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC006',
    alias: 'temporary-asset-in-permanent-zone',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A temporarily connected asset (service laptop, USB tool) sits in a zone not marked `temporarily_connected`.',
    rationale:
      'Devices that are connected only from time to time (service laptops, USB programming tools, portable diagnostic kits) travel through other networks between visits and bring their risks with them; they belong in a zone of their own, marked `temporarily_connected: true`, with a conduit that exists only while they are attached.',
    source: 'IEC 62443-3-2 ZCR 3.4 (separate temporarily connected devices)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'sl', 'temporarily_connected', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-SERVICE', 'ot', { extra: ['temporarily_connected: true'] })}assets:
${device('AST-SERVICE-LAPTOP', 'Z-SERVICE', ['temporarily_connected: true'])}`,
      ],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - id: AST-SERVICE-LAPTOP
    name: Service laptop
    kind: device
    zone: Z-PUMP
#         ^^^^^^ ZC006
    temporarily_connected: true
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const asset of firstDefinitions(ctx.graph, ctx.graph.byKind.asset)) {
      if (asset.data.temporarily_connected !== true) continue;
      const z = zg.zoneOf(asset.id);
      if (!z || z.data.temporarily_connected === true) continue;
      ctx.report({
        ...placement(ctx, asset, z),
        message: `temporarily connected asset '${asset.id}' sits in permanent zone '${z.id}': give it a zone of its own marked \`temporarily_connected: true\``,
      });
    }
  },
};
export default rule;
