import { flowCoverage } from '../../analysis/flow-coverage';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { conduit, device, zone } from './example-yaml';
import { firstDefinitions, listIds, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC009',
    alias: 'flow-not-covered-by-conduit',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A flow between assets in different zones is not carried by a conduit that joins those zones.',
    rationale:
      "All communication between zones passes through conduits; a flow that crosses a boundary outside any conduit is traffic nobody assessed or filters. A flow counts as covered when its `conduit` names a conduit joining its two zones, or when a conduit joining them lists the flow in `flows`, has a channel with the flow's protocol, or declares neither channels nor flows. A `conduit` naming a conduit between other zones is reported, never replaced by another conduit: the written link is the evidence.",
    source: 'IEC 62443-3-2 ZCR 3.1 (establish zones and conduits) and ZCR 6.4 (data flows); IEC 62443-1-1 conduit definition',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'protocol', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}assets:
${device('AST-BROKER', 'Z-DMZ')}${device('AST-GATEWAY', 'Z-GW')}flows:
  - {id: F-ORDERS, source: AST-BROKER, destination: AST-GATEWAY, protocol: https, conduit: C-DMZ-GW}
conduits:
${conduit('C-DMZ-GW', 'Z-DMZ', 'Z-GW')}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}assets:
${device('AST-BROKER', 'Z-DMZ')}${device('AST-GATEWAY', 'Z-GW')}flows:
  - id: F-ORDERS
#       ^^^^^^^^ ZC009
    source: AST-BROKER
    destination: AST-GATEWAY
    protocol: https
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const flow of firstDefinitions(ctx.graph, ctx.graph.byKind.flow)) {
      const cov = flowCoverage(ctx.graph, zg, flow);
      if (!cov.crossing || cov.covered) continue;
      const what = `flow '${flow.id}' (${flow.data.source} in ${cov.from.id} -> ${flow.data.destination} in ${cov.to.id}, ${flow.data.protocol})`;
      if (cov.reason === 'no-conduit') ctx.report({ file: flow.file, range: ctx.rangeOf(flow), message: `${what} crosses a zone boundary, but no conduit joins ${cov.from.id} and ${cov.to.id}` });
      else if (cov.reason === 'wrong-conduit')
        ctx.report({
          file: flow.file,
          range: ctx.rangeOf(flow, ['conduit']),
          message: `${what} names conduit '${cov.named.id}', which joins ${
            zg
              .conduitZones(cov.named)
              .map((z) => z.id)
              .join(', ') || 'no defined zones'
          }, not ${cov.from.id} and ${cov.to.id}`,
        });
      else
        ctx.report({
          file: flow.file,
          range: ctx.rangeOf(flow, ['protocol']),
          message: `${what}: no conduit between the two zones (${listIds(cov.conduits.map((c) => c.id))}) lists the flow or has a channel for ${flow.data.protocol}`,
        });
    }
  },
};
export default rule;
