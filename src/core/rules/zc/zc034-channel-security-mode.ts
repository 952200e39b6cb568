import { suggestValue } from '../../suggest';
import type { Rule } from '../types';
import { channelsOf, CHANNELS_READS } from './channels';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';
import { scalarText } from '../../scalar-text';

const rule: Rule = {
  meta: {
    code: 'ZC034',
    alias: 'channel-security-mode',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A channel of a protocol whose security depends on configuration does not state its `security_mode`, or states one the protocol does not have.',
    rationale:
      'OPC UA is unauthenticated in security mode None and authenticated, signed and encrypted in SignAndEncrypt; BLE pairing may be Just Works (open to a man in the middle) or numeric comparison; SNMP v1 and v2c send the community string in clear while v3 with authPriv signs and encrypts; TLS 1.0 and 1.1 are deprecated (RFC 8996). Assuming the good mode would pass a channel that may run in the bad one, so the rules take a configuration-dependent protocol without a stated mode as its weakest mode, and this rule asks for the mode. Modes per protocol: opc-ua None, Sign, SignAndEncrypt; ble and ble-secure no-pairing, just-works, passkey, numeric-comparison, oob; snmp v1, v2c, v3-noauth, v3-auth, v3-authpriv; wifi open, wep, wpa2-psk, wpa2-enterprise, wpa3-sae, wpa3-enterprise; nfs sys, krb5, krb5i, krb5p; smb smb1, unsigned, signed, encrypted; jdbc plain, tls; zigbee no-security, network-key; tls (required) and the TLS-based protocols (optional) tls-1.0 .. tls-1.3. Protocols declared in spdf.config.yaml name their own `modes` and say whether the mode is required (`configuration_dependent`).',
    source:
      "IEC 62443-3-3 SR 7.6 (network and security configuration settings, SL 1) feeding SR 1.2, SR 3.1 and SR 4.1; OPC 10000-2 security modes; RFC 8996 (TLS 1.0/1.1 deprecated); levels recalled, not checked against the standard's text",
    fixable: false,
    since: '0.2.0',
    reads: [...ZC_HELPERS_READS, ...CHANNELS_READS, 'authentication', 'code', 'data', 'encrypted', 'kind', 'name', 'protocol', 'score', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
${conduit('C-DMZ-GW', 'Z-DMZ', 'Z-GW', { channels: ['{protocol: opc-ua, port: 4840, security_mode: SignAndEncrypt}'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - id: C-DMZ-GW
    zones: [Z-DMZ, Z-GW]
    channels:
      - {protocol: opc-ua, port: 4840}
#                  ^^^^^^ ZC034
      - {protocol: snmp, port: 161, security_mode: v3}
#                                                  ^^ ZC034
    filtering: {type: protocol-aware}
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit))
      for (const ch of channelsOf(c, ctx.config.protocols)) {
        if (!ch.info || !ch.protocol) continue;
        const modes = Object.keys(ch.info.modes ?? {});
        const mode = ch.data.security_mode;
        if (mode === undefined || mode === null) {
          if (ch.info.modeRequired)
            ctx.report({
              file: c.file,
              range: ctx.rangeOf(c, ['channels', ch.index, 'protocol']),
              message: `the security of ${ch.protocol} on channel #${ch.index + 1} of conduit '${c.id}' depends on its configuration: state \`security_mode\` (${modes.join(', ')}); until then the rules take its weakest mode`,
            });
          continue;
        }
        const written = scalarText(mode);
        if (modes.includes(written)) continue;
        const hint = suggestValue(written, modes);
        ctx.report({
          file: c.file,
          range: ctx.rangeOf(c, ['channels', ch.index, 'security_mode']),
          message:
            modes.length === 0
              ? `${ch.protocol} has no security modes, so security_mode '${written}' on conduit '${c.id}' means nothing to the rules: remove it, or pick a protocol that names the mode`
              : `security_mode '${written}' is not a mode of ${ch.protocol}${hint ? ` (did you mean '${hint}'?)` : ''}; expected one of: ${modes.join(', ')}`,
        });
      }
  },
};
export default rule;
