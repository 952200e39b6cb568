import type { CodeFileIndex, CodeLink, CodeTag } from '../codelinks/model';
import type { Graph, ModelItem, Reference } from '../model/graph';
import type { ItemKind } from '../model/kinds';
import { deref, type YNode, type YScalar } from '../yaml/ynode';
import { countBelow } from '../sorted';

/** What sits under a position: an item's own ID, a reference to an ID, a mapping key, or a code tag. */
export type Located =
  | { kind: 'item'; item: ModelItem; node: YScalar }
  | { kind: 'reference'; ref: Reference; node: YScalar }
  | { kind: 'key'; item?: ModelItem; path: string[]; node: YScalar }
  | { kind: 'value'; item?: ModelItem; path: string[]; node: YScalar }
  | { kind: 'tag'; tag: CodeTag; link?: CodeLink };

/** Items of each model file, in source order (built once per graph). */
export class GraphIndex {
  private readonly byFile = new Map<string, ModelItem[]>();
  private readonly refsByItem: Map<ModelItem, Reference[]>;

  constructor(readonly graph: Graph) {
    for (const item of graph.items) {
      let l = this.byFile.get(item.file);
      if (!l) this.byFile.set(item.file, (l = []));
      l.push(item);
    }
    for (const l of this.byFile.values()) l.sort((a, b) => a.node.start - b.node.start);
    this.refsByItem = graph.refsOf;
  }

  itemsIn(file: string): ModelItem[] {
    return this.byFile.get(file) ?? [];
  }

  /** The innermost item whose mapping contains `offset` (items never nest, so the first hit). */
  itemAt(file: string, offset: number): ModelItem | undefined {
    const items = this.itemsIn(file);
    const found = items[countBelow(items.length, (i) => items[i].node.start <= offset) - 1];
    return found && offset <= found.node.end ? found : undefined;
  }

  /** What the position at `offset` of a model file designates. */
  locateYaml(file: string, offset: number): Located | undefined {
    const item = this.itemAt(file, offset);
    if (item) {
      if (within(item.idNode, offset)) return { kind: 'item', item, node: item.idNode };
      for (const ref of this.refsByItem.get(item) ?? []) if (within(ref.node, offset)) return { kind: 'reference', ref, node: ref.node };
    }
    const mf = this.graph.fileByPath.get(file);
    if (!mf) return undefined;
    for (const root of mf.roots) {
      const hit = scalarAt(root, offset, []);
      if (hit) return { ...hit, item };
    }
    return undefined;
  }

  /** Every item with this ID (the first is the definition; more are duplicates). */
  definitions(id: string): ModelItem[] {
    const first = this.graph.byId.get(id);
    if (!first) return [];
    const dup = this.graph.duplicates.find((g) => g[0].id === id);
    return dup ?? [first];
  }
}

function within(node: { start: number; end: number }, offset: number): boolean {
  return node.start <= offset && offset <= node.end;
}

/** The scalar (key or value) at `offset`, with its key path. */
function scalarAt(node: YNode | null | undefined, offset: number, path: string[]): { kind: 'key' | 'value'; path: string[]; node: YScalar } | undefined {
  const n = deref(node);
  if (!n || !within(n, offset)) return undefined;
  if (n.kind === 'scalar') return { kind: 'value', path, node: n };
  if (n.kind === 'seq') {
    for (let i = 0; i < n.items.length; i++) {
      const hit = scalarAt(n.items[i], offset, [...path, String(i)]);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const p of n.pairs) {
    if (within(p.key, offset)) return { kind: 'key', path: [...path, String(p.key.value)], node: p.key };
    const hit = scalarAt(p.value, offset, [...path, String(p.key.value)]);
    if (hit) return hit;
  }
  return undefined;
}

/** The tag whose ID (or, failing that, whose tag text) covers the position, in one code file's index. */
export function locateTag(index: CodeFileIndex, line: number, character: number): Located | undefined {
  const covers = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    (r.start.line < line || (r.start.line === line && r.start.character <= character)) && (r.end.line > line || (r.end.line === line && r.end.character >= character));
  const tag = index.tags.find((t) => covers(t.idRange)) ?? index.tags.find((t) => covers(t.tagRange));
  if (!tag) return undefined;
  const link = index.links.find((l) => l.id === tag.id && l.range.start.line === tag.idRange.start.line && l.range.start.character === tag.idRange.start.character);
  return { kind: 'tag', tag, link };
}

/** Item kinds a tag relation may target. */
export const RELATION_TARGETS: Readonly<Record<string, readonly ItemKind[]>> = {
  implements: ['requirement', 'control'],
  verifies: ['requirement', 'control', 'threat'],
  mitigates: ['threat'],
  hazard: ['hazard'],
};
