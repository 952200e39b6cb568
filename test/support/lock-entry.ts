import type { ReviewLockEntry } from '../../src/core/codelinks/review-lock';

/** A review lock entry with fixed hashes, reviewer and date: tests vary the ID and file. */
export const lockEntry = (id: string, file: string): ReviewLockEntry => ({
  id,
  relation: 'implements',
  file,
  symbol: 'f',
  codeHash: '0'.repeat(16),
  targetHash: '1'.repeat(16),
  reviewer: 'r',
  date: '2026-01-01',
});
