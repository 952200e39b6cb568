import type { Rule } from '../types';
import { reportDirectBreaches, DMZ_BREACH_READS } from './dmz-breach';
import { conduit, zone } from './example-yaml';

const rule: Rule = {
  meta: {
    code: 'ZC004',
    alias: 'it-ot-conduit-without-dmz',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit joins an IT zone directly to an OT or device zone, with no DMZ zone between them.',
    rationale:
      'Business IT and the control system must be separated, and traffic between them should terminate in a DMZ (a zone of class `dmz`) instead of passing straight through. The DMZ is topological: a conduit whose zones are an `it` zone and an `ot` or `device` zone is a direct link, whatever its filtering. A hardware diode (`direction: unidirectional-hw` or `filtering.type: diode`) that only carries data out of the OT zone does not let anything in and is accepted. The finding names the OT or device zones reachable beyond the link and one path to them, from a breadth-first search over conduits and zone-crossing flows with DMZ zones as blocking nodes. External and cloud zones are ZC017.',
    source: 'IEC 62443-3-2 ZCR 3.2 (separate business and control system assets); NIST SP 800-82r3 (DMZ between corporate and OT networks)',
    fixable: false,
    since: '0.1.0',
    reads: [...DMZ_BREACH_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-HIS', 'it')}${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
${conduit('C-HIS-DMZ', 'Z-HIS', 'Z-DMZ')}${conduit('C-DMZ-GW', 'Z-DMZ', 'Z-GW')}`,
        `zones:
${zone('Z-GW', 'ot')}${zone('Z-HIS', 'it')}conduits:
${conduit('C-GW-HIS', 'Z-GW', 'Z-HIS', { extra: ['direction: unidirectional-hw'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-HIS', 'it')}${zone('Z-GW', 'ot')}${zone('Z-PUMP', 'device')}conduits:
  - id: C-HIS-GW
    zones: [Z-HIS, Z-GW]
#                  ^^^^ ZC004
    channels:
      - {protocol: https, port: 443}
    sl_t: 1
${conduit('C-GW-PUMP', 'Z-GW', 'Z-PUMP')}`,
      ],
    },
  },
  check(ctx) {
    reportDirectBreaches(
      ctx,
      (z) => z.data.class === 'it',
      (z) => z.data.class === 'ot' || z.data.class === 'device',
    );
  },
};
export default rule;
