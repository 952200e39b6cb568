// @spdf implements SPDF-IDX-003
import { linkKey, type LinkKey, type ReviewLock, type ReviewLockEntry } from './review-lock';

/**
 * - `reviewed`: the lock holds this link with the current code and target hashes.
 * - `suspect`: the lock holds it, but the code, the target's normative fields, or both changed since.
 * - `unreviewed`: never reviewed.
 */
export type LinkReviewState = 'reviewed' | 'suspect' | 'unreviewed';

export interface LinkReviewStatus {
  state: LinkReviewState;
  codeChanged: boolean;
  targetChanged: boolean;
  review?: Pick<ReviewLockEntry, 'reviewer' | 'date'>;
}

export class ReviewLockIndex {
  private readonly entries = new Map<string, ReviewLockEntry>();
  /** The further entries of links the lock reviews more than once (a git merge of two reviews; parseReviewLock reports them). */
  private readonly repeated = new Map<string, ReviewLockEntry[]>();

  constructor(lock: ReviewLock) {
    for (const entry of lock.links) {
      const key = linkKey(entry);
      if (!this.entries.has(key)) this.entries.set(key, entry);
      else {
        const more = this.repeated.get(key);
        if (more) more.push(entry);
        else this.repeated.set(key, [entry]);
      }
    }
  }

  /** Whether the lock reviews the link (its state is `reviewStatusOf`'s: the worst of its entries). */
  has(key: LinkKey): boolean {
    return this.entries.has(linkKey(key));
  }

  /** Every entry of the link, in the lock's order (more than one only in a lock that reviews it twice). */
  all(key: LinkKey): readonly ReviewLockEntry[] {
    const k = linkKey(key);
    const first = this.entries.get(k);
    if (!first) return [];
    const more = this.repeated.get(k);
    return more ? [first, ...more] : [first];
  }
}

/**
 * `currentTargetHash` is undefined when the target is unknown; then only the code side is compared. A link the lock
 * reviews twice is suspect when any of its entries says so: which review is the real one is unknown, so none vouches
 * for more than the worst one does.
 */
export function reviewStatusOf(link: LinkKey & { codeHash: string }, currentTargetHash: string | undefined, lock: ReviewLockIndex): LinkReviewStatus {
  const entries = lock.all(link);
  if (!entries.length) return { state: 'unreviewed', codeChanged: false, targetChanged: false };
  let status: LinkReviewStatus | undefined;
  for (const entry of entries) {
    const codeChanged = entry.codeHash !== link.codeHash;
    const targetChanged = currentTargetHash !== undefined && entry.targetHash !== currentTargetHash;
    const state = codeChanged || targetChanged ? 'suspect' : 'reviewed';
    if (!status || (state === 'suspect' && status.state !== 'suspect')) status = { state, codeChanged, targetChanged, review: { reviewer: entry.reviewer, date: entry.date } };
  }
  return status!;
}
