import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC010',
    alias: 'conduit-within-one-zone',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit names fewer than two distinct zones.',
    rationale:
      'A conduit connects two or more zones; one whose zones are all the same describes communication inside a zone, which is a flow, not a conduit, and it escapes every boundary check while looking like one. Heuristic of ours, from the IEC 62443-1-1 definition of a conduit.',
    source: 'Heuristic, from the IEC 62443-1-1 conduit definition (channels connecting two or more zones)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - {id: C-DMZ-GW, zones: [Z-DMZ, Z-GW], sl_t: 1}
`,
      ],
      invalid: [
        `zones:
${zone('Z-GW', 'ot')}conduits:
  - id: C-GW-GW
    zones: [Z-GW, Z-GW]
#          ^^^^^^^^^^^^ ZC010
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      if (!Array.isArray(c.data.zones)) continue;
      const distinct = [...new Set(c.data.zones.filter((z: unknown) => typeof z === 'string'))];
      if (distinct.length >= 2) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['zones']),
        message:
          distinct.length === 1
            ? `conduit '${c.id}' joins zone '${distinct[0]}' to itself: traffic inside a zone is a flow, not a conduit`
            : `conduit '${c.id}' names no zones: a conduit joins two or more zones`,
      });
    }
  },
};
export default rule;
