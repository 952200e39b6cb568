import { declaredSl, type SlVector, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { isDiode, zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import { FRS } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

/** FRs where the two SL-T vectors (both known) differ by 2 or more, as `FR1 1 vs 3`. */
function wideGaps(a: SlVector, b: SlVector): string[] {
  const gaps = FRS.flatMap((fr, i) => (a[i] !== undefined && b[i] !== undefined && Math.abs(a[i] - b[i]) >= 2 ? [`${fr} ${a[i]} vs ${b[i]}`] : []));
  const alike = gaps.length === FRS.length && gaps.every((g) => g.slice(4) === gaps[0].slice(4));
  return alike ? [`FR1..FR7 ${a[0]} vs ${b[0]}`] : gaps;
}

const rule: Rule = {
  meta: {
    code: 'ZC031',
    alias: 'sl-gap-without-protocol-aware-inspection',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit joins zones whose SL-Ts differ by 2 or more on some FR, without protocol-aware filtering or a diode.',
    rationale:
      'Where a zone meant to resist skilled attackers meets one that only resists casual ones, a port or stateful firewall lets any well-formed message through once a port is open, so the stronger zone is exposed to whatever the weaker one lets in. A boundary across a wide gap should inspect the protocol (allow listed functions and message types: `filtering.type: protocol-aware`) or be a hardware diode. The gap threshold of 2 levels is a heuristic of ours; FRs unknown on either side are not compared.',
    source: 'Heuristic of ours, from IEC 62443-3-3 SR 5.2 (zone boundary protection) and SR 3.5 (input validation); NIST SP 800-82r3 (deep packet inspection between levels of trust)',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-CELL', 'ot', { sl: '1' })}${zone('Z-SIS', 'ot', { sl: '3' })}conduits:
${conduit('C-CELL-SIS', 'Z-CELL', 'Z-SIS', { channels: ['{protocol: opc-ua}'], sl: '3', extra: ['filtering: {type: protocol-aware, allow: [read]}'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-CELL', 'ot', { sl: '{FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1}' })}${zone('Z-SIS', 'ot', { sl: '{FR1: 3, FR2: 2, FR3: 3, FR4: 1, FR5: 2, FR6: 1, FR7: 2}' })}conduits:
  - id: C-CELL-SIS
    zones: [Z-CELL, Z-SIS]
    channels: [{protocol: opc-ua}]
    filtering: {type: stateful}
#              ^^^^^^^^^^^^^^^^ ZC031
    sl_t: 3
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      if (isDiode(c) || c.data.filtering?.type === 'protocol-aware') continue;
      const zones = zg.conduitZones(c);
      const pairs: string[] = [];
      for (let i = 0; i < zones.length; i++)
        for (let j = i + 1; j < zones.length; j++) {
          const a = declaredSl(zones[i], 'sl_t');
          const b = declaredSl(zones[j], 'sl_t');
          const gaps = a && b ? wideGaps(a, b) : [];
          if (gaps.length > 0) pairs.push(`${zones[i].id} and ${zones[j].id} differ on ${gaps.join(', ')}`);
        }
      if (pairs.length === 0) continue;
      const filtering = typeof c.data.filtering?.type === 'string' ? `its filtering is ${c.data.filtering.type}` : 'it declares no filtering';
      ctx.report({
        file: c.file,
        range: c.data.filtering !== undefined ? ctx.rangeOf(c, ['filtering']) : ctx.rangeOf(c, ['zones']),
        message: `conduit '${c.id}' joins zones whose SL-T differs by 2 or more (${pairs.join('; ')}) and ${filtering}: inspect the protocols at this boundary (\`filtering.type: protocol-aware\` with an allow list) or use a diode`,
      });
    }
  },
};
export default rule;
