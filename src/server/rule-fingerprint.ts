import { isDeepStrictEqual } from 'node:util';
import type { ReviewLock } from '../core/codelinks/review-lock';
import type { CodeFileIndex, CodeLink } from '../core/codelinks/model';

/**
 * Whether two indexes of one file hold the same facts for every rule: everything of the index except the code
 * hashes of links the review lock does not hold (they only matter against a lock entry) and the code hashes of
 * symbols. Positions are compared: findings carry them. Equal facts before and after an edit mean every rule
 * result is unchanged. Compared in place: a keystroke in a large file must not build a copy or a JSON text of its
 * index (large strings live until a full garbage collection, and the server grew by them edit after edit).
 */
export function sameRuleFacts(a: CodeFileIndex | undefined, b: CodeFileIndex | undefined, lock: ReviewLock): boolean {
  if (!a || !b) return a === b;
  if (a === b) return true;
  if (a.language !== b.language || a.links.length !== b.links.length || a.symbols.length !== b.symbols.length) return false;
  if (!isDeepStrictEqual(a.tags, b.tags) || !isDeepStrictEqual(a.orphanTags, b.orphanTags) || !isDeepStrictEqual(a.exclusions, b.exclusions) || !isDeepStrictEqual(a.problems, b.problems))
    return false;
  const locked = lock.links.length ? new Set(lock.links.map((l) => lockKey(l))) : undefined;
  for (let i = 0; i < a.links.length; i++) {
    const x = a.links[i];
    const y = b.links[i];
    if (!sameExceptHash(x, y)) return false;
    if (x.codeHash !== y.codeHash && locked?.has(lockKey(x))) return false;
  }
  for (let i = 0; i < a.symbols.length; i++) if (!sameExceptHash(a.symbols[i], b.symbols[i])) return false;
  return true;
}

const lockKey = (l: Pick<CodeLink, 'id' | 'relation' | 'file' | 'symbol'>) => `${l.id}\n${l.relation}\n${l.file}\n${l.symbol}`;

/** Equal objects apart from `codeHash` (an absent field and one set to undefined count as equal). */
function sameExceptHash<T extends { codeHash?: string }>(x: T, y: T): boolean {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) {
    if (k === 'codeHash') continue;
    const u = (x as Record<string, unknown>)[k];
    const v = (y as Record<string, unknown>)[k];
    if (u !== v && !isDeepStrictEqual(u, v)) return false;
  }
  return true;
}

/** Whether the file's links are the same as the model rules see them: which IDs link which symbols how. */
export function sameLinkSet(a: CodeFileIndex | undefined, b: CodeFileIndex | undefined): boolean {
  return linkSet(a) === linkSet(b);
}

function linkSet(idx: CodeFileIndex | undefined): string {
  return JSON.stringify((idx?.links ?? []).map((l) => [l.id, l.relation, l.symbol]).sort());
}
