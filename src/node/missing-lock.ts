// @spdf implements SPDF-FC-LOCK
import { gitOutput } from './git-output';
import type { ResolvedConfig } from '../core/model/config-def';

/**
 * Why a review lock that is not there is an input problem, or undefined when it only means "nothing reviewed
 * yet" (a workspace that never uses reviews). Without its lock every link whose code changed since review
 * would count as OK instead of SUSPECT. It is a problem when spdf.config.yaml names `lock_file` (`spdf init`
 * writes it), or when the lock is committed at HEAD of the git repository but gone from the working tree.
 */
export function missingLockProblem(root: string, config: Pick<ResolvedConfig, 'lockFile' | 'lockFileNamed'>, opts: { git: boolean }): string | undefined {
  if (config.lockFileNamed) return `lock_file '${config.lockFile}' of spdf.config.yaml does not exist: no review was read (spdf review writes it)`;
  if (opts.git && !process.env.SPDF_NO_GIT && committedAtHead(root, config.lockFile))
    return `${config.lockFile} is committed at HEAD but missing from the working tree: no review was read, so links whose code changed since review would count as OK (git checkout HEAD -- ${config.lockFile} restores it)`;
  return undefined;
}

/** Whether HEAD of the repository holding `root` has `file` (relative to `root`); false outside git or without git. */
function committedAtHead(root: string, file: string): boolean {
  return (gitOutput(root, ['ls-tree', '--name-only', 'HEAD', '--', file], { timeout: 10_000 }) ?? '').trim() !== '';
}
