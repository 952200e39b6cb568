import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC026',
    alias: 'conduit-without-channels-or-flows',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit declares no channels and carries no flows.',
    rationale:
      'A conduit is a grouping of communication channels; one that names neither a channel nor a flow says nothing about what crosses the boundary, so the protocol, encryption, authentication, filtering and write checks have nothing to read and stay silent. Declare its `channels` (protocol and port) or the `flows` it carries, or remove the conduit if nothing crosses.',
    source: 'IEC 62443-1-1 conduit definition (a grouping of communication channels); IEC 62443-3-2 ZCR 6.4 (data flows of each zone and conduit)',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'sl_t', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - {id: C-DMZ-GW, zones: [Z-DMZ, Z-GW], channels: [{protocol: https, port: 443}], sl_t: 1}
`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - id: C-DMZ-GW
#       ^^^^^^^^ ZC026
    zones: [Z-DMZ, Z-GW]
    channels: []
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const channels = c.data.channels;
      // A present non-list value is TM008's finding.
      if (channels !== undefined && channels !== null && !Array.isArray(channels)) continue;
      if ((Array.isArray(channels) && channels.length > 0) || zg.flowsOf(c).length > 0) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c),
        message: `conduit '${c.id}' declares no channels and carries no flows: nothing says what crosses it, so no channel check can run; list its \`channels\` or the \`flows\` it carries`,
      });
    }
  },
};
export default rule;
