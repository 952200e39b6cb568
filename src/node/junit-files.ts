// @spdf implements SPDF-FC-RESULTS
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { pathMatcher } from '../core/path-glob';
import type { TestResultsProblem } from '../core/matrix/test-results';
import { isInside } from './path-inside';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The files the `test_results` globs choose under `root`, walked on disk (result folders are usually git-ignored).
 * A symbolic link is followed while it stays inside the root (a `latest.xml` link to the last run's report is
 * read like the report); one leading out of the root, one to nothing, and a FIFO, socket or device the globs
 * choose are problems, not files skipped without a word. A link back to a folder it lies in is a loop and not
 * followed, and each real folder is walked once.
 */
export async function findResultFiles(root: string, globs: readonly string[]): Promise<{ files: string[]; problems: TestResultsProblem[] }> {
  const match = pathMatcher([...globs]);
  const found = new Set<string>();
  const problems: TestResultsProblem[] = [];
  const problem = (file: string, why: string) => problems.push({ file, line: 1, column: 1, message: `${why}; not read as test results` });
  const realRoot = await fs.realpath(root).catch(() => root);
  const walked = new Set<string>();
  const visit = async (rel: string, depth: number): Promise<void> => {
    const real = await fs.realpath(join(root, rel)).catch(() => undefined);
    if (depth > 40 || real === undefined || walked.has(real)) return;
    walked.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(join(root, rel), { withFileTypes: true });
    } catch (error) {
      // Results in a folder that cannot be listed are results not read: a problem, never a quiet gap.
      problem(rel || '.', `folder not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    for (const e of entries) {
      if (SKIPPED_DIRS.has(e.name)) continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await visit(p, depth + 1);
      else if (e.isFile()) {
        if (match(p)) found.add(p);
      } else if (e.isSymbolicLink()) await followLink(p, depth);
      else if (match(p)) problem(p, 'not a regular file (a FIFO, socket or device)');
    }
  };
  const followLink = async (p: string, depth: number): Promise<void> => {
    const real = await fs.realpath(join(root, p)).catch(() => undefined);
    if (real === undefined) {
      if (match(p)) problem(p, 'symbolic link to nothing');
      return;
    }
    const st = await fs.stat(real).catch(() => undefined);
    if (!isInside(realRoot, real)) {
      if (match(p) || st?.isDirectory()) problem(p, `symbolic link to ${real}, outside the workspace root`);
      return;
    }
    if (st?.isDirectory()) {
      // A link back to a folder it lies in is a loop (the workspace walk notes it), not more results.
      const parent = await fs.realpath(join(root, dirname(p))).catch(() => real);
      if (!isInside(real, parent)) await visit(p, depth + 1);
    } else if (!match(p)) return;
    else if (st?.isFile()) found.add(p);
    else problem(p, 'not a regular file (a FIFO, socket or device)');
  };
  const bases = new Set(globs.map((g) => picomatch.scan(g).base).map((b) => b.replace(/^\.\/?/, '')));
  for (const base of bases) {
    try {
      const st = await fs.stat(join(root, base));
      if (st.isFile()) {
        if (match(base)) found.add(base);
      } else await visit(base, 0);
    } catch {
      /* a glob whose base does not exist matches nothing */
    }
  }
  return { files: [...found].sort(), problems };
}

/** The files of a listing (a commit's files) the `test_results` globs choose, sorted as `findResultFiles` sorts. */
export function resultFilesOfListing(listing: readonly string[], globs: readonly string[]): string[] {
  const match = pathMatcher([...globs]);
  return listing.filter((f) => match(f)).sort();
}
