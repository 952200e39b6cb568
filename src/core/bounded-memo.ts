// @spdf implements SPDF-FC-REGEX
/**
 * `compute` memoised by key, for compiled workspace patterns and globs: a config names few, but a long-lived
 * language server sees many configs, so the memo is emptied once it holds `max` entries.
 */
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) {
      v = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}
