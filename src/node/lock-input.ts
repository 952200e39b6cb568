// @spdf implements SPDF-LSP-PARITY
import { parseReviewLock, REVIEW_LOCK_FILE } from '../core/codelinks/review-lock';
import { readReviewLock } from './codeindex/review-lock-file';

/** The review lock as read: its text (undefined when there is none) or why it could not be read. */
export interface LockInput {
  text?: string;
  problem?: string;
}

/**
 * Reads the lock config `lock_file` names (default spdf.lock.json) for `spdf check` and the editor alike, from the
 * disk under `root` or through `read` (undefined when there is no such file). Never throws.
 */
export async function readLockInput(root: string, lockFile: string, read = (file: string) => readReviewLock(root, file)): Promise<LockInput> {
  try {
    const text = await read(lockFile);
    // A lock the config names and that is not there (a typo, a file not checked in) would drop every review unseen.
    if (text === undefined && lockFile !== REVIEW_LOCK_FILE) return { problem: `lock_file '${lockFile}' of spdf.config.yaml does not exist: no review was read (spdf review writes it)` };
    return text === undefined ? {} : { text };
  } catch (error) {
    return { problem: `${(error as Error).message}; every code link counts as unreviewed` };
  }
}

/** Why the lock was not read, or its entries that were not understood: each an input problem of the gate. */
export function lockProblemsOf(lock: LockInput): string[] {
  return lock.problem ? [lock.problem] : lock.text !== undefined ? parseReviewLock(lock.text).problems : [];
}
