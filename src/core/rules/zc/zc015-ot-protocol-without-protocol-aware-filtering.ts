import { isDiode, zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Range } from '../../types';
import { lookupProtocol, needsProtocolAwareFiltering } from '../../vocab/protocols';
import type { Rule } from '../types';
import { channelsOf, statedMode, CHANNELS_READS } from './channels';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC015',
    alias: 'ot-protocol-without-protocol-aware-filtering',
    severity: 'error',
    category: 'zones-conduits',
    description: 'An OT or clinical protocol without native authentication crosses a zone boundary without protocol-aware filtering or a diode.',
    rationale:
      "Modbus/TCP, DNP3 without SAv5, PROFINET, EtherNet/IP without CIP Security, BACnet, S7, IEC 104, HL7 v2 over MLLP, plain DICOM and the like accept any well-formed command from anyone who can reach them. A port-based or stateful firewall lets every function code through once the port is open; only a filter that understands the protocol (allowing read functions or listed message types) or a one-way diode limits what crosses. The protocols come from the conduit's channels and from the flows it carries (a channel's stated `security_mode` counts: OPC UA in mode Sign or SignAndEncrypt authenticates); the protocol vocabulary (built-in, or declared under `protocols` in spdf.config.yaml) says which ones lack native authentication.",
    source: 'IEC 62443-3-3 SR 5.2 (zone boundary protection) and SR 3.5 (input validation); NIST SP 800-82r3 (protocol-aware filtering for industrial protocols)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...CHANNELS_READS, 'authentication', 'data', 'encrypted', 'kind', 'name', 'problems', 'protocol', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
${conduit('C-DMZ-GW', 'Z-DMZ', 'Z-GW', { channels: ['{protocol: modbus-tcp, port: 502}'], extra: ['filtering: {type: protocol-aware, allow: [read-holding-registers]}'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - id: C-DMZ-GW
    zones: [Z-DMZ, Z-GW]
    channels:
      - {protocol: modbus-tcp, port: 502}
#                  ^^^^^^^^^^ ZC015
    filtering: {type: stateful}
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    const custom = ctx.config.protocols;
    const unauthenticated = (p: string): boolean => needsProtocolAwareFiltering(lookupProtocol(p, custom));
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      if (zg.conduitZones(c).length < 2 || isDiode(c) || c.data.filtering?.type === 'protocol-aware') continue;
      const at = new Map<string, { file: string; range: Range }>();
      const channels = channelsOf(c, custom);
      for (const ch of channels)
        if (ch.protocol && ch.info && needsProtocolAwareFiltering({ ...ch.info, ...statedMode(ch)?.gives }) && !at.has(ch.protocol))
          at.set(ch.protocol, { file: c.file, range: ctx.rangeOf(c, ['channels', ch.index, 'protocol']) });
      // A flow's protocol that a channel of the conduit states is judged by that channel (and its security mode).
      const judged = new Set(channels.map((ch) => ch.protocol));
      for (const f of zg.flowsOf(c)) {
        const p = f.data.protocol;
        if (typeof p === 'string' && !judged.has(p) && unauthenticated(p) && !at.has(p)) at.set(p, { file: f.file, range: ctx.rangeOf(f, ['protocol']) });
      }
      const filtering = typeof c.data.filtering?.type === 'string' ? `filtering is ${c.data.filtering.type}` : 'no filtering is declared';
      for (const [p, where] of at)
        ctx.report({
          ...where,
          message: `${lookupProtocol(p, custom)?.title ?? p} (${p}) has no native authentication and crosses conduit '${c.id}' (${zg
            .conduitZones(c)
            .map((z) => z.id)
            .join(' <-> ')}) where ${filtering}: use \`filtering.type: protocol-aware\` with an allow list, or a diode (IEC 62443-3-3 SR 5.2 zone boundary protection, from SL 1)`,
        });
    }
  },
};
export default rule;
