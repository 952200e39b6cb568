import { LineIndex } from '../text';
import type { PointLike, SyntaxNodeLike } from './syntax-node';

/**
 * The slice of a tree-sitter TreeCursor the arena reads (web-tree-sitter's `TreeCursor` satisfies it, and so
 * does the Node host's faster cursor). Indices are UTF-16 code units, like everywhere in the core.
 */
export interface TreeCursorLike {
  readonly nodeTypeId: number;
  readonly nodeIsMissing: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldId: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

/** A cursor that can also jump to a node by its pre-order descendant index (for arenas filled on demand). */
export interface SeekableCursorLike extends TreeCursorLike {
  readonly currentDescendantIndex: number;
  gotoDescendant(index: number): void;
}

/** Names of a grammar's node types and fields by id (web-tree-sitter's `Language.types` / `.fields`). */
export interface GrammarNames {
  readonly types: readonly (string | null | undefined)[];
  readonly fields: readonly (string | null | undefined)[];
  /** Whether a node type id is named; asked once per type id. */
  isNamed(typeId: number): boolean;
}

const NO_NODE = -1;
/** tree-sitter's ts_builtin_sym_error. */
const ERROR_TYPE = 65535;
const HAS_ERROR = 1;
const NAMED = 2;
const MISSING = 4;
/** Bytes of one node across the per-node arrays: eight Int32Array, two Uint16Array, two Uint8Array. */
const BYTES_PER_NODE = 8 * 4 + 2 * 2 + 2;

/**
 * A syntax tree copied into flat typed arrays, so that indexing a file crosses into wasm a handful of times
 * per node (instead of allocating a wasm-backed Node object for every `parent`, `children` or `nextSibling`).
 * `fromCursor` copies the whole tree in one pre-order walk (the tree can be deleted right after);
 * `onDemand` copies a node's children the first time they are read, so indexing reads only the containers,
 * the definitions and the paths down to the tags, never whole function bodies (the tree must outlive the
 * arena). `root()` gives SyntaxNodeLike views with the same answers as web-tree-sitter's nodes (only visible
 * nodes, UTF-16 indices, rows and columns from the text; `hasError` computed bottom-up from ERROR and MISSING
 * nodes, which is why a tree with errors is always copied whole).
 */
export class SyntaxArena {
  count = 0;
  typeId!: Uint16Array;
  fieldId!: Uint16Array;
  flags!: Uint8Array;
  start!: Int32Array;
  end!: Int32Array;
  parent!: Int32Array;
  firstChild!: Int32Array;
  lastChild!: Int32Array;
  next!: Int32Array;
  prev!: Int32Array;
  /** Whether a node's children are copied (always, in a whole copy). */
  private expanded!: Uint8Array;
  /** Each node's descendant index in the tree-sitter tree (on-demand arenas only). */
  private descendant!: Int32Array;
  private seek: SeekableCursorLike | undefined;
  private readonly namedByType: number[] = [];
  private readonly views: (ArenaNode | undefined)[] = [];
  private lines: LineIndex | undefined;

  private constructor(
    readonly text: string,
    readonly names: GrammarNames,
    capacity: number,
  ) {
    this.allocate(capacity);
  }

