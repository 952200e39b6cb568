// @spdf implements SPDF-LSP-HEAP
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How much the heap may grow over what the last full collection left before the server collects again. */
export const HEAP_GROWTH_BYTES = 96 * 1024 * 1024;
/** After a model edit, the collection waits for this pause in the checks (typing in a model file waits for its diagnostics). */
export const IDLE_MS = 1000;
/** ... unless the heap grew by this many times the allowed growth. */
export const MODEL_EDIT_FACTOR = 4;

/** Runs `fn` after `ms` unless the returned function cancels it first. */
export type Defer = (fn: () => void, ms: number) => () => void;

const defer: Defer = (fn, ms) => {
  const t = setTimeout(fn, ms).unref();
  return () => clearTimeout(t);
};

/**
 * Full collections at moments the server chooses. V8 collects the old generation only when it reaches a limit set
 * from the heap it last found live, so the garbage of indexing (the released YAML trees, the index's temporaries) and
 * of each keystroke (a re-indexed file's objects, promoted early by allocation-site pretenuring) stays resident:
 * the server grew by hundreds of MB over 1,000 C edits. It collects once after indexing, and after a check whenever
 * the heap grew by `growth` bytes since: a pause of a few hundred ms every hundred-odd keystrokes in a source file.
 * A model edit allocates more per keystroke and its diagnostics are the slower ones, so after one the collection
 * waits for a pause of `IDLE_MS` in the checks, or until the heap grew by `MODEL_EDIT_FACTOR` times as much.
 */
export class HeapCollector {
  private left = 0;
  private cancel?: () => void;

  constructor(
    private readonly growth = HEAP_GROWTH_BYTES,
    private readonly collect: () => void = fullCollection,
    private readonly used: () => number = () => getHeapStatistics().used_heap_size,
    private readonly later: Defer = defer,
  ) {}

  /** A full collection now (after indexing). */
  now(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.collect();
    this.left = this.used();
  }

  /** After a check (`modelChanged`: it rebuilt the model graph): a full collection when the heap grew past the allowed growth since the last one. */
  afterCheck(modelChanged = false): void {
    this.cancel?.();
    this.cancel = undefined;
    const grown = this.used() - this.left;
    if (grown > (modelChanged ? MODEL_EDIT_FACTOR : 1) * this.growth) this.now();
    else if (grown > this.growth) this.cancel = this.later(() => this.now(), IDLE_MS);
  }
}

/** V8's full collection (`gc`, exposed to a context of its own: the server's global scope does not get it), made available at the first one: V8's flags change only once the workspace is indexed. */
let gc: (() => void) | undefined;
function fullCollection(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
