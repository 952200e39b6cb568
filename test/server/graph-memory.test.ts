// @spdf verifies SPDF-LSP-HEAP
import assert from 'node:assert/strict';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { editOf } from '../../src/server/graph-assembly';
import { HeapCollector } from '../../src/server/heap-collector';
import { WorkspaceState } from '../../src/server/state';

/**
 * Typing in a model file patches the graph: the edit is kept with the graph, and must not keep the graphs before
 * it (and their model texts) alive, even while edits arrive in one job (several messages in one read of the pipe).
 * Each earlier graph is registered for finalization; after one full collection only the current one may be left.
 */
describe('language server memory across model edits', function () {
  this.timeout(60000);

  it('a graph patched by an edit keeps no earlier graph alive', async () => {
    const disk = new Map<string, string>(generateModel(50));
    disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
    const path = 'model/part-000000.spdf.yaml';
    const text = disk.get(path)!;
    const state = new WorkspaceState(new MemoryHost(new Map(disk)), { root: 'graph-memory', trusted: true, codeLinks: true });
    await state.loadAll();
    state.check();
    const collected = new Set<number>();
    const registry = new FinalizationRegistry<number>((i) => collected.add(i));
    const EDITS = 10;
    for (let i = 0; i < EDITS; i++) {
      await state.setOverlay(path, `${'#'.repeat(i + 1)}\n${text}`);
      state.check();
      assert.ok(editOf(state.graph), `edit ${i} was patched into the graph`);
      registry.register(state.graph, i);
    }
    // In the same job as the edits (they resolve without I/O): a WeakRef made or read in this job still holds its target.
    new HeapCollector().now();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      [...collected].sort((a, b) => a - b),
      [...Array(EDITS - 1).keys()],
    );
  });
});
