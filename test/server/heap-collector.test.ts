// @spdf verifies SPDF-LSP-HEAP
import assert from 'node:assert/strict';
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { HeapCollector, IDLE_MS } from '../../src/server/heap-collector';

/** A heap whose used size the test sets; `collect` records each collection and leaves `live` bytes; deferred collections wait for `idle()`. */
function fakeHeap(live: number) {
  const heap = { used: live, collections: 0, pending: [] as { fn: () => void; ms: number }[] };
  const collector = new HeapCollector(
    100,
    () => {
      heap.collections++;
      heap.used = live;
    },
    () => heap.used,
    (fn, ms) => {
      const entry = { fn, ms };
      heap.pending.push(entry);
      return () => heap.pending.splice(heap.pending.indexOf(entry), 1);
    },
  );
  const idle = () => {
    for (const p of heap.pending.splice(0)) {
      assert.equal(p.ms, IDLE_MS);
      p.fn();
    }
  };
  return { heap, collector, idle };
}

describe('language server: full heap collections', () => {
  it('collects after indexing, then only after a check that grew the heap by more than the allowed growth', () => {
    const { heap, collector } = fakeHeap(1000);
    heap.used = 5000;
    collector.now();
    assert.equal(heap.collections, 1);
    for (const [used, collections] of [
      [1050, 1],
      [1100, 1],
      [1101, 2],
      [1090, 2],
      [1300, 3],
    ]) {
      heap.used = used;
      collector.afterCheck();
      assert.equal(heap.collections, collections, `after a check at ${used} bytes used`);
    }
  });

  it('measures the growth from what the last collection left, not from the first', () => {
    const { heap, collector } = fakeHeap(1000);
    collector.now();
    heap.used = 1200;
    collector.afterCheck();
    assert.equal(heap.collections, 2);
    heap.used = 1099;
    collector.afterCheck();
    assert.equal(heap.collections, 2);
  });

  it('after a model edit, waits for a pause in the checks, unless the heap grew by four times the allowed growth', () => {
    const { heap, collector, idle } = fakeHeap(1000);
    collector.now();
    heap.used = 1101;
    collector.afterCheck(true);
    assert.equal(heap.collections, 1, 'no collection between two model edits');
    heap.used = 1300;
    collector.afterCheck(true);
    assert.equal(heap.pending.length, 1, 'each check re-arms the one pending collection');
    idle();
    assert.equal(heap.collections, 2, 'collected in the pause');
    heap.used = 1401;
    collector.afterCheck(true);
    assert.equal(heap.collections, 3, 'collected at once past four times the growth');
    assert.equal(heap.pending.length, 0);
    heap.used = 1150;
    collector.afterCheck(true);
    collector.afterCheck(false);
    assert.equal(heap.collections, 4, 'a source-file check collects at once');
    assert.equal(heap.pending.length, 0);
  });

  it("runs a major collection of V8's own", async () => {
    const kind = (e: PerformanceEntry) => (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    let observer: PerformanceObserver | undefined;
    const major = new Promise<void>((resolve) => {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MAJOR)) resolve();
      });
      observer.observe({ entryTypes: ['gc'] });
    });
    try {
      new HeapCollector().now();
      await major; // without a major collection, mocha's timeout fails the test
    } finally {
      observer?.disconnect();
    }
  });
});
