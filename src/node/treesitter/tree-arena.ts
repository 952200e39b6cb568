import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import { type GrammarNames, SyntaxArena, type TreeCursorLike } from '../../core/codelinks/syntax-arena';

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
] as const;

let raw: { module: RawModule; transferBuffer: number } | undefined;

/** Called once with the object given to Parser.init; enables the in-buffer cursor when the exports are there. */
export function adoptRuntimeModule(module: unknown): void {
  const m = module as Partial<RawModule> | undefined;
  if (!m || !(m.HEAP32 instanceof Int32Array) || RAW_EXPORTS.some((name) => typeof m[name] !== 'function')) return;
  raw = { module: m as RawModule, transferBuffer: (m as RawModule)._ts_init() };
}

/** For tests: force the public TreeCursor path. */
export function setRawCursorEnabled(enabled: boolean, module?: unknown): void {
  if (!enabled) raw = undefined;
  else if (module) adoptRuntimeModule(module);
}

/** A cursor living in the transfer buffer. Valid only until another web-tree-sitter call is made. */
class BufferCursor implements TreeCursorLike {
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

/** Copies `tree` (parsed from exactly `text`) into a SyntaxArena. The tree stays owned by the caller. */
export function arenaOf(tree: Tree, text: string): SyntaxArena {
  const language = tree.language;
  let names = namesByLanguage.get(language);
  if (!names) namesByLanguage.set(language, (names = grammarNames(language)));
  const hasError = tree.rootNode.hasError;
  const cursor: TreeCursor = tree.walk();
  try {
    if (!raw) return SyntaxArena.fromCursor(cursor, names, text, hasError);
    // tree.walk() left the new cursor in the transfer buffer; walk it there, then copy it back to delete it.
    const { module, transferBuffer } = raw;
    const treeAddress = (tree as unknown as Record<number, number>)[0];
    const arena = SyntaxArena.fromCursor(new BufferCursor(module, treeAddress), names, text, hasError);
    const heap = module.HEAP32;
    const at = transferBuffer >> 2;
    const handle = cursor as unknown as Record<number, number>;
    for (let k = 0; k < 4; k++) handle[k] = heap[at + k];
    return arena;
  } finally {
    cursor.delete();
  }
}
