import { declaredSl, slAt } from '../../analysis/security-levels';
import { zoneGraph } from '../../analysis/zone-graph';
import type { Item } from '../../model/graph';
import type { FR } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { authenticated, channelsOf, encrypted, integrity, type Channel, type Effective } from './channels';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, zoneLabel } from './helpers';

/** Each FR and the channel property that serves it. */
const CHECKS: { fr: FR; prop: (ch: Channel) => Effective; lacks: string }[] = [
  { fr: 'FR1', prop: authenticated, lacks: 'unauthenticated' },
  { fr: 'FR3', prop: integrity, lacks: 'without integrity protection' },
  { fr: 'FR4', prop: encrypted, lacks: 'unencrypted' },
];

/** The zone with the highest SL-T on an FR among the zones the conduit carries data into. */
function strictest(zones: readonly Item[], fr: FR): { zone: Item; level: number } | undefined {
  let best: { zone: Item; level: number } | undefined;
  for (const z of zones) {
    const level = slAt(declaredSl(z, 'sl_t'), fr);
    if (level !== undefined && (!best || level > best.level)) best = { zone: z, level };
  }
  return best;
}

const rule: Rule = {
  meta: {
    code: 'ZC014',
    alias: 'channel-below-zone-sl',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit channel entering a zone with SL-T >= 2 on FR1, FR3 or FR4 lacks authentication, integrity or encryption respectively.',
    rationale:
      'From SL 2 on, a zone has to resist intentional attack with simple means, which rules out unauthenticated peers (FR1), unprotected message integrity (FR3) and clear-text confidential data (FR4) on the channels that reach it. Each FR is checked against its own property: `authentication` for FR1, `integrity` for FR3, `encrypted` for FR4; a property the channel leaves out is taken from the protocol vocabulary (modbus-tcp has no native authentication; TLS-based protocols have all three), and integrity is also implied by encryption or certificate-based authentication. Only zones the conduit can carry data into are considered.',
    source: 'IEC 62443-3-3 SR 1.2 (device authentication), SR 3.1 (communication integrity), SR 4.1 and SR 4.3 (confidentiality, cryptography); Threagile unencrypted-communication, missing-authentication',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 2, FR3: 2, FR4: 2}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2, FR4: 2}' })}conduits:
${conduit('C-DMZ-PUMP', 'Z-DMZ', 'Z-PUMP', { sl: '{FR1: 2, FR3: 2, FR4: 2}', channels: ['{protocol: https, port: 443, authentication: mutual-tls}'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 1, FR3: 1, FR4: 1}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2, FR4: 1}' })}conduits:
  - id: C-DMZ-PUMP
    zones: [Z-DMZ, Z-PUMP]
    channels:
      - {protocol: http, port: 8080, authentication: token}
#                  ^^^^ ZC014
    sl_t: {FR1: 1, FR3: 1, FR4: 1}
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const zones = zg.conduitZones(c);
      const entered = zones.filter((to) => zones.some((from) => from !== to && zg.enters(c, from.id, to.id)));
      if (entered.length === 0) continue;
      const needs = CHECKS.map((k) => ({ ...k, need: strictest(entered, k.fr) })).filter((k) => k.need && k.need.level >= 2);
      if (needs.length === 0) continue;
      for (const ch of channelsOf(c)) {
        const short = needs.flatMap((k) => {
          const p = k.prop(ch);
          if (p.value !== false) return [];
          const why = p.inferred && ch.protocol ? ` (${ch.protocol} by default)` : '';
          return [`${k.lacks}${why}, but ${zoneLabel(k.need!.zone)} has SL-T ${k.fr}=${k.need!.level}`];
        });
        if (short.length === 0) continue;
        ctx.report({
          file: c.file,
          range: ctx.rangeOf(c, ['channels', ch.index, 'protocol']),
          message: `channel ${ch.protocol ?? `#${ch.index + 1}`} of conduit '${c.id}' is ${short.join('; ')}`,
        });
      }
    }
  },
};
export default rule;
