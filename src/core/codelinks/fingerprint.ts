// @spdf implements SPDF-IDX-003
import { commentAt, leafAt } from './comment-nodes';
import { fnv1a64 } from '../hash';
import type { LanguageTable } from './language-tables';
import type { SyntaxNodeLike } from './syntax-node';

/**
 * The code of [start, end) as the fingerprint sees it: comments and docstrings removed (the tags with them),
 * whitespace removed except one space between two word characters. So reformatting, comment or docstring
 * edits and moving the code do not change it; any token edit does. Known blind spot: whitespace inside string
 * literals is normalized too.
 */
export function normalizedCode(root: SyntaxNodeLike, text: string, start: number, end: number, table: LanguageTable): string {
  const kept: string[] = [];
  let cursor = start;
  const marker = new RegExp(table.commentStart.source, 'g');
  marker.lastIndex = start;
  for (let m = marker.exec(text); m && m.index < end; m = marker.exec(text)) {
    const comment = commentAt(root, m.index, table);
    if (comment && comment.startIndex >= cursor && comment.startIndex >= start) {
      kept.push(text.slice(cursor, comment.startIndex));
      cursor = Math.min(comment.endIndex, end);
      marker.lastIndex = Math.max(comment.endIndex, m.index + 1);
    } else {
      marker.lastIndex = Math.max(m.index + m[0].length, skippableEnd(leafAt(root, m.index), m.index));
    }
  }
  kept.push(text.slice(cursor, end));
  return kept
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[^\w$]) | (?=[^\w$])/g, '')
    .trim();
}

/** A marker inside a string literal or another token: continue after that token, not inside it. */
function skippableEnd(node: SyntaxNodeLike | null, offset: number): number {
  if (!node || node.endIndex <= offset) return offset + 1;
  const isToken = node.children.length === 0 || /string|template/.test(node.type);
  return isToken ? node.endIndex : offset + 1;
}

export function codeHash(root: SyntaxNodeLike, text: string, start: number, end: number, table: LanguageTable): string {
  return fnv1a64(normalizedCode(root, text, start, end, table));
}
