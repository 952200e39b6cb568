import { describePath, CONTROL_CLASSES, exposure, LOW_TRUST_CLASSES, REACHABILITY_READS } from '../../src/core/analysis/reachability';
import { isHighRiskScore, SCORES_READS, threatScore } from '../../src/core/analysis/scores';
import { declaredSl, SECURITY_LEVELS_READS, zoneCapability } from '../../src/core/analysis/security-levels';
import { isImplementationLink, isObsoleteRequirement, testEvidenceGap, VERIFICATION_READS, verificationIndex, yamlTestsOf } from '../../src/core/analysis/verification';
import { buildZoneGraph, ZONE_GRAPH_READS } from '../../src/core/analysis/zone-graph';
import { codeInput } from '../../src/core/codelinks/rule-input';
import type { ItemOf, ModelItem } from '../../src/core/model/graph';
import { RULES } from '../../src/core/rules/registry';
import { isCyberDevice, isObsolete, referrers, severityOf, systemOf, targetsOf, threatStatus, TR_HELPERS_READS } from '../../src/core/rules/tr/helpers';
import type { Rule } from '../../src/core/rules/types';
import { authenticated, CHANNELS_READS, channelsOf, encrypted, integrity, statedMode, writeCapable } from '../../src/core/rules/zc/channels';
import { DMZ_BREACH_READS, reportDirectBreaches } from '../../src/core/rules/zc/dmz-breach';
import { FLOW_SECURITY_READS, flowAuthenticated, flowEncrypted, isRequestResponse, sensitivity } from '../../src/core/rules/zc/flow-security';
import { compensatingControls, firstDefinitions, isAvailabilityCritical, isLegacy, isSafetyCritical, legacyWhy, placement, ZC_HELPERS_READS, zoneLabel } from '../../src/core/rules/zc/helpers';
import { nonAdjacentSafetyEntry, PURDUE_READS, purdueLevel } from '../../src/core/rules/zc/purdue';
import { isPointToPointWireless, missingLinkProtection, WIRELESS_LINK_READS } from '../../src/core/rules/zc/wireless-link';

/**
 * Probe rules for the reads constants of the analysis helpers: each reports everything one helper answers, at every
 * item it answers for, so that test/rules/rule-reads.test.ts can prove the constant as it proves a rule's `meta.reads`.
 */

/** A rule that reports what `check` reports: a probe reports everything one helper answers, at every item it answers for. */
function probe(check: Rule['check']): Rule {
  return { ...RULES[0], meta: { ...RULES[0].meta, code: 'PROBE', reads: undefined }, check };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).join(',');

/** At every zone, everything `buildZoneGraph` answers about it and about every conduit and flow. */
const zoneGraphProbe = probe((ctx) => {
  const zg = buildZoneGraph(ctx.graph);
  const zones = [...zg.zones.keys()].sort();
  const conduits = ctx.graph.byKind.conduit.map((c) => {
    const joined = zg.conduitZones(c).map((z) => z.id);
    const enters = joined.flatMap((a) => joined.map((b) => `${a}>${b}:${zg.enters(c, a, b)}`));
    return `${c.id}[${joined.join(',')}|${ids(zg.flowsOf(c))}|${enters.join(' ')}|${ctx.graph.byKind.flow.filter((f) => zg.carries(c, f)).length}]`;
  });
  const assets = ctx.graph.byKind.asset.map((a) => `${a.id}@${zg.zoneOf(a.id)?.id ?? '-'}`);
  for (const id of zones) {
    const z = zg.zones.get(id)!;
    const edges = (zg.out.get(id) ?? []).map((e) => `${e.from}>${e.to} via ${e.via.id}`);
    const between = zones.map((o) => ids(zg.conduitsBetween(id, o))).join(';');
    ctx.report({ file: z.file, range: ctx.rangeOf(z), message: [ids(zg.assetsOf(id)), edges.join(','), between, conduits.join(' '), assets.join(' ')].join(' | ') });
  }
});

/** At every zone, conduit and asset, everything the ZC helpers answer about it; every placement of an asset in a zone. */
const zcHelpersProbe = probe((ctx) => {
  const g = ctx.graph;
  const zones = firstDefinitions(g, g.byKind.zone);
  for (const item of [...g.byKind.zone, ...g.byKind.conduit, ...g.byKind.asset]) {
    const asset = item.kind === 'asset' ? [isSafetyCritical(item), isAvailabilityCritical(item), isLegacy(item), legacyWhy(item)].join(',') : '';
    const first = firstDefinitions(g, [item]).length;
    ctx.report({ file: item.file, range: ctx.rangeOf(item), message: `${zoneLabel(item)} | ${ids(compensatingControls(g, item))} | ${asset} | ${first}` });
    if (item.kind === 'asset') for (const z of zones) ctx.report({ ...placement(ctx, item, z), message: `${item.id} in ${z.id}` });
  }
});

