import { slVector, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import type { Rule } from '../types';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC001',
    alias: 'zone-without-sl-t',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A zone has no target security level (SL-T), neither a scalar nor an FR1..FR7 mapping.',
    rationale:
      'The detailed risk assessment ends in an SL-T for every zone; without it there is nothing to compare the capability (SL-C) and the achieved level (SL-A) against, and the conduit and requirement checks that depend on it stay silent. A scalar `sl_t: 2` means 2 on FR1..FR7; a mapping sets FRs one by one. No quick fix: a placeholder level would be a security decision nobody made.',
    source: 'IEC 62443-3-2 ZCR 5.6 (determine SL-T) and ZCR 6.4 (zone characteristics)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'data', 'kind', 'problems', 'source', 'text'],
    examples: {
      valid: [
        `zones:
  - id: Z-HIS
    name: Hospital IT
    class: it
    accountable_org: Hospital IT department
    boundary: {logical: VLAN 10, physical: Data centre}
    access_points: []
    safety_designation: false
    sl_t: {FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1}
`,
      ],
      invalid: [
        `zones:
  - id: Z-HIS
#       ^^^^^ ZC001
    name: Hospital IT
    class: it
    accountable_org: Hospital IT department
    boundary: {logical: VLAN 10, physical: Data centre}
    access_points: []
    safety_designation: false
`,
      ],
    },
  },
  check(ctx) {
    for (const zone of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const value = zone.data.sl_t;
      if (slVector(value)) continue;
      // A present but malformed value is TM008's finding.
      if (value !== undefined && value !== null) continue;
      ctx.report({
        file: zone.file,
        range: value === null ? ctx.keyRangeOf(zone, ['sl_t']) : ctx.rangeOf(zone),
        message: `zone '${zone.id}' has no SL-T: set \`sl_t\` to a level 0..4 or a mapping FR1..FR7 from the zone's risk assessment`,
      });
    }
  },
};
export default rule;
