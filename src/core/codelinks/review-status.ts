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

  constructor(lock: ReviewLock) {
    for (const entry of lock.links) this.entries.set(linkKey(entry), entry);
  }

  get(key: LinkKey): ReviewLockEntry | undefined {
    return this.entries.get(linkKey(key));
  }
}

/** `currentTargetHash` is undefined when the target is unknown; then only the code side is compared. */
export function reviewStatusOf(link: LinkKey & { codeHash: string }, currentTargetHash: string | undefined, lock: ReviewLockIndex): LinkReviewStatus {
  const entry = lock.get(link);
  if (!entry) return { state: 'unreviewed', codeChanged: false, targetChanged: false };
  const codeChanged = entry.codeHash !== link.codeHash;
  const targetChanged = currentTargetHash !== undefined && entry.targetHash !== currentTargetHash;
  return {
    state: codeChanged || targetChanged ? 'suspect' : 'reviewed',
    codeChanged,
    targetChanged,
    review: { reviewer: entry.reviewer, date: entry.date },
  };
}
