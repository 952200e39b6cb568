import type { SymbolKind } from '../model';
import type { SyntaxNodeLike } from '../syntax-node';

/** The definition a describer recognised; `scope` (namespace, module) only contributes to qualified names. */
export interface SymbolShape {
  kind: SymbolKind | 'scope';
  name: string;
  nameNode: SyntaxNodeLike;
  /** Scope segments written in the name itself (C++ `Outer::Inner::f`, C# `namespace A.B`, Go receivers). */
  qualifier?: string[];
  /** Where nested definitions live (class body, namespace body, impl body); functions have none. */
  body?: SyntaxNodeLike | null;
  declarationOnly?: boolean;
  /** The scope segment members get when it differs from `name` (Rust `impl Trait for T` -> `<T as Trait>`). */
  memberScope?: string;
  /** Not qualified by enclosing scopes (C preprocessor macros live outside namespaces and classes). */
  unscoped?: boolean;
  /** The other names the same definition declares (C `int a, b;`): symbols of their own, linked with this one. */
  also?: SymbolShape[];
}

export interface EmbeddedComment {
  start: number;
  end: number;
  holder: SyntaxNodeLike;
}

export interface EnclosingScope {
  kind: SymbolKind | 'scope';
  name: string;
}

export interface DescribeContext {
  source: string;
  enclosing: EnclosingScope | undefined;
}

/**
 * Per-language knowledge, in the spirit of sphinx-codelinks' analyse/utils.py: which nodes define what,
 * which are comments, which wrap a definition, which may sit between a doc comment and its definition.
 */
export interface LanguageTable {
  /** Joins qualified-name segments. */
  separator: string;
  commentTypes: ReadonlySet<string>;
  /** Where a comment (or docstring) can start; global. Candidates are confirmed against the tree. */
  commentStart: RegExp;
  /** Nodes that wrap one definition: decorators, export, template, attributes... */
  wrapperTypes: ReadonlySet<string>;
  /** The definition inside a wrapper, or null (e.g. a grouped Go `type (...)`). */
  unwrap(node: SyntaxNodeLike): SyntaxNodeLike | null;
  /** Siblings that may stand between a doc comment and its definition (Rust attributes, TS member decorators). */
  skippedAbove: ReadonlySet<string>;
  /** Nodes walked with the same scope when looking for definitions (preprocessor blocks, grouped declarations). */
  containers: ReadonlySet<string>;
  /** Nodes that do not end the file's leading comment block (Go `package`, Java `package`, a module docstring). */
  isHeaderNode(node: SyntaxNodeLike, isFirstStatement: boolean): boolean;
  describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined;
  /**
   * A comment the grammar folds into another node, around `offset` inside `node` (the innermost node there):
   * the trailing comment of a C `#define` line is part of the macro's value. Its span and the node holding it.
   */
  embeddedComment?(node: SyntaxNodeLike, offset: number, source: string): EmbeddedComment | null;
  isDocstring?(node: SyntaxNodeLike): boolean;
  /** Scope segments every qualified name of the file starts with (Python module path, Java package, C# file-scoped namespace). */
  fileScope?(file: string, root: SyntaxNodeLike, source: string): string[];
}

export function textOf(node: SyntaxNodeLike, source: string): string {
  return source.slice(node.startIndex, node.endIndex);
}

/** First named child of one of the given types. */
export function namedChildOfType(node: SyntaxNodeLike, types: ReadonlySet<string> | string): SyntaxNodeLike | null {
  for (const child of node.namedChildren) {
    if (child && (typeof types === 'string' ? child.type === types : types.has(child.type))) return child;
  }
  return null;
}

/** `Foo<T, U>` -> `Foo`; generic arguments do not belong in a qualified name. */
export function stripGenerics(text: string): string {
  // Most names have neither brackets nor spaces: nothing to strip.
  if (!/[<>[\]\s]/.test(text)) return text;
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '<' || ch === '[') depth++;
    else if (ch === '>' || ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, '');
}

export const CLASS_LIKE: ReadonlySet<SymbolKind | 'scope'> = new Set(['class', 'struct', 'interface', 'trait', 'impl', 'enum']);
