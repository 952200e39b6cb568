import type { Range } from '../types';
import type { LanguageTable } from './language-tables';
import { effectiveEndRow } from './comment-nodes';
import { nodeRange } from './symbol-collector';
import type { SyntaxNodeLike } from './syntax-node';

/** The ERROR node around `node`, if any. */
export function errorAncestor(node: SyntaxNodeLike): SyntaxNodeLike | null {
  for (let a: SyntaxNodeLike | null = node; a; a = a.parent) if (a.type === 'ERROR') return a;
  return null;
}

/** The first code node after a comment and the comments directly below it, when it starts on the next line. */
export function codeBelow(comment: SyntaxNodeLike, table: LanguageTable): SyntaxNodeLike | null {
  let row = effectiveEndRow(comment);
  for (let next = comment.nextSibling; next; next = next.nextSibling) {
    if (next.startPosition.row > row + 1) return null;
    if (!table.commentTypes.has(next.type)) return next;
    row = effectiveEndRow(next);
  }
  return null;
}

/** The first ERROR or MISSING node under `node`. */
export function firstErrorRange(node: SyntaxNodeLike): Range {
  let current = node;
  for (let depth = 0; depth < 64; depth++) {
    if (current.type === 'ERROR') break;
    const child = current.children.find((c) => c && (c.hasError || c.type === 'ERROR'));
    if (!child) break;
    current = child;
  }
  return nodeRange(current);
}