/** At every item, everything the TR helpers answer about it. */
const trHelpersProbe = probe((ctx) => {
  const g = ctx.graph;
  for (const item of g.items) {
    const as = item as ItemOf<'threat'> & ItemOf<'hazard'>;
    const refs = (g.refsOf.get(item) ?? []).map((r) => `${r.field}:${ids(targetsOf(g, item, r.field))}`);
    const back = (g.refsTo.get(item.id) ?? []).map((r) => `${r.from.kind}.${r.field}:${ids(referrers(g, item.id, r.from.kind, r.field))}`);
    ctx.report({ file: item.file, range: ctx.rangeOf(item), message: [threatStatus(as), isObsolete(item), severityOf(as), isCyberDevice(g), systemOf(g)?.id, refs, back].join(' | ') });
  }
});

/** At every item, everything the verification index answers about it, and each test's evidence gap. */
const verificationProbe = probe((ctx) => {
  const index = verificationIndex(ctx);
  const files = new Set(ctx.allFiles);
  const links = (codeInput(ctx.code)?.files ?? []).flatMap((f) => f.links);
  for (const item of ctx.graph.items) {
    const codeOf = (index.codeOf.get(item.id) ?? []).map((l) => `${l.file}:${l.relation}`);
    const implemented = links.filter((l) => l.id === item.id && isImplementationLink(l, ctx.graph.byId.get(l.id))).length;
    const gap = item.kind === 'test' ? testEvidenceGap(item, files)?.message : '';
    const facts = [
      index.subjects(item).join(','),
      index.isVerified(item),
      ids(index.testsOf.get(item.id) ?? []),
      codeOf.join(','),
      ids(yamlTestsOf(ctx.graph, item)),
      isObsoleteRequirement(item),
      implemented,
      gap,
    ];
    ctx.report({ file: item.file, range: ctx.rangeOf(item), message: facts.join(' | ') });
  }
});

/** At every threat, everything `threatScore` answers. */
const scoresProbe = probe((ctx) => {
  for (const t of ctx.graph.byKind.threat) {
    const s = threatScore(t);
    ctx.report({ file: t.file, range: ctx.rangeOf(t), message: `${JSON.stringify(s)} | ${isHighRiskScore(s)}` });
  }
});

/** At every zone, conduit and asset, its declared security levels; at every zone, its capability. */
const securityLevelsProbe = probe((ctx) => {
  const g = ctx.graph;
  for (const item of [...g.byKind.zone, ...g.byKind.conduit, ...g.byKind.asset]) {
    const declared = (['sl_t', 'sl_c', 'sl_a'] as const).map((k) => JSON.stringify(declaredSl(item, k) ?? null));
    const assets = g.byKind.asset.filter((a) => g.zonesOfAsset.get(a.id)?.has(item.id));
    const capability = item.kind === 'zone' ? JSON.stringify(zoneCapability(item, assets) ?? null) : '';
    ctx.report({ file: item.file, range: ctx.rangeOf(item), message: `${declared.join(' ')} | ${capability}` });
  }
});

/** At every conduit, everything the channel helpers answer about each of its channels. */
const channelsProbe = probe((ctx) => {
  for (const c of ctx.graph.byKind.conduit) {
    const facts = channelsOf(c, ctx.config.protocols).map((ch) => [ch.index, ch.protocol, statedMode(ch)?.name, authenticated(ch), encrypted(ch), integrity(ch), writeCapable(ch)]);
    ctx.report({ file: c.file, range: ctx.rangeOf(c), message: JSON.stringify(facts) });
  }
});

/** At every zone, everything the exposure from low-trust and from control zones answers about it. */
const reachabilityProbe = probe((ctx) => {
  const zg = buildZoneGraph(ctx.graph);
  for (const classes of [LOW_TRUST_CLASSES, CONTROL_CLASSES]) {
    const exp = exposure(ctx, classes);
    for (const z of zg.zones.values()) {
      const path = exp.pathTo(z.id);
      const entry = exp.entryOf(z.id);
      const behind = entry ? exp.behind(entry.from, entry.to, entry.via).join(',') : '';
      ctx.report({ file: z.file, range: ctx.rangeOf(z), message: [exp.reached.has(z.id), path && describePath(path), entry && `${entry.from}>${entry.to} via ${entry.via.id}`, behind].join(' | ') });
    }
  }
});

