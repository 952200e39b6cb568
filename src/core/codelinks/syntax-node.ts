import type { LineIndex } from '../text';

/**
 * The slice of a tree-sitter node the core reads. web-tree-sitter's `Node` satisfies it structurally,
 * so the language server and the Node index hand their trees in without the core importing the library.
 * Indices and columns are UTF-16 code units (web-tree-sitter parses JS strings as UTF-16).
 */
export interface PointLike {
  readonly row: number;
  readonly column: number;
}

export interface SyntaxNodeLike {
  readonly type: string;
  readonly isNamed: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: PointLike;
  readonly endPosition: PointLike;
  readonly text: string;
  readonly parent: SyntaxNodeLike | null;
  readonly children: readonly (SyntaxNodeLike | null)[];
  readonly namedChildren: readonly (SyntaxNodeLike | null)[];
  /** `namedChildren[0]` without building the list. */
  readonly firstNamedChild: SyntaxNodeLike | null;
  /** The next node of the parent's `namedChildren`. */
  readonly nextNamedSibling: SyntaxNodeLike | null;
  readonly nextSibling: SyntaxNodeLike | null;
  readonly previousSibling: SyntaxNodeLike | null;
  childForFieldName(fieldName: string): SyntaxNodeLike | null;
  descendantForIndex(startIndex: number, endIndex?: number): SyntaxNodeLike | null;
  /**
   * The line index `startPosition` and `endPosition` are read from, when the node has one (the syntax arena's
   * nodes; not web-tree-sitter's): positions of its nodes can then be taken from it without a point object each.
   */
  readonly lineIndex?: LineIndex;
}
