import type { LanguageTable } from './language-tables';
import type { SyntaxNodeLike } from './syntax-node';

/** Last row a node really occupies: Rust line comments end at column 0 of the next row. */
export function effectiveEndRow(node: SyntaxNodeLike): number {
  const end = node.endPosition;
  return end.column === 0 && end.row > node.startPosition.row ? end.row - 1 : end.row;
}

export function isCommentOrDocstring(node: SyntaxNodeLike, table: LanguageTable): boolean {
  return table.commentTypes.has(node.type) || (table.isDocstring?.(node) ?? false);
}

/** The comment or docstring containing `offset`, or null when the offset is in code or a plain string. */
export function commentAt(root: SyntaxNodeLike, offset: number, table: LanguageTable): SyntaxNodeLike | null {
  let node = root.descendantForIndex(offset, offset + 1);
  for (let depth = 0; node && depth < 4; depth++, node = node.parent) {
    if (isCommentOrDocstring(node, table)) return node;
    if (node === root || node.type === root.type) break;
  }
  return null;
}

/** The innermost node containing `offset` (for skipping whole strings when a comment marker sits inside one). */
export function leafAt(root: SyntaxNodeLike, offset: number): SyntaxNodeLike | null {
  return root.descendantForIndex(offset, offset + 1);
}

/** A comment written after code on the same line (`x = 1  # note`) documents that code, not what follows. */
export function isTrailingComment(comment: SyntaxNodeLike, table: LanguageTable): boolean {
  const prev = comment.previousSibling;
  return !!prev && !table.commentTypes.has(prev.type) && effectiveEndRow(prev) === comment.startPosition.row;
}

/**
 * The node directly below a comment run: following siblings, across further comments and skippable nodes
 * (attributes, member decorators), with no blank line in between. Returns the first other node or null.
 */
export function nodeBelowComment(comment: SyntaxNodeLike, table: LanguageTable): SyntaxNodeLike | null {
  if (isTrailingComment(comment, table)) return null;
  let row = effectiveEndRow(comment);
  let next = comment.nextSibling;
  while (next) {
    if (next.startPosition.row > row + 1) return null;
    if (table.commentTypes.has(next.type) || table.skippedAbove.has(next.type)) {
      row = effectiveEndRow(next);
      next = next.nextSibling;
      continue;
    }
    if (!next.isNamed) return null;
    // A comment on a block's first line can sit before the block (Python): look at the block's first statement.
    const first = table.containers.has(next.type) ? next.firstNamedChild : null;
    if (!first) return next;
    next = first;
  }
  return null;
}

/** The contiguous comments directly above `outer` (the definition with its wrappers), in document order. */
export function commentRunAbove(outer: SyntaxNodeLike, table: LanguageTable): SyntaxNodeLike[] {
  const run: SyntaxNodeLike[] = [];
  let row = outer.startPosition.row;
  for (let prev = outer.previousSibling; prev; prev = prev.previousSibling) {
    if (effectiveEndRow(prev) < row - 1) break;
    if (table.commentTypes.has(prev.type)) {
      if (isTrailingComment(prev, table)) break;
      run.unshift(prev);
    } else if (!table.skippedAbove.has(prev.type)) break;
    row = prev.startPosition.row;
  }
  return run;
}

/** End offset of the file's leading block: comments and header nodes before the first other node. */
export function leadingBlockEnd(root: SyntaxNodeLike, table: LanguageTable): number {
  let end = 0;
  let firstStatement = true;
  for (const child of root.children) {
    if (!child) continue;
    if (table.commentTypes.has(child.type)) {
      end = child.endIndex;
      continue;
    }
    if (table.isHeaderNode(child, firstStatement)) {
      end = child.endIndex;
      firstStatement = false;
      continue;
    }
    break;
  }
  return end;
}
