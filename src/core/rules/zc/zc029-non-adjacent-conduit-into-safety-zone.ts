import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';
import { nonAdjacentSafetyEntry, PURDUE_READS } from './purdue';

const rule: Rule = {
  meta: {
    code: 'ZC029',
    alias: 'non-adjacent-conduit-into-safety-zone',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit lets data into a safety-designated zone from a zone that is neither at an adjacent Purdue level nor a DMZ.',
    rationale:
      'Safety-related assets sit in their own zone so that only the layer next to them can reach them: a conduit from two or more Purdue levels away (an enterprise or site network straight into a safety system) bypasses every layer between and puts the safety function one step from the least trusted networks. Data may enter a safety zone only from an adjacent level (`purdue_level` differs by at most 1) or from a DMZ. Applies when the safety zone states `purdue_level`; a peer without a level cannot be shown to be adjacent and is reported too. A hardware diode pointing out of the safety zone lets nothing in.',
    source: 'IEC 62443-3-2 ZCR 3.3 (separate safety-related assets); ISA-95 / Purdue reference model layering as used in IEC 62443-1-1 and NIST SP 800-82r3; heuristic for the adjacency test',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...PURDUE_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-CELL', 'ot', { sl: '3', extra: ['purdue_level: 2'] })}${zone('Z-SIS', 'ot', { sl: '3', safety: true, extra: ['purdue_level: 1'] })}conduits:
  - {id: C-CELL-SIS, zones: [Z-CELL, Z-SIS], channels: [{protocol: opc-ua}], sl_t: 3}
`,
      ],
      invalid: [
        `zones:
${zone('Z-OPS', 'ot', { sl: '3', extra: ['purdue_level: 3'] })}${zone('Z-SIS', 'ot', { sl: '3', safety: true, extra: ['purdue_level: 1'] })}conduits:
  - id: C-OPS-SIS
    zones: [Z-OPS, Z-SIS]
#                  ^^^^^ ZC029
    channels: [{protocol: opc-ua}]
    sl_t: 3
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const zones = zg.conduitZones(c);
      for (const to of zones)
        for (const from of zones) {
          if (from === to) continue;
          const why = nonAdjacentSafetyEntry(zg, c, from, to);
          if (!why) continue;
          ctx.report({
            file: c.file,
            range: ctx.rangeOf(c, ['zones', (c.data.zones as unknown[]).indexOf(to.id)]),
            message: `conduit '${c.id}' lets data into safety-designated zone '${to.id}' from '${from.id}', which is neither at an adjacent Purdue level nor a DMZ (${why}): route it through the adjacent level or a DMZ`,
          });
        }
    }
  },
};
export default rule;
