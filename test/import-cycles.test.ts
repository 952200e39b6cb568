import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importCycles, importGraph, type ImportGraph } from './support/import-graph';

const ROOT = join(__dirname, '..');

describe('import cycles', () => {
  it('finds a circle and names its path (the check can fail)', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    assert.deepEqual(importCycles(graph), ['a.ts -> b.ts -> c.ts -> a.ts', 'e.ts -> e.ts']);
  });

  it('src has no import circle, type-only imports and re-exports included', () => {
    assert.deepEqual(importCycles(importGraph(ROOT, 'src')), []);
  });
});
