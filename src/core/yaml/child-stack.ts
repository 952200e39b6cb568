// @spdf implements SPDF-FC-LOAD
/**
 * The children of the collections being read, on one stack: a collection's children are pushed as they are read
 * (a nested collection's are taken off before its parent's next) and taken as an array of exactly their number when
 * it closes. An array per collection grown by push() and then copied to its size was most of the garbage the fast
 * reader made while a large model loaded.
 */
export class ChildStack<T> {
  private readonly slots: T[] = [];
  private top = 0;

  get size(): number {
    return this.top;
  }

  push(value: T): void {
    this.slots[this.top++] = value;
  }

  at(index: number): T {
    return this.slots[index];
  }

  /** The children pushed since the stack held `base`, as a new array; the stack holds `base` again. */
  take(base: number): T[] {
    const out = this.slots.slice(base, this.top);
    this.top = base;
    return out;
  }
}
