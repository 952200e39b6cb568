import { declaredSl, slDominated } from '../../analysis/security-levels';
import { zoneGraph, type ZoneGraph } from '../../analysis/zone-graph';
import type { Item } from '../../model/graph';
import type { Rule } from '../types';
import { channelsOf } from './channels';
import { zone } from './example-yaml';
import { firstDefinitions, zoneLabel } from './helpers';

const LOW_TRUST = new Set(['it', 'external', 'cloud']);

/** `from` is lower trust than `to`: an IT/external/cloud zone, or an SL-T below `to`'s on some FR and above on none. */
function lowerTrust(from: Item, to: Item): boolean {
  if (LOW_TRUST.has(from.data.class)) return true;
  const a = declaredSl(from, 'sl_t');
  const b = declaredSl(to, 'sl_t');
  return !!a && !!b && slDominated(a, b);
}

/** The zone may open sessions: `initiator` is its side (a = first zone, b = the others), `both`, or unset. */
function mayInitiate(zg: ZoneGraph, c: Item, z: Item): boolean {
  const init = c.data.initiator;
  if (init !== 'a' && init !== 'b') return true;
  return (zg.conduitZones(c)[0] === z) === (init === 'a');
}

const rule: Rule = {
  meta: {
    code: 'ZC016',
    alias: 'write-from-lower-trust-zone',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit lets a lower-trust zone (IT, external, cloud, or lower SL-T) send write or command functions into an OT or device zone.',
    rationale:
      'Write and command functions change the physical process or the therapy; a zone with less protection than the OT or device zone must not be able to issue them, or the weaker zone becomes the real security level of the device. A channel is write-capable when it says `write_capable: true`; the lower-trust side must be able to open sessions (`initiator` is its side, `both`, or unset) and data must be able to enter the OT side (a diode pointing out is fine). "Lower trust" is a zone of class it, external or cloud, or one whose SL-T is below the target zone\'s on some FR and above it on none (heuristic of ours).',
    source: 'IEC 62443-3-3 SR 2.1 (authorization enforcement) and SR 5.2 (zone boundary protection); heuristic for the trust comparison',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: [
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
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const writes = channelsOf(c).filter((ch) => ch.data.write_capable === true);
      if (writes.length === 0) continue;
      const zones = zg.conduitZones(c);
      let pair: [Item, Item] | undefined;
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
      for (const ch of writes)
        ctx.report({
          file: c.file,
          range: ctx.rangeOf(c, ['channels', ch.index, 'write_capable']),
          message: `channel ${ch.protocol ?? `#${ch.index + 1}`} of conduit '${c.id}' lets ${zoneLabel(from)}${why} send write commands into ${zoneLabel(to)}: make it read-only, or initiate writes from a zone at least as trusted`,
        });
    }
  },
};
export default rule;
