// @spdf implements SPDF-LSP-PARITY
import { parseReviewLock } from '../core/codelinks/review-lock';
import type { ResolvedConfig } from '../core/model/config-def';
import { readReviewLock } from './codeindex/review-lock-file';
import { missingLockProblem } from './missing-lock';

/** The review lock as read: its text (undefined when there is none) or why it could not be read. */
export interface LockInput {
  text?: string;
  problem?: string;
}

/**
 * Reads the lock config `lock_file` names (default spdf.lock.json) for `spdf check` and the editor alike, from the
 * disk under `root` or through `read` (undefined when there is no such file). A lock that is not there is a problem
 * where it should be there (src/node/missing-lock.ts; `git` says whether git may be asked). Never throws.
 */
export async function readLockInput(
  root: string,
  config: Pick<ResolvedConfig, 'lockFile' | 'lockFileNamed'>,
  opts: { git: boolean; read?: (file: string) => Promise<string | undefined> },
): Promise<LockInput> {
  try {
    const text = await (opts.read ?? ((file: string) => readReviewLock(root, file)))(config.lockFile);
    if (text !== undefined) return { text };
    const problem = missingLockProblem(root, config, { git: opts.git });
    return problem ? { problem } : {};
  } catch (error) {
    return { problem: `${(error as Error).message}; every code link counts as unreviewed` };
  }
}

/** Why the lock `file` (config `lock_file`) was not read, or its entries that were not understood: each an input problem of the gate. */
export function lockProblemsOf(lock: LockInput, file: string): string[] {
  return lock.problem ? [lock.problem] : lock.text !== undefined ? parseReviewLock(lock.text, file).problems : [];
}
