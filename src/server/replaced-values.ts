/**
 * A map read as `base` with the values of some of its keys replaced (the same keys, in the same order), without
 * copying the base's entries: after an edit of one model file the graph's 60,000-entry maps (`byId`, `refsTo`) differ
 * in a few hundred values. Read-only. A view of a view reads its base directly; one that would replace more than an
 * eighth of the values is copied into a plain Map.
 */
export class ReplacedValues<K, V> extends Map<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changed: ReadonlyMap<K, V>,
  ) {
    super();
    Object.defineProperty(this, 'size', { get: () => base.size });
  }

  /** `base` with `changed`'s values for its keys (every key of `changed` must be a key of `base`). */
  static of<K, V>(base: ReadonlyMap<K, V>, changed: ReadonlyMap<K, V>): Map<K, V> {
    let root = base;
    let all = changed;
    if (base instanceof ReplacedValues) {
      const view = base as ReplacedValues<K, V>;
      root = view.base;
      all = new Map([...view.changed, ...changed]);
    }
    for (const k of changed.keys()) if (!root.has(k)) throw new Error('ReplacedValues: a replaced key is not in the base map');
    if (all.size * 8 > root.size) return new Map([...root].map(([k, v]) => [k, all.has(k) ? all.get(k)! : v]));
    return new ReplacedValues(root, all);
  }

  override get(key: K): V | undefined {
    return this.changed.has(key) ? this.changed.get(key) : this.base.get(key);
  }

  override has(key: K): boolean {
    return this.base.has(key);
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, this.changed.has(k) ? this.changed.get(k)! : v];
  }

  override keys(): MapIterator<K> {
    return this.base.keys();
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) each.call(thisArg, v, k, this);
  }

  override set(): this {
    throw new Error('ReplacedValues is read-only');
  }

  override delete(): boolean {
    throw new Error('ReplacedValues is read-only');
  }

  override clear(): void {
    throw new Error('ReplacedValues is read-only');
  }
}
