import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';
import { nonAdjacentSafetyEntry, purdueLevel, PURDUE_READS } from './purdue';

const rule: Rule = {
  meta: {
    code: 'ZC032',
    alias: 'conduit-skips-purdue-levels',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit joins zones whose `purdue_level` values differ by 2 or more.',
    rationale:
      "In the layered (Purdue / ISA-95) reference architecture each level talks to the level next to it, so an attacker has to cross every layer in turn. A conduit from level 4 straight to level 2, or from level 3 to level 1, skips the layers between and their boundary protection. Route it through the intermediate level, or document why the direct path is needed and how it is protected. Compared only where both zones state `purdue_level`; a DMZ takes the level it is given. A conduit into a safety-designated zone from a non-adjacent level is ZC029's finding (an error) and is not reported here again.",
    source: 'ISA-95 / Purdue reference model layering, as used by IEC 62443-1-1 and NIST SP 800-82r3 (defence in depth); heuristic for the skip test',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...PURDUE_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-ENT', 'it', { extra: ['purdue_level: 4'] })}${zone('Z-DMZ', 'dmz', { extra: ['purdue_level: 3'] })}conduits:
  - {id: C-ENT-DMZ, zones: [Z-ENT, Z-DMZ], channels: [{protocol: https}], sl_t: 1}
`,
      ],
      invalid: [
        `zones:
${zone('Z-OPS', 'ot', { extra: ['purdue_level: 3'] })}${zone('Z-CELL', 'ot', { extra: ['purdue_level: 1'] })}conduits:
  - id: C-OPS-CELL
    zones: [Z-OPS, Z-CELL]
#          ^^^^^^^^^^^^^^^ ZC032
    channels: [{protocol: https}]
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const zones = zg.conduitZones(c);
      const skips: string[] = [];
      for (let i = 0; i < zones.length; i++)
        for (let j = i + 1; j < zones.length; j++) {
          const [a, b] = [zones[i], zones[j]];
          const la = purdueLevel(a);
          const lb = purdueLevel(b);
          if (la === undefined || lb === undefined || Math.abs(la - lb) < 2) continue;
          if (nonAdjacentSafetyEntry(zg, c, a, b) || nonAdjacentSafetyEntry(zg, c, b, a)) continue;
          skips.push(`${a.id} (level ${la}) and ${b.id} (level ${lb})`);
        }
      if (skips.length === 0) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['zones']),
        message: `conduit '${c.id}' skips Purdue levels between ${skips.join('; ')}: route it through the level between, or justify the direct path with a suppression`,
      });
    }
  },
};
export default rule;
