// @spdf implements SPDF-FC-LOAD
import type { ChildStack } from './child-stack';
import type { YPair } from './ynode';

/** Up to this many keys, a lookup scans the pairs instead of keeping a Set (a model item has a handful). */
const FEW_KEYS = 16;

/**
 * The keys of a mapping being read, for finding a duplicate. It compares as a Set does (NaN equals NaN) and keeps
 * no Set of its own for a small mapping: a Set per model item is most of the garbage the fast reader makes.
 */
export class KeySet {
  private many: Set<unknown> | undefined;

  /** `pairs`: the stack whose entries from `base` on are the pairs read so far, each added here before it is pushed. */
  constructor(
    private readonly pairs: ChildStack<YPair>,
    private readonly base: number,
  ) {}

  /** Adds `value`; false when it is a key already. */
  add(value: unknown): boolean {
    if (this.many) {
      if (this.many.has(value)) return false;
      this.many.add(value);
      return true;
    }
    const { pairs, base } = this;
    for (let i = base; i < pairs.size; i++) if (sameValueZero(pairs.at(i).key.value, value)) return false;
    if (pairs.size - base >= FEW_KEYS) {
      this.many = new Set([value]);
      for (let i = base; i < pairs.size; i++) this.many.add(pairs.at(i).key.value);
    }
    return true;
  }
}

function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}
