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
import type { Finding } from '../../src/core/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { changedFields, FileRemap } from '../../src/server/finding-remap';
import { patchGraph } from '../../src/server/graph-patch';
import { readConfigFile, readModelFile, readSboms } from '../../src/server/workspace-reads';
import { exampleTestResults } from '../support/example-test-results';
import { exampleFiles } from '../support/workspace';
import { fieldsOf, mutateField, seeded } from './field-mutations';
import { HELPERS } from './helper-probes';

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
  const host2 = {
    code,
    ...(files['spdf.lock.json'] !== undefined ? { lock: files['spdf.lock.json'] } : {}),
    ...(gitLog !== undefined ? { fileDates: exampleFileDates(gitLog) } : {}),
    testResults: exampleTestResults(files, config),
  };
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

  it('the proof fails for a rule that does not declare a field it reads (a status, a target level, a test result, a severity, fields of cut lists)', () => {
    for (const [code, field] of [
      ['HZ003', 'status'],
      ['ZC001', 'sl_t'],
      ['VT001', 'result'],
      ['TR005', 'severity'],
      ['SB003', 'postmarket'],
      ['TR011', 'multi_patient'],
      ['CL005', 'safety_critical'],
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
