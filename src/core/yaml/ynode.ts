/**
 * A small, immutable YAML tree with source offsets, independent of the parser that produced it.
 * Aliases stay aliases (the tree is a DAG), so expansion can be bounded when converting to data.
 */
export type YScalarValue = string | number | boolean | null;

interface YBase {
  start: number;
  end: number;
}

export interface YScalar extends YBase {
  kind: 'scalar';
  value: YScalarValue;
}

export interface YPair {
  key: YScalar;
  value: YNode | null;
}

export interface YMap extends YBase {
  kind: 'map';
  pairs: YPair[];
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: (YNode | null)[];
}

export interface YAlias extends YBase {
  kind: 'alias';
  target: YNode | null;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export function deref(node: YNode | null | undefined): Exclude<YNode, YAlias> | null {
  let n = node ?? null;
  for (let hops = 0; n && n.kind === 'alias' && hops < 64; hops++) n = n.target;
  return n && n.kind !== 'alias' ? n : null;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  const n = deref(node);
  return n && n.kind === 'map' ? n : null;
}

export function asSeq(node: YNode | null | undefined): YSeq | null {
  const n = deref(node);
  return n && n.kind === 'seq' ? n : null;
}

export function pairOf(map: YMap | null | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (const p of map.pairs) if (p.key.value === key) return p;
  return undefined;
}

/** Follows a path of keys and indexes; returns the node found, or undefined. */
export function nodeAt(node: YNode | null | undefined, path: readonly (string | number)[]): YNode | null | undefined {
  let cur: YNode | null | undefined = node;
  for (const step of path) {
    const d = deref(cur);
    if (!d) return undefined;
    if (typeof step === 'number') {
      if (d.kind !== 'seq') return undefined;
      cur = d.items[step];
    } else {
      if (d.kind !== 'map') return undefined;
      const p = pairOf(d, step);
      if (!p) return undefined;
      cur = p.value;
    }
  }
  return cur;
}

export class AliasBudgetExceeded extends Error {}

/** Deepest expansion toData follows; aliases into nested content can stack depth beyond the parse limit. */
const MAX_DATA_DEPTH = 1000;

/**
 * Plain JS value of a node. `budget.left` counts nodes produced; aliases draw from it too,
 * so a billion-laughs document stops at the limit instead of exhausting memory.
 */
export function toData(node: YNode | null | undefined, budget: { left: number }, depth = 0): unknown {
  if (!node) return null;
  if (--budget.left < 0 || depth > MAX_DATA_DEPTH) throw new AliasBudgetExceeded();
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias':
      return toData(node.target, budget, depth + 1);
    case 'seq':
      return node.items.map((i) => toData(i, budget, depth + 1));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const p of node.pairs) {
        const k = String(p.key.value);
        if (k === '__proto__') continue;
        out[k] = toData(p.value, budget, depth + 1);
      }
      return out;
    }
  }
}
