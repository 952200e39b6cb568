import type { Rule } from '../types';
import { reportDirectBreaches, DMZ_BREACH_READS } from './dmz-breach';
import { channelsOf } from './channels';
import { conduit, zone } from './example-yaml';
import { isPointToPointWireless, LINK_REMEDY, missingLinkProtection, WIRELESS_LINK_READS } from './wireless-link';

const rule: Rule = {
  meta: {
    code: 'ZC017',
    alias: 'external-conduit-without-dmz',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit from an external or cloud zone ends directly in an OT, device or safety-designated zone.',
    rationale:
      'Connections from outside the system under consideration (internet, vendor networks, clouds) must terminate in a DMZ; a conduit that lands straight in the control system or in a safety-designated zone leaves it exposed to every attacker on that network. A device that only calls out to its cloud still receives commands on the return channel, so the direction of session set-up does not excuse it; a hardware diode carrying data out is accepted. The finding names what lies beyond the link and one path to it (breadth-first search with DMZ zones as blocking nodes). IT-to-OT links are ZC004. A point-to-point radio link between two zones (a phone app and a pump over BLE) cannot have a DMZ in the middle: such a conduit passes when every channel authenticates its peer (authenticated pairing, e.g. `security_mode: numeric-comparison`) and every write-capable channel carries commands the device verifies (`signed_commands: true`), or when a compensating control names the conduit; its message asks for what is missing instead of a DMZ.',
    source:
      'IEC 62443-3-3 SR 5.1 (network segmentation) and SR 5.2 (zone boundary protection); IEC 62443-3-2 ZCR 3.3 and 3.6; for point-to-point radio links SR 1.2 (device authentication) and SR 3.1 (communication integrity) as the alternative; Threagile unguarded-access-from-internet',
    fixable: false,
    since: '0.1.0',
    reads: [...DMZ_BREACH_READS, ...WIRELESS_LINK_READS, 'authentication', 'data', 'encrypted', 'kind', 'name', 'problems', 'protocol', 'sl', 'sl_t', 'text', 'wireless'],
    examples: {
      valid: [
        `zones:
${zone('Z-CLOUD', 'cloud')}${zone('Z-DMZ', 'dmz')}${zone('Z-PUMP', 'device', { safety: true })}conduits:
${conduit('C-CLOUD-DMZ', 'Z-CLOUD', 'Z-DMZ')}${conduit('C-DMZ-PUMP', 'Z-DMZ', 'Z-PUMP')}`,
        `# A phone app pairs with the pump over BLE: no DMZ is possible; authenticated pairing and signed commands stand instead.
zones:
${zone('Z-PHONE', 'external')}${zone('Z-PUMP', 'device', { safety: true })}conduits:
${conduit('C-PHONE-PUMP', 'Z-PHONE', 'Z-PUMP', { channels: ['{protocol: ble-secure, security_mode: numeric-comparison, signed_commands: true}'] })}`,
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
        `zones:
${zone('Z-PHONE', 'external')}${zone('Z-PUMP', 'device', { safety: true })}conduits:
  - id: C-PHONE-PUMP
    zones: [Z-PHONE, Z-PUMP]
#                    ^^^^^^ ZC017
    channels:
      - {protocol: ble, security_mode: just-works}
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
      (c, zones) => {
        const channels = channelsOf(c, ctx.config.protocols);
        if (!isPointToPointWireless(zones, channels)) return undefined;
        const lacks = missingLinkProtection(ctx.graph, c, channels);
        if (lacks.length === 0) return false;
        return `over a point-to-point radio link (${[...new Set(channels.map((ch) => ch.protocol))].join(', ')}) that lacks ${lacks.join(' and ')}; no DMZ can stand on such a link, so ${LINK_REMEDY} (IEC 62443-3-3 SR 1.2 device authentication, SR 3.1 communication integrity, SR 5.2 zone boundary protection)`;
      },
      ' (IEC 62443-3-3 SR 5.1 network segmentation and SR 5.2 zone boundary protection, from SL 1; IEC 62443-3-2 ZCR 3.6)',
    );
  },
};
export default rule;
