import { declaredSl, slAt, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { FR } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { authenticated, channelsOf, encrypted, integrity, type Channel, type Effective, CHANNELS_READS } from './channels';
import { conduit, zone } from './example-yaml';
import { firstDefinitions, zoneLabel, ZC_HELPERS_READS } from './helpers';

/**
 * Each channel requirement of IEC 62443-3-3 (levels as recalled from its SL tables): the FR whose SL-T
 * selects it, the lowest SL at which it applies, the property that meets it, and which zones count (those
 * the conduit carries data into, or every zone it joins), and whether it applies only across untrusted networks.
 */
interface Requirement {
  sr: string;
  what: string;
  fr: FR;
  from: number;
  prop: (ch: Channel) => Effective;
  lacks: string;
  zones: 'entered' | 'joined';
  untrustedOnly: boolean;
}

const REQUIREMENTS: Requirement[] = [
  { sr: 'SR 1.2', what: 'software process and device authentication', fr: 'FR1', from: 2, prop: authenticated, lacks: 'unauthenticated', zones: 'entered', untrustedOnly: false },
  { sr: 'SR 3.1 RE 1', what: 'cryptographic integrity protection', fr: 'FR3', from: 3, prop: integrity, lacks: 'without integrity protection', zones: 'entered', untrustedOnly: false },
  { sr: 'SR 4.1 RE 1', what: 'confidentiality in transit across untrusted networks', fr: 'FR4', from: 2, prop: encrypted, lacks: 'unencrypted', zones: 'joined', untrustedOnly: true },
  { sr: 'SR 4.1 RE 2', what: 'confidentiality across zone boundaries', fr: 'FR4', from: 4, prop: encrypted, lacks: 'unencrypted', zones: 'joined', untrustedOnly: false },
];

/** The zone with the highest SL-T on an FR among the given zones. */
function strictest(zones: readonly ModelItem[], fr: FR): { zone: ModelItem; level: number } | undefined {
  let best: { zone: ModelItem; level: number } | undefined;
  for (const z of zones) {
    const level = slAt(declaredSl(z, 'sl_t'), fr);
    if (level !== undefined && (!best || level > best.level)) best = { zone: z, level };
  }
  return best;
}

/** Why the channel runs over an untrusted network, or undefined. */
function untrusted(c: ModelItem, zones: readonly ModelItem[], ch: Channel): string | undefined {
  if (ch.data.untrusted_network === true) return 'it is marked untrusted_network';
  if (ch.info?.wireless) return `${ch.protocol} is a radio link`;
  if (c.data.remote_access === true) return `conduit '${c.id}' is a remote access`;
  const outside = zones.find((z) => z.data.class === 'external' || z.data.class === 'cloud');
  return outside ? `it reaches ${zoneLabel(outside)}` : undefined;
}

const rule: Rule = {
  meta: {
    code: 'ZC014',
    alias: 'channel-below-zone-sl',
    severity: 'error',
    category: 'zones-conduits',
    description:
      "A conduit channel lacks what the zones' SL-T requires of it: device authentication (SR 1.2, FR1 SL 2), cryptographic integrity (SR 3.1 RE 1, FR3 SL 3), encryption across untrusted networks (SR 4.1 RE 1, FR4 SL 2) or across any zone boundary (SR 4.1 RE 2, FR4 SL 4).",
    rationale:
      "Each check follows the IEC 62443-3-3 requirement and the lowest security level at which it applies. FR1: from SL 2 the zone must authenticate the devices and processes that talk to it (SR 1.2), so a channel entering it needs `authentication`. FR3: communication integrity (SR 3.1) is required at every level but may be met by non-cryptographic means; cryptographic integrity is its RE 1, from SL 3. FR4: encryption in transit is SR 4.1 RE 1 only where the channel crosses an untrusted network (from SL 2), and SR 4.1 RE 2 for every zone-boundary crossing only at SL 4; so an unencrypted authenticated channel between two plant-internal zones at SL 2 is not a finding. A channel crosses an untrusted network when it says `untrusted_network: true`, is a radio link, belongs to a `remote_access` conduit, or one of the conduit's zones is of class external or cloud. FR1 and FR3 look at the zones the conduit carries data into; FR4 at every zone it joins (confidential data leaves a zone too). A property the channel leaves out comes from its protocol (or its stated `security_mode`; a configuration-dependent protocol without one counts as its weakest mode), and integrity is also implied by encryption or certificate-based authentication. The SL figures are recalled from the standard's SL tables and should be checked against a licensed copy.",
    source:
      "IEC 62443-3-3 SR 1.2 (SL 2), SR 3.1 RE 1 (SL 3), SR 4.1 RE 1 (SL 2, untrusted networks) and RE 2 (SL 4, zone boundaries); levels recalled, not checked against the standard's text; Threagile unencrypted-communication, missing-authentication",
    fixable: false,
    since: '0.1.0',
    reads: [
      ...ZONE_GRAPH_READS,
      ...ZC_HELPERS_READS,
      ...SECURITY_LEVELS_READS,
      ...CHANNELS_READS,
      'authentication',
      'data',
      'encrypted',
      'kind',
      'name',
      'problems',
      'protocol',
      'remote_access',
      'sl',
      'text',
      'wireless',
    ],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 2, FR3: 2, FR4: 2}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2, FR4: 2}' })}conduits:
${conduit('C-DMZ-PUMP', 'Z-DMZ', 'Z-PUMP', { sl: '{FR1: 2, FR3: 2, FR4: 2}', channels: ['{protocol: https, port: 443, authentication: mutual-tls}'] })}`,
        `# Plant-internal zones at SL 2: DNP3-SAv5 authenticates without encrypting, which SL 2 does not require here.
zones:
${zone('Z-CELL', 'ot', { sl: '2' })}${zone('Z-SUB', 'ot', { sl: '2' })}conduits:
${conduit('C-CELL-SUB', 'Z-CELL', 'Z-SUB', { sl: '2', channels: ['{protocol: dnp3-sav5, port: 20000}'] })}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz', { sl: '{FR1: 1, FR3: 1, FR4: 1}' })}${zone('Z-PUMP', 'device', { sl: '{FR1: 2, FR3: 2, FR4: 1}' })}conduits:
  - id: C-DMZ-PUMP
    zones: [Z-DMZ, Z-PUMP]
    channels:
      - {protocol: http, port: 8080, authentication: none}
#                  ^^^^ ZC014
    sl_t: {FR1: 1, FR3: 1, FR4: 1}
`,
        `zones:
${zone('Z-CLOUD', 'cloud', { sl: '2' })}${zone('Z-DMZ', 'dmz', { sl: '2' })}conduits:
  - id: C-CLOUD-DMZ
    zones: [Z-CLOUD, Z-DMZ]
    channels:
      - {protocol: dnp3-sav5, port: 20000}
#                  ^^^^^^^^^ ZC014
    sl_t: 2
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      const joined = zg.conduitZones(c);
      const entered = joined.filter((to) => joined.some((from) => from !== to && zg.enters(c, from.id, to.id)));
      if (entered.length === 0) continue;
      const needs = REQUIREMENTS.flatMap((r) => {
        const need = strictest(r.zones === 'entered' ? entered : joined, r.fr);
        return need && need.level >= r.from ? [{ ...r, need }] : [];
      });
      if (needs.length === 0) continue;
      for (const ch of channelsOf(c, ctx.config.protocols)) {
        const shown = new Set<string>();
        const short = needs.flatMap((r) => {
          const p = r.prop(ch);
          if (p.value !== false || shown.has(r.lacks)) return [];
          const over = r.untrustedOnly ? untrusted(c, joined, ch) : '';
          if (over === undefined) return [];
          shown.add(r.lacks);
          const why = p.why ? ` (${p.why})` : '';
          const across = over ? `; ${over}` : '';
          return [`${r.lacks}${why}, but ${zoneLabel(r.need.zone)} has SL-T ${r.fr}=${r.need.level} and ${r.sr} requires ${r.what} from SL ${r.from}${across}`];
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
