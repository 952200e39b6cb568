import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { REVIEW_LOCK_FILE } from '../../core/codelinks/reviewLock';
import { writeFileAtomic } from '../atomic-write';

/** Current lock text, or undefined when the workspace has none; rejects with a readable message otherwise. */
export async function readReviewLock(root: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path.join(root, REVIEW_LOCK_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new Error(`${REVIEW_LOCK_FILE} is a directory, not the review lock file`);
    throw new Error(`${REVIEW_LOCK_FILE} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The one writer of the review lock (`spdf review` and the editor's "mark reviewed" both call it), through the
 * atomic writer: readers see the old or the new text, never half of one. Produce `text` with `updateReviewLock` from the core.
 */
export async function writeReviewLock(root: string, text: string): Promise<void> {
  await writeFileAtomic(path.join(root, REVIEW_LOCK_FILE), text);
}
