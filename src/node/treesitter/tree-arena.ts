import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import { type GrammarNames, SyntaxArena, type SeekableCursorLike } from '../../core/codelinks/syntax-arena';
import type { SyntaxNodeLike } from '../../core/codelinks/syntax-node';

/**
 * The raw wasm exports web-tree-sitter's TreeCursor wraps. Emscripten assigns them to the options object
 * passed to `Parser.init`, which treeSitterRuntime keeps. Every public TreeCursor call copies the cursor into
 * the module's transfer buffer and (for moves) back out again; a cursor that stays in the buffer for a whole
 * walk needs neither copy. Checked at start-up; when any export is missing the public TreeCursor is used.
 */
interface RawModule {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_descendant_index_wasm(tree: number): number;
  _ts_tree_cursor_goto_descendant_wasm(tree: number, index: number): void;
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_node_has_error_wasm(tree: number): number;
}

const RAW_EXPORTS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_descendant_index_wasm',
  '_ts_tree_cursor_goto_descendant_wasm',
  '_ts_tree_root_node_wasm',
  '_ts_node_has_error_wasm',
] as const;

let raw: { module: RawModule; transferBuffer: number } | undefined;

/** Called once with the object given to Parser.init; enables the in-buffer cursor when the exports are there. */
export function adoptRuntimeModule(module: unknown): void {
  const m = module as Partial<RawModule> | undefined;
  if (!m || !(m.HEAP32 instanceof Int32Array) || RAW_EXPORTS.some((name) => typeof m[name] !== 'function')) return;
  raw = { module: m as RawModule, transferBuffer: (m as RawModule)._ts_init() };
}

let parked: typeof raw;

/** For tests: force the public TreeCursor path (false), or go back to the raw one (true). */
export function setRawCursorEnabled(enabled: boolean): void {
  if (enabled) raw ??= parked;
  else {
    parked = raw ?? parked;
    raw = undefined;
  }
}

/** A cursor living in the transfer buffer. Valid only until another web-tree-sitter call is made. */
class BufferCursor implements SeekableCursorLike {
  constructor(
    private readonly m: RawModule,
    private readonly tree: number,
  ) {}
  get nodeTypeId(): number {
    return this.m._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }
  get nodeIsMissing(): boolean {
    return this.m._ts_tree_cursor_current_node_is_missing_wasm(this.tree) === 1;
  }
  get startIndex(): number {
    return this.m._ts_tree_cursor_start_index_wasm(this.tree);
  }
  get endIndex(): number {
    return this.m._ts_tree_cursor_end_index_wasm(this.tree);
  }
  get currentFieldId(): number {
    return this.m._ts_tree_cursor_current_field_id_wasm(this.tree);
  }
  gotoFirstChild(): boolean {
    return this.m._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.m._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.m._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }
  get currentDescendantIndex(): number {
    return this.m._ts_tree_cursor_current_descendant_index_wasm(this.tree);
  }
  gotoDescendant(index: number): void {
    this.m._ts_tree_cursor_goto_descendant_wasm(this.tree, index);
  }
}

/** Type and field names, with named-ness looked up once per type id before any walk (no wasm calls during one). */
function grammarNames(language: Language): GrammarNames {
  const named = language.types.map((_, id) => language.nodeTypeIsNamed(id));
  return {
    types: language.types,
    fields: language.fields,
    isNamed: (typeId) => (typeId === 65535 ? true : (named[typeId] ?? language.nodeTypeIsNamed(typeId))),
  };
}

const namesByLanguage = new WeakMap<Language, GrammarNames>();

function namesOf(language: Language): GrammarNames {
  let names = namesByLanguage.get(language);
  if (!names) namesByLanguage.set(language, (names = grammarNames(language)));
  return names;
}

/**
 * `tree.rootNode.hasError` without the Node object web-tree-sitter makes for it (one per file indexed): the root is
 * written to the transfer buffer and asked there, as Node.hasError does after copying a node in.
 */
function rootHasError(m: RawModule, treeAddress: number): boolean {
  m._ts_tree_root_node_wasm(treeAddress);
  return m._ts_node_has_error_wasm(treeAddress) === 1;
}

export interface TreeView {
  readonly arena: SyntaxArena;
  readonly root: SyntaxNodeLike;
  /** Frees the cursor; call before any other web-tree-sitter call and before deleting the tree. */
  dispose(): void;
}

/**
 * The arena of `tree` (parsed from exactly `text`): filled on demand when `onDemand` and the tree has no
 * errors (then nothing else may call web-tree-sitter until `dispose`), otherwise copied whole.
 */
export function treeView(tree: Tree, text: string, onDemand = true): TreeView {
  const names = namesOf(tree.language);
  const treeAddress = (tree as unknown as Record<number, number>)[0];
  const hasError = raw ? rootHasError(raw.module, treeAddress) : tree.rootNode.hasError;
  const lazy = onDemand && !hasError;
  const cursor: TreeCursor = tree.walk();
  let disposed = false;
  const viewOf = (arena: SyntaxArena, dispose: () => void): TreeView => ({
    arena,
    root: arena.root(),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      dispose();
    },
  });
  try {
    if (!raw) {
      const arena = lazy ? SyntaxArena.onDemand(cursor, names, text) : SyntaxArena.fromCursor(cursor, names, text, hasError);
      return viewOf(arena, () => cursor.delete());
    }
    // tree.walk() left the new cursor in the transfer buffer; walk it there, then copy it back to delete it.
    const { module, transferBuffer } = raw;
    const inBuffer = new BufferCursor(module, treeAddress);
    const arena = lazy ? SyntaxArena.onDemand(inBuffer, names, text) : SyntaxArena.fromCursor(inBuffer, names, text, hasError);
    return viewOf(arena, () => {
      const heap = module.HEAP32;
      const at = transferBuffer >> 2;
      const handle = cursor as unknown as Record<number, number>;
      for (let k = 0; k < 4; k++) handle[k] = heap[at + k];
      cursor.delete();
    });
  } catch (error) {
    cursor.delete();
    throw error;
  }
}
