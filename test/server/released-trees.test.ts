// @spdf verifies SPDF-LSP-TREES
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { buildGraph } from '../../src/core/model/build-graph';
import { resolveConfig } from '../../src/core/model/config';
import { loadModelText, type LoadedFile } from '../../src/core/model/load-file';
import { GraphIndex } from '../../src/core/query/locate';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import type { YNode } from '../../src/core/yaml/ynode';
import { ReleasedTrees } from '../../src/server/released-trees';
import { WorkspaceState } from '../../src/server/state';

/**
 * The server releases the YAML trees of model files not open in the editor and parses them again when read
 * (src/server/released-trees.ts). Whatever reads them (rules, fixes, positions) must get what the kept tree gave.
 */
const EXAMPLE = join(__dirname, '../../examples/infusion-pump');

const SHAPES: Record<string, string> = {
  'anchors.spdf.yaml': [
    'zones:',
    '  - &z {id: ZONE-A, name: "Flow zone", assets: [AST-1]}',
    '  - id: ZONE-B',
    '    name: Block zone',
    'assets:',
    '  - id: AST-1',
    '    name: Pump',
    '    zone: ZONE-A',
    '  - not a mapping',
    '  - name: no id here',
    '---',
    'system:',
    '  id: SYS-1',
    '  name: Second document',
    'requirements:',
    '  - id: REQ-1 # comment',
    '    title: "Quoted: title"',
    '    derived_from: [ZONE-B, MISSING-1]',
    '',
  ].join('\n'),
};

function exampleFiles(): Map<string, string> {
  const dir = join(EXAMPLE, 'model');
  return new Map(readdirSync(dir).map((f) => [`model/${f}`, readFileSync(join(dir, f), 'utf8')]));
}

const config = resolveConfig(readFileSync(join(EXAMPLE, 'spdf.config.yaml')), true).config;

const load = (files: Map<string, string>): LoadedFile[] => [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, t]) => loadModelText(p, t, config.limits));

/** A tree as plain data (a released item's mapping is a different object with the same content). */
function plain(n: YNode | null): unknown {
  if (!n) return null;
  switch (n.kind) {
    case 'scalar':
      return [n.start, n.end, n.value];
    case 'alias':
      return ['*', n.start, n.end, n.target && [n.target.start, n.target.end]];
    case 'map':
      return [n.start, n.end, n.pairs.map((p) => [plain(p.key), plain(p.value)])];
    case 'seq':
      return [n.start, n.end, n.items.map(plain)];
  }
}

const trees = (loads: LoadedFile[]) => JSON.stringify(loads.map((l) => [l.file.roots.map(plain), l.items.map((i) => plain(i.node))]));

function answers(loads: LoadedFile[]): string {
  const graph = buildGraph(loads, []);
  const allFiles = loads.map((l) => l.file.path);
  const result = lint(ruleInputs({ graph, config, allFiles }));
  const index = new GraphIndex(graph);
  const located: unknown[] = [];
  for (const l of loads)
    for (let at = 0; at <= l.file.source.text.length; at++) {
      const hit = index.locateYaml(l.file.path, at);
      if (hit?.kind === 'reference') located.push([hit.kind, hit.ref.id, hit.ref.from.id, plain(hit.node)]);
      else if (hit && hit.kind !== 'tag') located.push([hit.kind, hit.item?.id, 'path' in hit ? hit.path : [], plain(hit.node)]);
      else located.push(hit?.kind ?? null);
    }
  return JSON.stringify({ findings: result.findings, suppressed: result.suppressed, errors: result.internalErrors, located });
}

describe('language server: released YAML trees', function () {
  this.timeout(120000);

  for (const [name, files] of [
    ['the infusion-pump example', exampleFiles()],
    ['a generated model', generateModel(300)],
    ['anchors, flow mappings, entries that are no item, two documents', new Map(Object.entries(SHAPES))],
  ] as const) {
    it(`${name}: trees parsed again equal the kept ones, and every rule, fix and position is the same`, () => {
      const kept = load(files);
      const released = load(files);
      const before = released.flatMap((l) => l.items.map((i) => i.node));
      new ReleasedTrees().release(released, () => false, config.limits);
      // System and asset items keep theirs: the SBOM loading reads them at every model edit.
      const items = released.flatMap((l) => l.items);
      assert.deepEqual(
        items.filter((i, k) => i.node !== before[k]).map((i) => i.id),
        items.filter((i) => i.kind !== 'system' && i.kind !== 'asset').map((i) => i.id),
      );
      assert.equal(trees(released), trees(kept));
      assert.equal(answers(released), answers(kept));
    });
  }

  it('keeps the trees of open documents and releases the others after a check', async () => {
    const files = generateModel(200);
    files.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
    const state = new WorkspaceState(new MemoryHost(files), { root: 'released-trees-workspace', trusted: true, codeLinks: false });
    const [open, closed] = [...files.keys()].filter((p) => p.endsWith('.spdf.yaml'));
    await state.setOverlay(open, files.get(open)!);
    await state.loadAll();
    state.check();
    const isReleased = (p: string) => Object.getOwnPropertyDescriptor(state.graph.fileByPath.get(p)!, 'roots')?.get !== undefined;
    assert.equal(isReleased(open), false);
    assert.equal(isReleased(closed), true);
  });
});
