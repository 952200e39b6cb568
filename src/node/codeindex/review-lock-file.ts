import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { REVIEW_LOCK_FILE } from '../../core/codelinks/review-lock';
import { writeFileAtomic } from '../atomic-write';
import { isInside } from '../path-inside';
import { readRegularFile } from '../regular-file';

/** The lock's path: config `lock_file` (workspace-relative, inside the root), else spdf.lock.json. */
export function reviewLockPath(root: string, lockFile = REVIEW_LOCK_FILE): string {
  const abs = path.resolve(root, lockFile);
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`lock_file '${lockFile}' must name a file inside the workspace root`);
  return abs;
}

/** Current lock text, or undefined when the workspace has none; rejects with a readable message otherwise. */
export async function readReviewLock(root: string, lockFile = REVIEW_LOCK_FILE): Promise<string | undefined> {
  const abs = reviewLockPath(root, lockFile);
  // As a model file behind a link out of the root: the review state must come from the workspace, not from elsewhere.
  const real = await fs.realpath(abs).catch(() => undefined);
  if (real !== undefined && !isInside(await fs.realpath(root).catch(() => path.resolve(root)), real))
    throw new Error(`${lockFile} is a symbolic link to ${real}, outside the workspace root; not read`);
  try {
    return (await readRegularFile(abs)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new Error(`${lockFile} is a directory, not the review lock file`);
    throw new Error(`${lockFile} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The one writer of the review lock (`spdf review` and the editor's "mark reviewed" both call it), through the
 * atomic writer: readers see the old or the new text, never half of one. Produce `text` with `updateReviewLock` from the core.
 */
export async function writeReviewLock(root: string, text: string, lockFile = REVIEW_LOCK_FILE): Promise<void> {
  const abs = reviewLockPath(root, lockFile);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await writeFileAtomic(abs, text, { inside: root });
}
