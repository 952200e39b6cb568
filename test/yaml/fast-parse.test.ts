// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateModel } from '../../bench/model-gen';
import { generatePeerCorpus, PEER_SHAPES } from '../../bench/peer/corpus';
import { RULES } from '../../src/core/rules/registry';
import { differential, type PathTaken } from './differential';

const ROOT = join(__dirname, '../..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function tally(paths: PathTaken[]): Record<PathTaken, number> {
  return { fast: paths.filter((p) => p === 'fast').length, reference: paths.filter((p) => p === 'reference').length };
}

describe('YAML fast path against the reference path', () => {
  it('agrees on every .yaml/.yml file under test/, examples/ and requirements/, and takes the fast path for the plain ones', () => {
    const taken = new Map<string, PathTaken>();
    for (const dir of ['test', 'examples', 'requirements'])
      for (const file of yamlFilesUnder(join(ROOT, dir))) taken.set(relative(ROOT, file), differential(readFileSync(file, 'utf8'), undefined, file));
    const counts = tally([...taken.values()]);
    assert.ok(counts.fast > 100 && counts.reference > 5, `fast ${counts.fast}, reference ${counts.reference}`);
    for (const file of ['requirements/cli.spdf.yaml', 'test/fixtures/rules/TM001/a.spdf.yaml', 'examples/infusion-pump/spdf.config.yaml']) assert.equal(taken.get(file), 'fast', file);
    // The example's model, block scalars and all.
    for (const [file, path] of taken) if (file.startsWith('examples/infusion-pump/model/')) assert.equal(path, 'fast', file);
    // Syntax errors and tabs are the reference path's.
    assert.equal(taken.get('test/fixtures/rules/TM000/broken.spdf.yaml'), 'reference');
    assert.equal(taken.get('test/fixtures/import-tm/induform/broken/tabs.yaml'), 'reference');
  });

  it('ends collections where the reference path does around trailing, deeper and shallower comments and empty values', () => {
    // Each case once gave a different end offset (or needs a rule of the reference parser that is easy to miss).
    for (const text of [
      'a:\n  b: 1 # x\n\n  # t\n\n# u\nc: 2\n',
      'a:\n  b: 1\n  # t\n',
      'a:\n  b: 1\n# t\n',
      'a:\n  - 1\n  # t\n\n',
      'a:\n  b:\n  # t\n',
      'a:\n  b: 1\n    # deeper\n  # same\n    # deeper2\n',
      's:\n  - x:\n      b: 1\n      # c\n  - y',
      's:\n  - x:\n      b: # c\n  - y',
      '- {id: []}\n- {id: []}\n# note\n-\n',
      'r:\n  - id: X\n    t: y\n      # c6\n    # c4\n\nthreats: 1\n',
      'a: |-\n  x\n\n  y\n  # c\n\n# d\nb: 1',
      'a: >\r\n  x\r\n\r\n  y\r\n\r\nb: 1\r',
    ])
      assert.equal(differential(text), 'fast', JSON.stringify(text));
  });

  it("agrees where a comment left of an empty value's key comes before the value (the reference may join it with the next line)", () => {
    // Fuzz seed 426962163 found `id: # c\n#%...\n note\n1: ""`: the reference reads `note 1` as one multi-line key.
    let cases = 0;
    for (const head of ['id:', 'id: # c', 'a:\n  id:', '- id:', 'a:\n  - id:'])
      for (const comment of ['#x', '# x', '#', '#:'])
        for (const pad of ['', ' ', '  ', '   '])
          for (const body of ['note', 'x y', 'a: 1', '- 1'])
            for (const tail of ['\n1: 2', '\n  k: 1', '\n- 1', ''])
              for (const blank of ['', '\n']) {
                differential(`${head}\n${blank}${pad}${comment}\n  ${body}${tail}\n`);
                cases++;
              }
    assert.equal(cases, 2560);
  });

  it('leaves a duplicate key to the reference path in small and large mappings, block and flow, NaN keys included', () => {
    for (const count of [2, 15, 16, 17, 40])
      for (const dup of [0, Math.floor(count / 2), count - 1])
        for (const [name, nan] of [
          ['k', 'k'],
          ['.nan', '.NaN'],
        ]) {
          const keys = Array.from({ length: count }, (_, i) => `k${i}`);
          const distinct = [...keys, name];
          const twice = [...keys.slice(0, dup), name, ...keys.slice(dup), nan];
          assert.equal(differential(distinct.map((k, i) => `${k}: ${i}\n`).join('')), 'fast', `block ${count}`);
          assert.equal(differential(twice.map((k, i) => `${k}: ${i}\n`).join('')), 'reference', `block ${count} ${dup} ${nan}`);
          assert.equal(differential(`a: {${distinct.map((k, i) => `${k}: ${i}`).join(', ')}}\n`), 'fast', `flow ${count}`);
          assert.equal(differential(`a: {${twice.map((k, i) => `${k}: ${i}`).join(', ')}}\n`), 'reference', `flow ${count} ${dup} ${nan}`);
        }
  });

  it('reads the children of nested collections as their own: a key of an inner mapping is no duplicate of an outer one', () => {
    // The reader keeps the children of open collections on one stack (src/core/yaml/child-stack.ts).
    for (const count of [1, 16, 20]) {
      const keys = Array.from({ length: count }, (_, i) => `k${i}`);
      const inner = `{${keys.map((k, i) => `${k}: [${i}, {${k}: {${k}: [x, []]}}]`).join(', ')}}`;
      const block = keys.map((k, i) => `${k}:\n  - ${k}: ${inner}\n    kk:\n      - [${i}, {}]\n  -\n  - ${k}\n`).join('');
      assert.equal(differential(block), 'fast', `block ${count}`);
      assert.equal(differential(`a: [${inner}, ${inner}, [[]], {}]\n`), 'fast', `flow ${count}`);
      assert.equal(differential(`${block}k0: again\n`), 'reference', `a duplicate after nested mappings, ${count}`);
      assert.equal(differential(`a: {${keys.map((k) => `${k}: ${inner}`).join(', ')}, k0: again}\n`), 'reference', `a flow duplicate after nested mappings, ${count}`);
    }
  });

  it('agrees on every rule example, valid and invalid, strings and file maps', () => {
    const paths: PathTaken[] = [];
    for (const rule of RULES)
      for (const example of [...rule.meta.examples.valid, ...rule.meta.examples.invalid]) {
        const files =
          typeof example === 'string'
            ? [example]
            : Object.entries(example)
                .filter(([path]) => /\.ya?ml$/.test(path))
                .map(([, text]) => text);
        for (const text of files) paths.push(differential(text, undefined, `${rule.meta.code} example`));
      }
    const counts = tally(paths);
    assert.ok(counts.fast > counts.reference, `fast ${counts.fast}, reference ${counts.reference}`);
  });

  it('takes the fast path, with the same tree, for the benchmark model generator', () => {
    for (const [path, text] of generateModel(300)) assert.equal(differential(text, undefined, path), 'fast', path);
  });

  it('takes the fast path, with the same tree, for the OpenFastTrace peer corpus (quick shape)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spdf-yaml-peer-'));
    try {
      await generatePeerCorpus(dir, PEER_SHAPES.quick);
      const files = yamlFilesUnder(dir);
      assert.ok(files.length > 1);
      for (const file of files) assert.equal(differential(readFileSync(file, 'utf8'), undefined, file), 'fast', file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
