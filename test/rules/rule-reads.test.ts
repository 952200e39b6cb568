// @spdf verifies SPDF-LSP-READS
import assert from 'node:assert/strict';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { buildGraph } from '../../src/core/model/build-graph';
import type { Graph } from '../../src/core/model/graph';
import type { LoadedFile } from '../../src/core/model/load-file';
import { modelFileMatcher } from '../../src/core/model/load-workspace';
import { runRules } from '../../src/core/rules/engine';
import { exampleFileDates, GIT_LOG_EXAMPLE } from '../../src/core/rules/example-git-log';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { Rule, RuleInputs } from '../../src/core/rules/types';
import { isHighRiskScore, SCORES_READS, threatScore } from '../../src/core/analysis/scores';
import { isImplementationLink, isObsoleteRequirement, testEvidenceGap, VERIFICATION_READS, verificationIndex, yamlTestsOf } from '../../src/core/analysis/verification';
import { codeInput } from '../../src/core/codelinks/rule-input';
import type { ItemOf } from '../../src/core/model/graph';
import { isCyberDevice, isObsolete, referrers, severityOf, systemOf, targetsOf, threatStatus, TR_HELPERS_READS } from '../../src/core/rules/tr/helpers';
import { buildZoneGraph, ZONE_GRAPH_READS } from '../../src/core/analysis/zone-graph';
import { compensatingControls, firstDefinitions, isAvailabilityCritical, isLegacy, isSafetyCritical, legacyWhy, placement, ZC_HELPERS_READS, zoneLabel } from '../../src/core/rules/zc/helpers';
import type { Finding } from '../../src/core/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { changedFields, FileRemap } from '../../src/server/finding-remap';
import { patchGraph } from '../../src/server/graph-patch';
import { readConfigFile, readModelFile, readSboms } from '../../src/server/workspace-reads';
import { exampleFiles } from '../support/workspace';
import { fieldsOf, mutateField, seeded } from './field-mutations';

/**
 * A rule with `meta.reads` reports the same after an edit that changes only fields it does not declare, up to the
 * positions of the edited file's nodes (the language server keeps its findings, moved by `FileRemap`). Each model
 * file of every rule example and of a generated model is edited one field at a time (values replaced, fields deleted
 * or added on random items), and each rule that does not declare the field must report what `FileRemap` makes of
 * its findings before the edit. SPDF_READS_VARIANTS sets the number of edits per field (default 2).
 */
const VARIANTS = Number(process.env.SPDF_READS_VARIANTS) || 2;

interface Variant {
  name: string;
  before: Graph;
  after: Graph;
  changed: Set<string>;
  remap: FileRemap;
  inputs: (graph: Graph) => RuleInputs;
}

async function variantsOf(name: string, given: Record<string, string>, maxFiles: number): Promise<Variant[]> {
  const { [GIT_LOG_EXAMPLE]: gitLog, ...files } = given;
  const all = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(all)));
  const allFiles = (await host.listFiles()).sort();
  const { config, problems } = await readConfigFile(host, 'spdf.config.yaml', undefined, true, true);
  const paths = allFiles.filter(modelFileMatcher(config));
  const loads = await Promise.all(paths.map((p) => readModelFile(host, p, undefined, config.limits)));
  const ok = loads.filter((l): l is LoadedFile => !('problem' in l));
  if (ok.length !== loads.length) return [];
  const sboms = await readSboms(host, new Map(paths.map((p, i) => [p, loads[i]])).values(), allFiles, config);
  const others = [...problems, ...sboms.problems];
  const code = Object.keys(files).some((f) => !/\.(ya?ml|json)$/.test(f)) ? await buildCodeIndex({ root: '/example', host, workers: 0, tagSyntaxes: tagSyntaxOptions(config) }) : { files: [] };
  const host2 = { code, ...(files['spdf.lock.json'] !== undefined ? { lock: files['spdf.lock.json'] } : {}), ...(gitLog !== undefined ? { fileDates: exampleFileDates(gitLog) } : {}) };
  const inputs = (graph: Graph) => ruleInputs({ graph, config, allFiles }, host2);
  const loaded = [...ok, ...sboms.files];
  const before = buildGraph(loaded, others);
  const out: Variant[] = [];
  for (const [at, file] of ok.slice(0, maxFiles).entries())
    for (const field of fieldsOf([file]))
      for (let v = 0; v < VARIANTS; v++) {
        const text = mutateField(file, field, seeded(1 + v * 7919 + field.length * 104729 + at));
        if (text === file.file.source.text) continue;
        const next = await readModelFile(host, file.file.path, text, config.limits);
        if ('problem' in next) continue;
        const now = loaded.map((l, i) => (i === at ? next : l));
        // The server keeps findings only after an edit it patches the graph with (a patch consumes the graph it is given).
        if (!patchGraph(buildGraph(loaded, others), loaded, now, others, new WeakMap())) continue;
        out.push({
          name: `${name}, ${file.file.path} ${field} #${v}`,
          before,
          after: buildGraph(now, others),
          changed: changedFields(file, next),
          remap: new FileRemap(file.file.path, file, next),
          inputs,
        });
      }
  return out;
}