  /**
   * Sizes every per-node array to `capacity`, keeping the nodes so far. The arrays are views of one buffer: one
   * allocation per arena instead of one per array (an arena is made for every file indexed).
   */
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * BYTES_PER_NODE);
    let at = 0;
    const carve = <T extends Int32Array | Uint16Array | Uint8Array>(View: new (b: ArrayBuffer, at: number, length: number) => T, old: T | undefined): T => {
      const view = new View(buffer, at, capacity);
      at += capacity * view.BYTES_PER_ELEMENT;
      if (old) view.set(old.subarray(0, this.count));
      return view;
    };
    // Widest elements first, so every view starts aligned.
    this.start = carve(Int32Array, this.start);
    this.end = carve(Int32Array, this.end);
    this.parent = carve(Int32Array, this.parent);
    this.firstChild = carve(Int32Array, this.firstChild);
    this.lastChild = carve(Int32Array, this.lastChild);
    this.next = carve(Int32Array, this.next);
    this.prev = carve(Int32Array, this.prev);
    this.descendant = carve(Int32Array, this.descendant);
    this.typeId = carve(Uint16Array, this.typeId);
    this.fieldId = carve(Uint16Array, this.fieldId);
    this.flags = carve(Uint8Array, this.flags);
    this.expanded = carve(Uint8Array, this.expanded);
  }

  /**
   * Copies the tree under `cursor` (positioned on the root). `treeHasError` false (the root's hasError)
   * skips asking every node whether it is MISSING.
   */
  static fromCursor(cursor: TreeCursorLike, names: GrammarNames, text: string, treeHasError: boolean): SyntaxArena {
    const arena = new SyntaxArena(text, names, Math.max(64, text.length >> 2));
    let current = arena.add(NO_NODE, cursor, treeHasError);
    for (;;) {
      if (cursor.gotoFirstChild()) {
        current = arena.add(current, cursor, treeHasError);
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) {
          current = arena.add(arena.parent[current], cursor, treeHasError);
          break;
        }
        if (!cursor.gotoParent()) return arena.finish();
        current = arena.parent[current];
        if (current === NO_NODE) return arena.finish();
      }
    }
  }

  /**
   * An arena over a tree without errors (`rootNode.hasError` false) that copies children when first read.
   * `cursor` (positioned on the root) must stay valid, and no other walk may move it, while the arena is used.
   */
  static onDemand(cursor: SeekableCursorLike, names: GrammarNames, text: string): SyntaxArena {
    // Indexing copies about one node per 8 to 11 characters of source (C, Python): sized so most files never grow.
    const arena = new SyntaxArena(text, names, Math.max(64, text.length >> 3));
    arena.seek = cursor;
    arena.descendant[arena.add(NO_NODE, cursor, false)] = cursor.currentDescendantIndex;
    return arena;
  }

  private named(type: number): boolean {
    let known = this.namedByType[type];
    if (known === undefined) this.namedByType[type] = known = this.names.isNamed(type) ? 1 : 0;
    return known === 1;
  }

  /** First child of node `i`, copying its children first in an on-demand arena. */
  childOf(i: number): number {
    if (!this.expanded[i]) this.expand(i);
    return this.firstChild[i];
  }

  private expand(i: number): void {
    this.expanded[i] = 1;
    const cursor = this.seek!;
    cursor.gotoDescendant(this.descendant[i]);
    if (!cursor.gotoFirstChild()) return;
    do {
      const child = this.add(i, cursor, false);
      this.descendant[child] = cursor.currentDescendantIndex;
    } while (cursor.gotoNextSibling());
  }

  private add(parent: number, cursor: TreeCursorLike, treeHasError: boolean): number {
    const i = this.count++;
    if (i === this.typeId.length) this.grow();
    const type = cursor.nodeTypeId;
    this.typeId[i] = type;
    this.fieldId[i] = parent === NO_NODE ? 0 : cursor.currentFieldId;
    this.start[i] = cursor.startIndex;
    this.end[i] = cursor.endIndex;
    let flags = this.named(type) ? NAMED : 0;
    if (treeHasError) {
      if (cursor.nodeIsMissing) flags |= MISSING | HAS_ERROR;
      if (type === ERROR_TYPE) flags |= HAS_ERROR;
    }
    this.flags[i] = flags;
    this.parent[i] = parent;
    this.firstChild[i] = NO_NODE;
    this.lastChild[i] = NO_NODE;
    this.next[i] = NO_NODE;
    this.prev[i] = NO_NODE;
    if (parent !== NO_NODE) {
      const last = this.lastChild[parent];
      if (last === NO_NODE) this.firstChild[parent] = i;
      else {
        this.next[last] = i;
        this.prev[i] = last;
      }
      this.lastChild[parent] = i;
    }
    return i;
  }

  private grow(): void {
    this.allocate(this.typeId.length * 2);
  }

  /** Propagates hasError to ancestors (children come after their parent in pre-order). */
  private finish(): this {
    this.expanded.fill(1);
    for (let i = this.count - 1; i > 0; i--) if (this.flags[i] & HAS_ERROR) this.flags[this.parent[i]] |= HAS_ERROR;
    return this;
  }

  root(): SyntaxNodeLike {
    return this.node(0)!;
  }

  node(i: number): ArenaNode | null {
    if (i === NO_NODE || i >= this.count) return null;
    let view = this.views[i];
    if (!view) this.views[i] = view = new ArenaNode(this, i);
    return view;
  }

  typeName(i: number): string {
    return this.names.types[this.typeId[i]] || 'ERROR';
  }

  isNamed(i: number): boolean {
    return (this.flags[i] & NAMED) !== 0;
  }

  hasError(i: number): boolean {
    return (this.flags[i] & HAS_ERROR) !== 0;
  }

  /** The rows and columns of the nodes: lines end at `\n` only, as tree-sitter counts them. */
  lineIndex(): LineIndex {
    return (this.lines ??= LineIndex.lf(this.text));
  }

  point(offset: number): PointLike {
    const lines = this.lineIndex();
    const row = lines.lineOf(offset);
    return { row, column: offset - lines.starts[row] };
  }

  /** tree-sitter's ts_node_descendant_for_byte_range over visible nodes (anonymous ones included). */
  descendantForIndex(from: number, rangeStart: number, rangeEnd: number): number {
    if (rangeStart > rangeEnd) return NO_NODE;
    let node = from;
    for (let descended = true; descended;) {
      descended = false;
      for (let child = this.childOf(node); child !== NO_NODE; child = this.next[child]) {
        const end = this.end[child];
        if (end < rangeEnd) continue;
        const start = this.start[child];
        if (start === end ? end < rangeStart : end <= rangeStart) continue;
        if (rangeStart < start) break;
        node = child;
        descended = true;
        break;
      }
    }
    return node;
  }
}

