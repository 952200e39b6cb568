import { declaredSl, slDominated, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { zoneGraph, type ZoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import { lookupProtocol } from '../../vocab/protocols';
import type { Rule, RuleContext } from '../types';
import { channelsOf, writeCapable } from './channels';
import { isPointToPointWireless, LINK_REMEDY, WIRELESS_LINK_READS } from './wireless-link';
import { zone } from './example-yaml';
import { compensatingControls, firstDefinitions, zoneLabel, ZC_HELPERS_READS } from './helpers';

const LOW_TRUST: ReadonlySet<unknown> = new Set(['it', 'external', 'cloud']);

/** `from` is lower trust than `to`: an IT/external/cloud zone, or an SL-T below `to`'s on some FR and above on none. */
function lowerTrust(from: ModelItem, to: ModelItem): boolean {
  if (LOW_TRUST.has(from.data.class)) return true;
  const a = declaredSl(from, 'sl_t');
  const b = declaredSl(to, 'sl_t');
  return !!a && !!b && slDominated(a, b);
}

/** The zone may open sessions: `initiator` is its side (a = first zone, b = the others), `both`, or unset. */
function mayInitiate(zg: ZoneGraph, c: ModelItem, z: ModelItem): boolean {
  const init = c.data.initiator;
  if (init !== 'a' && init !== 'b') return true;
  return (zg.conduitZones(c)[0] === z) === (init === 'a');
}

const SOURCES = 'IEC 62443-3-3 SR 2.1 (authorization enforcement) and SR 5.2 (zone boundary protection), both from SL 1';

/**
 * Flows the conduit carries whose protocol can write and that no channel of the conduit describes: the
 * initiating side's zone writes into the other side's.
 */
function reportFlows(ctx: RuleContext, zg: ZoneGraph, c: ModelItem, zones: readonly ModelItem[], judged: ReadonlySet<string | undefined>): void {
  for (const f of zg.flowsOf(c)) {
    const p = typeof f.data.protocol === 'string' ? f.data.protocol : undefined;
    if (!p || judged.has(p) || !lookupProtocol(p, ctx.config.protocols)?.canWrite) continue;
    const src = typeof f.data.source === 'string' ? zg.zoneOf(f.data.source) : undefined;
    const dst = typeof f.data.destination === 'string' ? zg.zoneOf(f.data.destination) : undefined;
    if (!src || !dst || src === dst) continue;
    const [from, to] = f.data.initiator === 'destination' ? [dst, src] : [src, dst];
    if ((to.data.class !== 'ot' && to.data.class !== 'device') || !zones.includes(from) || !zones.includes(to)) continue;
    if (!zg.enters(c, from.id, to.id) || !lowerTrust(from, to)) continue;
    ctx.report({
      file: f.file,
      range: ctx.rangeOf(f, ['protocol']),
      message: `flow '${f.id}' (${p}, which carries write or command functions) through conduit '${c.id}' lets ${zoneLabel(from)}${LOW_TRUST.has(from.data.class) ? '' : ' (lower SL-T)'} send write commands into ${zoneLabel(to)}, against ${SOURCES}: initiate it from a zone at least as trusted, or describe it on the conduit as a channel with \`write_capable: false\` if it only reads`,
    });
  }
}

const rule: Rule = {
  meta: {
    code: 'ZC016',
    alias: 'write-from-lower-trust-zone',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit lets a lower-trust zone (IT, external, cloud, or lower SL-T) send write or command functions into an OT or device zone.',
    rationale:
      'Write and command functions change the physical process or the therapy; a zone with less protection than the OT or device zone must not be able to issue them, or the weaker zone becomes the real security level of the device. A channel is write-capable when it says `write_capable: true`, or when it says nothing and its protocol can carry write or command functions (PROFINET, S7, Modbus, OPC UA, HTTP(S), SSH, ...: the protocol table, or `write_capable` of a protocol declared in spdf.config.yaml); `write_capable: false` states a read-only channel. A flow the conduit carries counts the same way when no channel of the conduit names its protocol: its initiating side writes into the other. The lower-trust side must be able to open sessions (`initiator` is its side, `both`, or unset) and data must be able to enter the OT side (a diode pointing out is fine). "Lower trust" is a zone of class it, external or cloud, or one whose SL-T is below the target zone\'s on some FR and above it on none (heuristic of ours). A point-to-point radio link between two zones (a phone app and a pump over BLE) cannot route writes through a more trusted zone; there a channel with `signed_commands: true` (the device verifies each command\'s signature) or a compensating control on the conduit is the accepted remedy, and the message says so.',
    source:
      'IEC 62443-3-3 SR 2.1 (authorization enforcement, SL 1) and SR 5.2 (zone boundary protection, SL 1); SR 3.1 (communication integrity) for signed commands on radio links; levels recalled; heuristic for the trust comparison',
    fixable: false,
    since: '0.1.0',
    reads: [
      ...ZONE_GRAPH_READS,
      ...ZC_HELPERS_READS,
      ...SECURITY_LEVELS_READS,
      ...WIRELESS_LINK_READS,
      'authentication',
      'data',
      'encrypted',
      'initiator',
      'kind',
      'name',
      'problems',
      'protocol',
      'sl',
      'text',
      'wireless',
    ],
    examples: {
      valid: [
        `# A phone app sends signed commands to the pump over a point-to-point BLE link.
zones:
${zone('Z-PHONE', 'external', { sl: '2', extra: ['monitoring: passive-ids'] })}${zone('Z-PUMP', 'device', { sl: '2', extra: ['monitoring: passive-ids'] })}conduits:
  - id: C-PHONE-PUMP
    zones: [Z-PHONE, Z-PUMP]
    channels:
      - {protocol: ble-secure, security_mode: numeric-comparison, signed_commands: true}
    sl_t: 2
`,
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '2', extra: ['monitoring: passive-ids'] })}${zone('Z-GW', 'ot', { sl: '2', extra: ['monitoring: passive-ids'] })}conduits:
  - id: C-DMZ-GW
    zones: [Z-DMZ, Z-GW]
    initiator: a
    channels:
      - {protocol: opc-ua, port: 4840, write_capable: true, authentication: device-cert}
    sl_t: 2
`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot', { sl: '2', extra: ['monitoring: passive-ids'] })}conduits:
  - id: C-DMZ-GW
    zones: [Z-DMZ, Z-GW]
    initiator: a
    channels:
      - {protocol: opc-ua, port: 4840, write_capable: true, authentication: device-cert}
#                                                     ^^^^ ZC016
    sl_t: 1
`,
        `zones:
${zone('Z-CELL', 'ot', { sl: '2', extra: ['monitoring: passive-ids'] })}${zone('Z-SIS', 'ot', { sl: '{FR1: 4, FR2: 4, FR3: 4, FR4: 2, FR5: 4, FR6: 2, FR7: 4}', safety: true, extra: ['monitoring: passive-ids'] })}conduits:
  - id: C-CELL-SIS
    zones: [Z-CELL, Z-SIS]
    channels:
      - {protocol: profinet}
#                  ^^^^^^^^ ZC016
    filtering: {type: protocol-aware}
    sl_t: {FR1: 4, FR2: 4, FR3: 4, FR4: 2, FR5: 4, FR6: 2, FR7: 4}
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const channels = channelsOf(c, ctx.config.protocols);
      const zones = zg.conduitZones(c);
      reportFlows(ctx, zg, c, zones, new Set(channels.map((ch) => ch.protocol)));
      const writes = channels.filter((ch) => writeCapable(ch).value === true);
      if (writes.length === 0) continue;
      let pair: [ModelItem, ModelItem] | undefined;
      for (const to of zones) {
        if (to.data.class !== 'ot' && to.data.class !== 'device') continue;
        const from = zones.find((z) => z !== to && zg.enters(c, z.id, to.id) && mayInitiate(zg, c, z) && lowerTrust(z, to));
        if (from) {
          pair = [from, to];
          break;
        }
      }
      if (!pair) continue;
      const [from, to] = pair;
      const why = LOW_TRUST.has(from.data.class) ? '' : ' (lower SL-T)';
      const link = isPointToPointWireless(zones, channels);
      if (link && compensatingControls(ctx.graph, c).length > 0) continue;
      for (const ch of writes) {
        if (link && ch.data.signed_commands === true) continue;
        const w = writeCapable(ch);
        const stated = w.why ? ` (${w.why}; say \`write_capable: false\` if this channel cannot)` : '';
        const remedy = link ? `this is a point-to-point radio link, where no zone can stand between the ends: ${LINK_REMEDY}` : 'make it read-only, or initiate writes from a zone at least as trusted';
        ctx.report({
          file: c.file,
          range: ch.data.write_capable === true ? ctx.rangeOf(c, ['channels', ch.index, 'write_capable']) : ctx.rangeOf(c, ['channels', ch.index, 'protocol']),
          message: `channel ${ch.protocol ?? `#${ch.index + 1}`} of conduit '${c.id}' lets ${zoneLabel(from)}${why} send write commands into ${zoneLabel(to)}${stated}, against ${SOURCES}: ${remedy}`,
        });
      }
    }
  },
};
export default rule;