function findingsOf(rule: Rule, inputs: RuleInputs): Finding[] {
  const r = runRules(inputs, [rule]);
  return r.internalErrors.length ? [{ code: 'crash', message: r.internalErrors[0].message } as Finding] : (r.raw.get(rule.meta.code) ?? []);
}

/** The variants after which `rule`, taken to read `reads`, reports other than its moved findings; and how many variants were compared. */
function violations(rule: Rule, reads: readonly string[], variants: readonly Variant[]): { out: string[]; compared: number } {
  const out: string[] = [];
  let compared = 0;
  const before = new Map<Graph, Finding[]>();
  for (const v of variants) {
    if (reads.some((r) => v.changed.has(r))) continue;
    let old = before.get(v.before);
    if (!old) before.set(v.before, (old = findingsOf(rule, v.inputs(v.before))));
    const moved = v.remap.findings(old);
    if (!moved) continue;
    compared++;
    const now = JSON.stringify(findingsOf(rule, v.inputs(v.after)));
    if (now !== JSON.stringify(moved)) out.push(`${v.name} [changed ${[...v.changed].join(',')}]: expected ${JSON.stringify(moved).slice(0, 400)}, got ${now.slice(0, 400)}`);
  }
  return { out, compared };
}

const WHOLE_MODEL = RULES.filter((r) => r.meta.scope !== 'file');

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

/** Each helper's reads constant, the probe that proves it, and fields the probe is seen to need (edits of reference fields always re-run the rules). */
const HELPERS: { name: string; reads: readonly string[]; probe: Rule; needs: readonly string[] }[] = [
  { name: 'ZONE_GRAPH_READS (buildZoneGraph)', reads: ZONE_GRAPH_READS, probe: zoneGraphProbe, needs: ['direction'] },
  { name: 'TR_HELPERS_READS (tr/helpers)', reads: TR_HELPERS_READS, probe: trHelpersProbe, needs: ['cyber_device', 'severity', 'status'] },
  { name: 'VERIFICATION_READS (analysis/verification)', reads: VERIFICATION_READS, probe: verificationProbe, needs: ['evidence', 'junit', 'result'] },
  { name: 'SCORES_READS (threatScore)', reads: SCORES_READS, probe: scoresProbe, needs: ['score'] },
  { name: 'ZC_HELPERS_READS (zc/helpers)', reads: ZC_HELPERS_READS, probe: zcHelpersProbe, needs: ['cia', 'class', 'patchable', 'safety_critical'] },
];

describe('rules with meta.reads report the same when only fields they do not read change (up to moved positions)', function () {
  this.timeout(600000);
  let variants: Variant[] = [];

  before(async () => {
    const examples = RULES.flatMap((r) => [...r.meta.examples.valid, ...r.meta.examples.invalid].map((e, i) => ({ name: `${r.meta.code} example ${i}`, files: exampleFiles(e), max: 4 })));
    const generated = { name: 'generated model of 300 requirements', files: Object.fromEntries(generateModel(300)), max: 2 };
    variants = (await Promise.all([...examples, generated].map(({ name, files, max }) => variantsOf(name, files, max)))).flat();
    assert.ok(variants.length > 1000, `${variants.length} edits`);
  });

  if (process.env.SPDF_READS_DISCOVER)
    it('prints the fields each rule was seen to read', () => {
      for (const rule of WHOLE_MODEL) {
        const seen = new Set<string>();
        for (const v of variants) {
          if (violations(rule, [], [v]).out.length) for (const f of v.changed) if (f !== 'file') seen.add(f);
        }
        console.log(`${rule.meta.code} ${JSON.stringify([...seen].sort())}`);
      }
    });

  for (const rule of WHOLE_MODEL.filter((r) => r.meta.reads))
    it(`${rule.meta.code} ${rule.meta.alias} reads only ${JSON.stringify(rule.meta.reads)}`, () => {
      const { out, compared } = violations(rule, rule.meta.reads!, variants);
      assert.deepEqual(out.slice(0, 3), []);
      assert.ok(compared > 0 || rule.meta.reads!.includes('file'), 'some edit left the rule to its kept findings');
    });

  for (const h of HELPERS)
    it(`${h.name} covers what the helper reads: a rule reporting everything it answers keeps its findings when no other field changes, and not without ${h.needs.join(', ')}`, () => {
      const { out, compared } = violations(h.probe, h.reads, variants);
      assert.deepEqual(out.slice(0, 3), []);
      assert.ok(compared > 0);
      for (const field of h.needs) {
        assert.ok(h.reads.includes(field), field);
        assert.ok(
          violations(
            h.probe,
            h.reads.filter((f) => f !== field),
            variants,
          ).out.length > 0,
          `the probe is seen to read ${field}`,
        );
      }
    });

  it('the proof fails for a rule that does not declare a field it reads (a status, a target level, a test result, a severity)', () => {
    for (const [code, field] of [
      ['HZ003', 'status'],
      ['ZC001', 'sl_t'],
      ['VT001', 'result'],
      ['TR005', 'severity'],
    ]) {
      const rule = RULES.find((r) => r.meta.code === code)!;
      assert.ok(rule.meta.reads?.includes(field), `${code} declares ${field}`);
      assert.ok(
        violations(
          rule,
          (rule.meta.reads ?? []).filter((r) => r !== field),
          variants,
        ).out.length > 0,
        `${code} without ${field} would be caught`,
      );
    }
  });
});
