// @spdf implements SPDF-LSP-HEAP
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How much the heap may grow over what the last full collection left before the server collects again. */
export const HEAP_GROWTH_BYTES = 96 * 1024 * 1024;

/**
 * Full collections at moments the server chooses. V8 collects the old generation only when it reaches a limit set
 * from the heap it last found live, so the garbage of indexing (the released YAML trees, the index's temporaries) and
 * of each keystroke (a re-indexed file's objects, promoted early by allocation-site pretenuring) stays resident:
 * the server grew by hundreds of MB over 1,000 C edits. It collects once after indexing, and after a check whenever
 * the heap grew by `growth` bytes since: a pause of a few hundred ms, every hundred-odd keystrokes.
 */
export class HeapCollector {
  private left = 0;

  constructor(
    private readonly growth = HEAP_GROWTH_BYTES,
    private readonly collect: () => void = fullCollection(),
    private readonly used: () => number = () => getHeapStatistics().used_heap_size,
  ) {}

  /** A full collection now (after indexing). */
  now(): void {
    this.collect();
    this.left = this.used();
  }

  /** After a check: a full collection when the heap grew by more than the allowed growth since the last one. */
  afterCheck(): void {
    if (this.used() - this.left > this.growth) this.now();
  }
}

/** V8's full collection (`gc`, exposed to a context of its own: the server's global scope does not get it). */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
