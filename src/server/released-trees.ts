// @spdf implements SPDF-LSP-TREES
import type { ResolvedConfig } from '../core/model/config-def';
import type { LoadedFile } from '../core/model/load-file';
import { parseYaml } from '../core/yaml/parse';
import { asMap, asSeq, deref, type YMap, type YNode, type YPair } from '../core/yaml/ynode';
import type { Load } from './workspace-reads';

/**
 * The YAML trees of model files that are not open in the editor, released after the graph is built (they were most
 * of the server's heap). Each item keeps its ID node and a node of the same kind and range whose `pairs` are
 * parsed again from the file's text when a rule, a fix or a feature reads them; the file's `roots` likewise.
 * Parsing the same text with the same limits builds the same tree, so every answer is the one the kept tree gave.
 * A tree parsed again is kept from then on: the memory saved is that of the files nobody reads, and a rule that
 * reads a file's tree at every edit costs one parse, not one per edit.
 */
export class ReleasedTrees {
  private readonly released = new WeakSet<LoadedFile>();

  /** Releases the trees of `loads` that are loaded model files not open in the editor (not yet released). */
  release(loads: Iterable<Load>, isOpen: (path: string) => boolean, limits: ResolvedConfig['limits']): void {
    for (const load of loads) {
      if ('problem' in load || this.released.has(load) || isOpen(load.file.path)) continue;
      this.released.add(load);
      const paths = entryPaths(load);
      if (!paths) continue;
      const tree = new Reparse(load.file.source.text, limits, paths);
      load.items.forEach((item, k) => {
        if (!READ_AT_EVERY_EDIT.has(item.kind)) item.node = new ReleasedMap(item.node.start, item.node.end, tree, k);
      });
      Object.defineProperty(load.file, 'roots', { get: () => tree.roots(), enumerable: true, configurable: true });
    }
  }
}

/** Kinds whose mappings every model edit reads (their SBOM and VEX references, src/core/model/load-sboms.ts): kept. */
const READ_AT_EVERY_EDIT: ReadonlySet<string> = new Set(['system', 'asset']);

/** The parse of one file's text, made when first read and kept from then on (a tree read once is read again). */
class Reparse {
  private parsed?: (YNode | null)[];

  constructor(
    private readonly text: string,
    private readonly limits: ResolvedConfig['limits'],
    /** Per item: the root, the section pair and the entry (-1: the section's value itself) its mapping is at. */
    private readonly paths: Int32Array,
  ) {}

  roots(): (YNode | null)[] {
    return (this.parsed ??= parseYaml(this.text, { maxAliases: this.limits.maxAliases, maxDepth: this.limits.maxDepth }).roots);
  }

  /** The mapping of item `k`, as the loader took it. */
  entry(k: number, start: number, end: number): YMap {
    const roots = this.roots();
    const p = this.paths;
    const map = entryAt(roots, p[3 * k], p[3 * k + 1], p[3 * k + 2]);
    // The same text parsed with the same limits: anything else is a defect, never a silently different answer.
    if (!map || map.start !== start || map.end !== end) throw new Error(`the YAML tree parsed again does not hold item ${k} at ${start}-${end}`);
    return map;
  }
}

/** An item's mapping after its tree was released: the range is kept, the pairs are parsed again when read. */
class ReleasedMap implements YMap {
  readonly kind = 'map';

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly tree: Reparse,
    private readonly k: number,
  ) {}

  get pairs(): YPair[] {
    return this.tree.entry(this.k, this.start, this.end).pairs;
  }
}

function entryAt(roots: readonly (YNode | null)[], r: number, p: number, e: number): YMap | null {
  const doc = deref(roots[r]);
  if (!doc || doc.kind !== 'map') return null;
  const value = doc.pairs[p]?.value;
  return asMap(e < 0 ? value : (asSeq(value)?.items[e] ?? null));
}

/** Where each item's mapping is in the file's tree (the loader's walk, src/core/model/load-file.ts); undefined when one is not found. */
function entryPaths(load: LoadedFile): Int32Array | undefined {
  const at = new Map<YMap, number>();
  load.items.forEach((item, k) => at.set(item.node, k));
  const paths = new Int32Array(3 * load.items.length).fill(-2);
  const note = (node: YMap | null, r: number, p: number, e: number) => {
    const k = node ? at.get(node) : undefined;
    if (k !== undefined && paths[3 * k] === -2) paths.set([r, p, e], 3 * k);
  };
  load.file.roots.forEach((root, r) => {
    const doc = deref(root);
    if (!doc || doc.kind !== 'map') return;
    doc.pairs.forEach((pair, p) => {
      note(asMap(pair.value), r, p, -1);
      asSeq(pair.value)?.items.forEach((entry, e) => note(asMap(entry), r, p, e));
    });
  });
  return paths.includes(-2) ? undefined : paths;
}
