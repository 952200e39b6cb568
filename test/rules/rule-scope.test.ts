// @spdf verifies SPDF-LSP-EDIT
import assert from 'node:assert/strict';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { buildGraph } from '../../src/core/model/build-graph';
import { modelFileMatcher } from '../../src/core/model/load-workspace';
import { runRules } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';
import type { Finding } from '../../src/core/types';
import { assembleGraph, graphUnits } from '../../src/server/graph-assembly';
import { readConfigFile, readModelFile, readSboms, type Load } from '../../src/server/workspace-reads';
import { exampleFiles } from '../support/workspace';

/** A workspace as the language server reads it: the whole graph, and the units it re-lints one at a time. */
async function workspaceOf(files: Record<string, string>) {
  const all = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(all)));
  const allFiles = (await host.listFiles()).sort();
  const { config, problems } = await readConfigFile(host, 'spdf.config.yaml', undefined, true, true);
  const loads = new Map<string, Load>();
  for (const p of allFiles.filter(modelFileMatcher(config))) loads.set(p, await readModelFile(host, p, undefined, config.limits));
  const sboms = await readSboms(host, loads.values(), allFiles, config);
  return { config, allFiles, graph: assembleGraph(loads, sboms, problems, new WeakMap()), units: graphUnits(loads, sboms, problems) };
}

type Workspace = Awaited<ReturnType<typeof workspaceOf>>;

/**
 * Where a rule's findings on the whole graph differ from its findings on each unit alone (a model file, or the rest:
 * SBOMs and problems of files that did not load), compared as sequences (order included), file by file.
 */
function scopeViolations(rule: Rule, ws: Workspace): string[] {
  const run = (graph: Workspace['graph']): Finding[] => {
    const r = runRules(ruleInputs({ graph, config: ws.config, allFiles: ws.allFiles }), [rule]);
    return r.internalErrors.length ? [{ code: 'crash', message: r.internalErrors[0].message } as Finding] : (r.raw.get(rule.meta.code) ?? []);
  };
  const whole = run(ws.graph);
  const modelFiles = new Set(ws.units.map((u) => u.key).filter(Boolean));
  const out: string[] = [];
  let count = 0;
  for (const unit of ws.units) {
    const alone = run(buildGraph([...unit.loaded], [...unit.problems]));
    const inUnit = (f: Finding) => (unit.key ? f.file === unit.key : !modelFiles.has(f.file));
    count += alone.length;
    const expected = JSON.stringify(whole.filter(inUnit));
    if (JSON.stringify(alone.filter(inUnit)) !== expected || alone.some((f) => !inUnit(f))) out.push(`unit '${unit.key || 'rest'}': whole model ${expected}, alone ${JSON.stringify(alone)}`);
  }
  if (count !== whole.length) out.push(`${whole.length} findings on the whole model, ${count} on the units`);
  return out;
}

/**
 * The same model with every item in a file of its own (its section key repeated, comments kept with the item that
 * follows them): a rule that reads another item than the one it reports on sees it in another file.
 */
function itemPerFile(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [path, text] of Object.entries(files)) {
    if (!/\.spdf\.ya?ml$/.test(path)) {
      out[path] = text;
      continue;
    }
    let header = '';
    let itemIndent: string | undefined;
    let chunk: string[] = [];
    let pending: string[] = [];
    const flush = () => {
      if (chunk.length) out[`split/${String(n++).padStart(3, '0')}.spdf.yaml`] = `${header}\n${chunk.join('\n')}\n`;
      chunk = [];
    };
    for (const line of text.split('\n')) {
      if (/^\s*(#.*)?$/.test(line)) pending.push(line);
      else if (/^\S/.test(line)) {
        flush();
        header = [...pending, line].join('\n');
        pending = [];
        itemIndent = undefined;
      } else {
        const item = /^(\s*)- /.exec(line);
        if (item && (itemIndent === undefined || item[1] === itemIndent)) {
          itemIndent = item[1];
          flush();
        }
        chunk.push(...pending, line);
        pending = [];
      }
    }
    flush();
    if (!n) out[path] = text;
  }
  return out;
}

/** The model with a second copy of every model file: each item is defined twice, in two files. */
function withCopies(files: Record<string, string>): Record<string, string> {
  return { ...files, ...Object.fromEntries(Object.entries(files).flatMap(([p, t]) => (/\.spdf\.ya?ml$/.test(p) ? [[`zz-copy/${p}`, t]] : []))) };
}

const FILE_RULES = RULES.filter((r) => r.meta.scope === 'file');

describe('rules with meta.scope file report the same on a model file alone as on the whole model', function () {
  this.timeout(120000);
  let workspaces: { name: string; ws: Workspace }[] = [];

  before(async () => {
    const examples = RULES.flatMap((r) => [...r.meta.examples.valid, ...r.meta.examples.invalid].map((e, i) => ({ name: `${r.meta.code} example ${i}`, files: exampleFiles(e) })));
    const generated = { name: 'generated model of 300 requirements', files: Object.fromEntries(generateModel(300)) };
    const split = [...examples, generated].map(({ name, files }) => ({ name: `${name}, one item per file`, files: itemPerFile(files) }));
    const copies = examples.map(({ name, files }) => ({ name: `${name}, every file twice`, files: withCopies(files) }));
    workspaces = await Promise.all([...examples, generated, ...split, ...copies].map(async ({ name, files }) => ({ name, ws: await workspaceOf(files) })));
    assert.ok(
      workspaces.some(({ ws }) => ws.units.length > 2),
      'multi-file examples are among them',
    );
  });

  for (const rule of FILE_RULES)
    it(`${rule.meta.code} ${rule.meta.alias}, on the examples of every rule`, () => {
      assert.deepEqual(
        (rule.meta.needs ?? []).filter((n) => n !== 'files'),
        [],
        'a file-scoped rule reads nothing that changes apart from the model file (the server keeps its findings while the file is unchanged)',
      );
      for (const { name, ws } of workspaces) assert.deepEqual(scopeViolations(rule, ws), [], `${rule.meta.code} on ${name}`);
    });

  it('the proof fails for a rule that reads other files (duplicate IDs, references, first definitions, coverage)', () => {
    for (const code of ['TM001', 'TM002', 'CT001', 'VT001', 'ZC001', 'RQ005']) {
      const rule = RULES.find((r) => r.meta.code === code)!;
      assert.equal(rule.meta.scope, undefined);
      assert.ok(
        workspaces.some(({ ws }) => scopeViolations(rule, ws).length > 0),
        `${code} marked file-scoped would be caught`,
      );
    }
  });
});
