// @spdf implements SPDF-LSP-MEM
import type { CodeFileIndex } from '../../core/codelinks/model';

/**
 * The new index of an edited open document, with every part (link, symbol, tag, range, string) that equals the
 * same part of its previous index replaced by the previous object; the previous index itself when nothing
 * changed. A keystroke then leaves only the edited region's objects to outlive the edit: the unchanged ones die
 * young instead of being promoted to the old generation, where they stayed until a full collection (the server
 * grew by hundreds of MB over 1,000 edits). Equal means the same keys in the same order with equal values, so
 * nothing read from the result (JSON text included) differs from the new index.
 */
export function reuseUnchanged(prev: CodeFileIndex, next: CodeFileIndex): CodeFileIndex {
  return reuse(prev, next) as CodeFileIndex;
}

/** `prev` when equal to `next`; otherwise `next`, its equal parts swapped in place for `prev`'s. */
function reuse(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(prev)) return Array.isArray(next) ? reuseArray(prev, next) : next;
  if (Array.isArray(next) || Object.getPrototypeOf(prev) !== Object.getPrototypeOf(next)) return next;
  return reuseObject(prev as Record<string, unknown>, next as Record<string, unknown>);
}

function reuseObject(prev: Record<string, unknown>, next: Record<string, unknown>): unknown {
  const keys = Object.keys(next);
  const prevKeys = Object.keys(prev);
  let same = keys.length === prevKeys.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (prevKeys[i] !== k) same = false;
    if (!Object.prototype.hasOwnProperty.call(prev, k)) continue;
    const r = reuse(prev[k], next[k]);
    if (r !== prev[k]) same = false;
    else if (r !== next[k]) next[k] = r;
  }
  return same ? prev : next;
}

/**
 * Elements are paired by position when both arrays have the same length; otherwise from the front until the
 * first difference and from the back until the first difference (an element inserted or removed in between).
 */
function reuseArray(prev: unknown[], next: unknown[]): unknown {
  const n = Math.min(prev.length, next.length);
  let same = prev.length === next.length;
  if (same) {
    for (let i = 0; i < n; i++) if ((next[i] = reuse(prev[i], next[i])) !== prev[i]) same = false;
    return same ? prev : next;
  }
  let front = 0;
  while (front < n && (next[front] = reuse(prev[front], next[front])) === prev[front]) front++;
  for (let back = 1; back <= n - front; back++) {
    const p = prev[prev.length - back];
    if ((next[next.length - back] = reuse(p, next[next.length - back])) !== p) break;
  }
  return next;
}
