import type { Rule } from '../types';
import { reportDirectBreaches } from './dmz-breach';
import { conduit, zone } from './example-yaml';

const rule: Rule = {
  meta: {
    code: 'ZC017',
    alias: 'external-conduit-without-dmz',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit from an external or cloud zone ends directly in an OT, device or safety-designated zone.',
    rationale:
      'Connections from outside the system under consideration (internet, vendor networks, clouds) must terminate in a DMZ; a conduit that lands straight in the control system or in a safety-designated zone leaves it exposed to every attacker on that network. A device that only calls out to its cloud still receives commands on the return channel, so the direction of session set-up does not excuse it; a hardware diode carrying data out is accepted. The finding names what lies beyond the link and one path to it (breadth-first search with DMZ zones as blocking nodes). IT-to-OT links are ZC004.',
    source: 'IEC 62443-3-3 SR 5.1 (network segmentation) and SR 5.2 (zone boundary protection); IEC 62443-3-2 ZCR 3.3 and 3.6; Threagile unguarded-access-from-internet',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: [
        `zones:
${zone('Z-CLOUD', 'cloud')}${zone('Z-DMZ', 'dmz')}${zone('Z-PUMP', 'device', { safety: true })}conduits:
${conduit('C-CLOUD-DMZ', 'Z-CLOUD', 'Z-DMZ')}${conduit('C-DMZ-PUMP', 'Z-DMZ', 'Z-PUMP')}`,
      ],
      invalid: [
        `zones:
${zone('Z-NET', 'external')}${zone('Z-PUMP', 'device', { safety: true })}conduits:
  - id: C-NET-PUMP
    zones: [Z-NET, Z-PUMP]
#                  ^^^^^^ ZC017
    channels:
      - {protocol: https, port: 443}
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    reportDirectBreaches(
      ctx,
      (z) => z.data.class === 'external' || z.data.class === 'cloud',
      (z) => z.data.class === 'ot' || z.data.class === 'device' || (z.data.safety_designation === true && z.data.class !== 'dmz'),
    );
  },
};
export default rule;