/** A SyntaxNodeLike view of one arena entry; one view per node, so views compare with `===`. */
class ArenaNode implements SyntaxNodeLike {
  private childList: ArenaNode[] | undefined;
  private namedList: ArenaNode[] | undefined;

  constructor(
    private readonly arena: SyntaxArena,
    private readonly i: number,
  ) {}

  get type(): string {
    return this.arena.typeName(this.i);
  }
  get isNamed(): boolean {
    return this.arena.isNamed(this.i);
  }
  get hasError(): boolean {
    return this.arena.hasError(this.i);
  }
  get startIndex(): number {
    return this.arena.start[this.i];
  }
  get endIndex(): number {
    return this.arena.end[this.i];
  }
  get startPosition(): PointLike {
    return this.arena.point(this.arena.start[this.i]);
  }
  get endPosition(): PointLike {
    return this.arena.point(this.arena.end[this.i]);
  }
  get lineIndex(): LineIndex {
    return this.arena.lineIndex();
  }
  get text(): string {
    return this.arena.text.slice(this.arena.start[this.i], this.arena.end[this.i]);
  }
  get parent(): SyntaxNodeLike | null {
    return this.arena.node(this.arena.parent[this.i]);
  }
  get children(): readonly SyntaxNodeLike[] {
    if (!this.childList) {
      const list: ArenaNode[] = [];
      for (let c = this.arena.childOf(this.i); c !== NO_NODE; c = this.arena.next[c]) list.push(this.arena.node(c)!);
      this.childList = list;
    }
    return this.childList;
  }
  get namedChildren(): readonly SyntaxNodeLike[] {
    if (!this.namedList) {
      const list: ArenaNode[] = [];
      for (let c = this.arena.childOf(this.i); c !== NO_NODE; c = this.arena.next[c]) if (this.arena.isNamed(c)) list.push(this.arena.node(c)!);
      this.namedList = list;
    }
    return this.namedList;
  }
  get firstNamedChild(): SyntaxNodeLike | null {
    let c = this.arena.childOf(this.i);
    while (c !== NO_NODE && !this.arena.isNamed(c)) c = this.arena.next[c];
    return this.arena.node(c);
  }
  get nextNamedSibling(): SyntaxNodeLike | null {
    let c = this.arena.next[this.i];
    while (c !== NO_NODE && !this.arena.isNamed(c)) c = this.arena.next[c];
    return this.arena.node(c);
  }
  get nextSibling(): SyntaxNodeLike | null {
    return this.arena.node(this.arena.next[this.i]);
  }
  get previousSibling(): SyntaxNodeLike | null {
    return this.arena.node(this.arena.prev[this.i]);
  }
  childForFieldName(fieldName: string): SyntaxNodeLike | null {
    // An ERROR node has no production, so no fields (the cursor still reports the ones its children had).
    if (this.arena.typeId[this.i] === ERROR_TYPE) return null;
    const fields = this.arena.names.fields;
    for (let c = this.arena.childOf(this.i); c !== NO_NODE; c = this.arena.next[c]) {
      const id = this.arena.fieldId[c];
      if (id !== 0 && fields[id] === fieldName) return this.arena.node(c);
    }
    return null;
  }
  descendantForIndex(startIndex: number, endIndex: number = startIndex): SyntaxNodeLike | null {
    return this.arena.node(this.arena.descendantForIndex(this.i, startIndex, endIndex));
  }
}
