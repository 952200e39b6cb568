import { slVector, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import type { Rule } from '../types';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC003',
    alias: 'conduit-without-sl-t',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit has no target security level (SL-T).',
    rationale:
      'IEC 62443-3-2 asks for an SL-T for each zone and each conduit: the conduit is where traffic crosses a boundary, and its channels (authentication, encryption, filtering) are judged against that target. Without it the conduit-versus-zone comparison (ZC013) cannot run.',
    source: 'IEC 62443-3-2 ZCR 5.6 (SL-T for each zone and conduit) and ZCR 6.4',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'problems', 'source', 'text'],
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
    sl_t: 1
  - id: Z-DMZ
    name: Integration DMZ
    class: dmz
    accountable_org: Hospital IT department
    boundary: {logical: VLAN 20, physical: Data centre}
    access_points: []
    safety_designation: false
    sl_t: 1
conduits:
  - id: C-HIS-DMZ
    zones: [Z-HIS, Z-DMZ]
    channels:
      - {protocol: https, port: 443}
    sl_t: 1
`,
      ],
      invalid: [
        `zones:
  - id: Z-HIS
    name: Hospital IT
    class: it
    accountable_org: Hospital IT department
    boundary: {logical: VLAN 10, physical: Data centre}
    access_points: []
    safety_designation: false
    sl_t: 1
  - id: Z-DMZ
    name: Integration DMZ
    class: dmz
    accountable_org: Hospital IT department
    boundary: {logical: VLAN 20, physical: Data centre}
    access_points: []
    safety_designation: false
    sl_t: 1
conduits:
  - id: C-HIS-DMZ
#       ^^^^^^^^^ ZC003
    zones: [Z-HIS, Z-DMZ]
    channels:
      - {protocol: https, port: 443}
`,
      ],
    },
  },
  check(ctx) {
    for (const conduit of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const value = conduit.data.sl_t;
      if (slVector(value) || (value !== undefined && value !== null)) continue;
      ctx.report({
        file: conduit.file,
        range: value === null ? ctx.keyRangeOf(conduit, ['sl_t']) : ctx.rangeOf(conduit),
        message: `conduit '${conduit.id}' has no SL-T: set \`sl_t\` (a level 0..4 or a mapping FR1..FR7) from the conduit's risk assessment`,
      });
    }
  },
};
export default rule;
