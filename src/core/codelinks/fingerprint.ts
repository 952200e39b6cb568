// @spdf implements SPDF-IDX-003
import { commentAt, leafAt } from './comment-nodes';
import { fnv1a64Units } from '../hash';
import type { LanguageTable } from './language-tables';
import type { SyntaxNodeLike } from './syntax-node';

/**
 * The code of [start, end) as the fingerprint sees it: comments and docstrings removed (the tags with them),
 * whitespace removed except one space between two word characters. So reformatting, comment or docstring
 * edits and moving the code do not change it; any token edit does. Known blind spot: whitespace inside string
 * literals is normalized too.
 */
export function normalizedCode(root: SyntaxNodeLike, text: string, start: number, end: number, table: LanguageTable): string {
  const stretches = codeStretches(root, text, start, end, table);
  const kept: string[] = [];
  for (let k = 0; k < stretches.length; k += 2) kept.push(text.slice(stretches[k], stretches[k + 1]));
  return squeezeWhitespace(kept.join(' '));
}

/** [from, to) pairs of the code in [start, end): what lies between the comments and docstrings. */
function codeStretches(root: SyntaxNodeLike, text: string, start: number, end: number, table: LanguageTable): number[] {
  const stretches: number[] = [];
  let cursor = start;
  const marker = markerOf(table);
  marker.lastIndex = start;
  for (let m = marker.exec(text); m && m.index < end; m = marker.exec(text)) {
    const comment = commentAt(root, m.index, table);
    if (comment && comment.startIndex >= cursor && comment.startIndex >= start) {
      stretches.push(cursor, comment.startIndex);
      cursor = Math.min(comment.endIndex, end);
      marker.lastIndex = Math.max(comment.endIndex, m.index + 1);
    } else {
      marker.lastIndex = Math.max(m.index + m[0].length, skippableEnd(leafAt(root, m.index), m.index));
    }
  }
  stretches.push(cursor, end);
  return stretches;
}

/** One global copy of each table's comment marker (a fingerprint is taken per linked symbol; none runs inside another). */
const markers = new WeakMap<LanguageTable, RegExp>();

function markerOf(table: LanguageTable): RegExp {
  let marker = markers.get(table);
  if (!marker) markers.set(table, (marker = new RegExp(table.commentStart.source, 'g')));
  return marker;
}

/** JavaScript's `\s` (and `trim`'s whitespace). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[\w$]`. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/**
 * Whitespace removed except one space between two word characters, in one pass: the same string as
 * `.replace(/\s+/g, ' ').replace(/(?<=[^\w$]) | (?=[^\w$])/g, '').trim()`, in about half the time.
 */
export function squeezeWhitespace(text: string): string {
  const out: string[] = [];
  let segmentStart = -1;
  let last = -1;
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (segmentStart >= 0) out.push(text.slice(segmentStart, i));
      segmentStart = -1;
      spaceBefore = last !== -1;
      continue;
    }
    if (segmentStart < 0) {
      if (spaceBefore && isWordChar(last) && isWordChar(c)) out.push(' ');
      spaceBefore = false;
      segmentStart = i;
    }
    last = c;
  }
  if (segmentStart >= 0) out.push(text.slice(segmentStart));
  return out.join('');
}

/** A marker inside a string literal or another token: continue after that token, not inside it. */
function skippableEnd(node: SyntaxNodeLike | null, offset: number): number {
  if (!node || node.endIndex <= offset) return offset + 1;
  const isToken = node.children.length === 0 || /string|template/.test(node.type);
  return isToken ? node.endIndex : offset + 1;
}

/** Code units of the normalized code being hashed; grown as needed, reused by every call. */
let units = new Uint16Array(1 << 16);

/**
 * `fnv1a64(normalizedCode(...))`, without building the normalized code as a string: its code units are written to a
 * reused buffer. The stretches are joined by one space, as `normalizedCode` joins them, and squeezed as
 * `squeezeWhitespace` does.
 */
export function codeHash(root: SyntaxNodeLike, text: string, start: number, end: number, table: LanguageTable): string {
  const stretches = codeStretches(root, text, start, end, table);
  // At most one unit per character of [start, end) plus a joining space per stretch.
  if (units.length < end - start + stretches.length) units = new Uint16Array(2 * (end - start + stretches.length));
  let length = 0;
  let last = -1;
  let spaceBefore = false;
  for (let k = 0; k < stretches.length; k += 2) {
    if (k > 0) spaceBefore = last !== -1;
    for (let i = stretches[k]; i < stretches[k + 1]; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        spaceBefore = last !== -1;
        continue;
      }
      if (spaceBefore && isWordChar(last) && isWordChar(c)) units[length++] = 32;
      spaceBefore = false;
      last = c;
      units[length++] = c;
    }
  }
  return fnv1a64Units(units, length);
}
