// @spdf implements SPDF-FC-NEAR-MISS
import { gitOutput } from './git-output';
import type { ResolvedConfig } from '../core/model/config-def';
import { modelFileMatcher } from '../core/model/load-workspace';

/**
 * Files git tracks under `root` that a .gitignore file matches (relative to `root`). The walk honours .gitignore, so
 * it never lists them, yet they are part of the repository every reviewer reads. Empty outside git, without git,
 * or when SPDF_NO_GIT is set.
 */
export function trackedIgnoredFiles(root: string): string[] {
  if (process.env.SPDF_NO_GIT) return [];
  const out = gitOutput(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-per-directory=.gitignore', '--', '.'], { maxBuffer: 64 * 1024 * 1024, timeout: 10_000 });
  return (out ?? '').split('\0').filter((f) => f !== '');
}

/** Whether a listing holds a .gitignore file: without one, the walk hides nothing git tracks (and git need not run). */
export function hasGitignore(listed: readonly string[]): boolean {
  return listed.some((f) => f === '.gitignore' || f.endsWith('/.gitignore'));
}

/**
 * The model files the include globs choose among `tracked` (trackedIgnoredFiles) that the walk did not list, as
 * `path: why`: committed requirements that would silently be absent from the check.
 */
export function unreadTrackedModelFiles(tracked: readonly string[], listed: readonly string[], config: ResolvedConfig): string[] {
  if (!tracked.length) return [];
  const isModel = modelFileMatcher(config);
  const seen = new Set(listed);
  return tracked
    .filter((f) => isModel(f) && !seen.has(f))
    .map(
      (f) =>
        `${f}: tracked by git but matched by a .gitignore file, so it was not read and its items are not part of the model (change .gitignore so it no longer matches the file: a '!' line cannot bring back a file whose folder is ignored; or exclude it in spdf.config.yaml)`,
    );
}