/** Every direct breach between zones of even and of odd place (by ID), both ways. */
const dmzBreachProbe = probe((ctx) => {
  const order = ctx.graph.byKind.zone.map((z) => z.id).sort();
  const even = (z: ModelItem) => order.indexOf(z.id) % 2 === 0;
  reportDirectBreaches(ctx, even, (z) => !even(z));
  reportDirectBreaches(ctx, (z) => !even(z), even, undefined, ' (probe)');
});

/** At every zone, its Purdue level; at every conduit, the Purdue answer for each ordered pair of its zones. */
const purdueProbe = probe((ctx) => {
  const zg = buildZoneGraph(ctx.graph);
  for (const z of ctx.graph.byKind.zone) ctx.report({ file: z.file, range: ctx.rangeOf(z), message: String(purdueLevel(z)) });
  for (const c of ctx.graph.byKind.conduit) {
    const zones = zg.conduitZones(c);
    const answers = zones.flatMap((a) => zones.map((b) => `${a.id}>${b.id}: ${nonAdjacentSafetyEntry(zg, c, a, b)}`));
    ctx.report({ file: c.file, range: ctx.rangeOf(c), message: answers.join('; ') });
  }
});

/** At every flow, everything the flow helpers answer about it. */
const flowSecurityProbe = probe((ctx) => {
  for (const f of ctx.graph.byKind.flow) {
    const s = sensitivity(ctx.graph, f);
    const facts = [isRequestResponse(f), flowAuthenticated(f, ctx.config.protocols), flowEncrypted(f, ctx.config.protocols), ids(s.items), s.confidential];
    ctx.report({ file: f.file, range: ctx.rangeOf(f), message: JSON.stringify(facts) });
  }
});

/** At every conduit, whether it is one radio link between the zones it names and what protection it lacks. */
const wirelessLinkProbe = probe((ctx) => {
  const g = ctx.graph;
  for (const c of g.byKind.conduit) {
    const zones = (Array.isArray(c.data.zones) ? c.data.zones : []).flatMap((id) => (typeof id === 'string' && g.byId.get(id)?.kind === 'zone' ? [g.byId.get(id)!] : []));
    const channels = channelsOf(c, ctx.config.protocols);
    ctx.report({ file: c.file, range: ctx.rangeOf(c), message: `${isPointToPointWireless(zones, channels)} | ${missingLinkProtection(g, c, channels).join(',')}` });
  }
});

/** Each helper's reads constant, the probe that proves it, and fields the probe is seen to need (edits of reference fields always re-run the rules). */
export const HELPERS: { name: string; reads: readonly string[]; probe: Rule; needs: readonly string[] }[] = [
  { name: 'ZONE_GRAPH_READS (buildZoneGraph)', reads: ZONE_GRAPH_READS, probe: zoneGraphProbe, needs: ['direction'] },
  { name: 'TR_HELPERS_READS (tr/helpers)', reads: TR_HELPERS_READS, probe: trHelpersProbe, needs: ['cyber_device', 'severity', 'status'] },
  { name: 'VERIFICATION_READS (analysis/verification)', reads: VERIFICATION_READS, probe: verificationProbe, needs: ['evidence', 'junit', 'result'] },
  { name: 'SCORES_READS (threatScore)', reads: SCORES_READS, probe: scoresProbe, needs: ['score'] },
  { name: 'ZC_HELPERS_READS (zc/helpers)', reads: ZC_HELPERS_READS, probe: zcHelpersProbe, needs: ['cia', 'class', 'patchable', 'safety_critical'] },
  { name: 'SECURITY_LEVELS_READS (analysis/security-levels)', reads: SECURITY_LEVELS_READS, probe: securityLevelsProbe, needs: ['sl_a', 'sl_c', 'sl_t'] },
  { name: 'CHANNELS_READS (zc/channels)', reads: CHANNELS_READS, probe: channelsProbe, needs: ['channels'] },
  { name: 'REACHABILITY_READS (exposure)', reads: REACHABILITY_READS, probe: reachabilityProbe, needs: ['class', 'direction'] },
  { name: 'DMZ_BREACH_READS (reportDirectBreaches)', reads: DMZ_BREACH_READS, probe: dmzBreachProbe, needs: ['class', 'safety_designation'] },
  { name: 'PURDUE_READS (zc/purdue)', reads: PURDUE_READS, probe: purdueProbe, needs: ['purdue_level', 'safety_designation'] },
  { name: 'FLOW_SECURITY_READS (zc/flow-security)', reads: FLOW_SECURITY_READS, probe: flowSecurityProbe, needs: ['cia', 'data', 'protocol'] },
  { name: 'WIRELESS_LINK_READS (zc/wireless-link)', reads: WIRELESS_LINK_READS, probe: wirelessLinkProbe, needs: ['channels'] },
];
