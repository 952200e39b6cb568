import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRegularFile, readRegularFileSync } from '../regular-file';
import { gitignoreRules, type GitignoreRules } from '../../core/gitignore';
import { pathMatcher } from '../../core/path-glob';
import { isInside } from '../path-inside';
import { errorCode, IndexNotes } from './index-notes';

/** Never walked, whatever the ignore files say. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.spdf-cache']);

export interface WalkOptions {
  /** Workspace-relative globs to leave out (config `exclude`). */
  excludes?: readonly string[];
  /** Honour .gitignore files (root and nested); default true. */
  gitignore?: boolean;
  /** Keep only files this accepts (e.g. known source extensions). */
  include?: (file: string) => boolean;
  notes?: IndexNotes;
  /**
   * For a caller with nothing else to do meanwhile (a CLI command): folders are resolved, listed and their
   * .gitignore read with synchronous calls, each sparing a thread-pool round trip that a cold walk spent waiting.
   * The same answers and the same errors.
   */
  sync?: boolean;
}

/** The calls the walk makes of every folder. */
interface FolderCalls {
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<Dirent[]>;
  readText(path: string): Promise<string>;
}

const ASYNC_CALLS: FolderCalls = { realpath: (p) => fs.realpath(p), readdir: (p) => fs.readdir(p, { withFileTypes: true }), readText: async (p) => (await readRegularFile(p)).toString('utf8') };
/** The answer of a synchronous call, or its throw as the rejection. */
const settled = <T>(call: () => T): Promise<T> => new Promise((resolve) => resolve(call()));
const SYNC_CALLS: FolderCalls = {
  realpath: (p) => settled(() => realpathSync.native(p)),
  readdir: (p) => settled(() => readdirSync(p, { withFileTypes: true })),
  readText: (p) => settled(() => readRegularFileSync(p).toString('utf8')),
};

interface IgnoreLayer {
  base: string;
  rules: GitignoreRules;
}

/** Whether a .gitignore layer from the root down hides `rel` (a folder's rules are tried with its trailing slash). */
function isIgnored(rel: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  for (const layer of layers) {
    const local = layer.base ? rel.slice(layer.base.length + 1) : rel;
    if (local && layer.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/**
 * `layers` with the own .gitignore of the folder at `abs` (workspace-relative `rel`), which has one that is not a folder.
 * Its rules run in linear time (gitignoreRules); a line that does not is noted on the file, at its line, when `notes`
 * is given: the gate fails on it (applied all the same, as the `ignore` package applies it).
 */
async function withOwnLayer(calls: FolderCalls, abs: string, rel: string, layers: readonly IgnoreLayer[], notes?: IndexNotes): Promise<readonly IgnoreLayer[]> {
  let text: string;
  try {
    text = await calls.readText(path.join(abs, '.gitignore'));
  } catch {
    // An unreadable .gitignore (or a FIFO: never read, it would block) ignores nothing.
    return layers;
  }
  const rules = gitignoreRules(text);
  const problem = rules.problems[0];
  if (problem && notes)
    notes.add(rel ? `${rel}/.gitignore` : '.gitignore', 'unreadable', `line ${problem.line + 1}: the pattern ${JSON.stringify(problem.pattern)} ${problem.message}`, {
      line: problem.line,
      character: 0,
    });
  return [...layers, { base: rel, rules }];
}

/** The folders a walk listed: real path -> the workspace-relative path it listed them under ('' for the root). */
export type WalkedDirs = ReadonlyMap<string, string>;

/**
 * Lists workspace files (relative POSIX paths, sorted). Follows symbolic links that stay inside the root but
 * never re-enters a directory already on the current path (a loop is noted once); links that leave the root
 * and unreadable or vanished directories are noted, not followed.
 */
export async function walkWorkspace(root: string, options: WalkOptions = {}): Promise<{ files: string[]; notes: IndexNotes; dirs: WalkedDirs }> {
  const notes = options.notes ?? new IndexNotes();
  const excluded = options.excludes?.length ? pathMatcher([...options.excludes]) : () => false;
  const include = options.include ?? (() => true);
  const useGitignore = options.gitignore ?? true;
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const dirs = new Map<string, string>();
  const calls = options.sync ? SYNC_CALLS : ASYNC_CALLS;
  const rootReal = await calls.realpath(root).catch(() => path.resolve(root));

  const walk = async (abs: string, rel: string, layers: readonly IgnoreLayer[], chain: ReadonlySet<string>): Promise<void> => {
    let real: string;
    try {
      real = await calls.realpath(abs);
    } catch (error) {
      notes.add(rel || '.', errorCode(error) === 'ENOENT' ? 'vanished' : 'unreadable', `directory not readable: ${(error as Error).message}`);
      return;
    }
    if (chain.has(real)) {
      notes.add(rel, 'symlink-loop', `symbolic link loop back to ${path.relative(root, real) || '.'}; not followed`);
      return;
    }
    if (seenDirs.has(real)) return; // the same directory reached through another link: indexed once
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await calls.readdir(abs);
    } catch (error) {
      notes.add(rel || '.', errorCode(error) === 'ENOENT' ? 'vanished' : 'unreadable', `directory not readable: ${(error as Error).message}`);
      return;
    }
    dirs.set(real, rel);
    const ownLayers = useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? await withOwnLayer(calls, abs, rel, layers, notes) : layers;
    const nextChain = new Set(chain).add(real);
    // In name order, one folder at a time: a folder reached through two paths (a link to it) is listed under the
    // path met first, which must be the same in every run.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      // Only folders and links need their absolute path: most entries are plain files.
      const childAbs = () => path.join(abs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let linkTarget: string | undefined;
      if (entry.isSymbolicLink()) {
        try {
          linkTarget = await fs.realpath(childAbs());
          const target = await fs.stat(linkTarget);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (errorCode(error) === 'ELOOP') notes.add(childRel, 'symlink-loop', 'symbolic link points to itself; not followed');
          else if (include(childRel) && !isIgnored(childRel, false, ownLayers) && !excluded(childRel))
            notes.add(childRel, 'unreadable', `symbolic link to a missing target (${await fs.readlink(childAbs()).catch(() => '?')}); not read`);
          continue;
        }
      }
      if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      if (isIgnored(childRel, isDir, ownLayers) || excluded(childRel)) continue;
      if (linkTarget !== undefined && !isInside(rootReal, linkTarget) && (isDir || (isFile && include(childRel)))) {
        notes.add(childRel, 'outside-root', `symbolic link to ${linkTarget}, outside the workspace root; not followed`);
        continue;
      }
      if (isDir) await walk(childAbs(), childRel, ownLayers, nextChain);
      else if (isFile && include(childRel)) files.push(childRel);
      // Reading a FIFO would block and a device has no text: named like an input, it must not vanish from the listing unseen.
      else if (include(childRel)) notes.add(childRel, 'unreadable', 'not a regular file (a FIFO, socket or device); not read');
    }
  };

  await walk(path.resolve(root), '', [], new Set());
  files.sort();
  return { files, notes, dirs };
}

/** What the walk does with one path: lists it, notes it (an entry named like an input it does not read), or skips it unseen. */
export type WalkAnswer = 'listed' | 'noted' | 'skipped';

/**
 * What `walkWorkspace(root, options)` would do with `rel` (a workspace-relative POSIX path) now, decided for that one
 * path by the walk's own rules: from the root down to it, each folder's .gitignore layer, the folders never walked,
 * `excludes`, links that leave the root, loop or point to nothing, and a file that must be a regular one ('noted' when
 * the walk notes the path itself). A folder reached through a link is walked once, under the path the walk meets
 * first, which one path cannot tell: `walked` (the folders a walk entered) answers that for the folders it holds; a
 * folder on the way it does not hold (created since, or entered through a link created since) makes the answer
 * undefined: walk again and ask with its folders (a folder that walk did not enter either is not walked).
 */
export async function walkWouldList(
  root: string,
  rel: string,
  walked: WalkedDirs,
  options: Omit<WalkOptions, 'notes'> & { /** A last entry not on disk is judged as the regular file it will be (an open document). */ absentAsFile?: boolean } = {},
): Promise<WalkAnswer | undefined> {
  const parts = rel.split('/');
  if (!rel || parts.some((p) => p === '' || p === '.' || p === '..')) return 'skipped';
  const excluded = options.excludes?.length ? pathMatcher([...options.excludes]) : () => false;
  const include = options.include ?? (() => true);
  const useGitignore = options.gitignore ?? true;
  const calls = options.sync ? SYNC_CALLS : ASYNC_CALLS;
  const rootReal = await calls.realpath(root).catch(() => path.resolve(root));
  const chain = new Set<string>();
  let layers: readonly IgnoreLayer[] = [];
  let abs = path.resolve(root);
  let dirRel = '';
  for (let i = 0; i < parts.length; i++) {
    // Entering the folder `dirRel`, as the walk does (a folder it cannot read or that loops is noted, not `rel`).
    const real = await calls.realpath(abs).catch(() => undefined);
    if (real === undefined || chain.has(real)) return 'skipped';
    const listedAs = walked.get(real);
    if (listedAs === undefined) return undefined;
    if (listedAs !== dirRel) return 'skipped';
    chain.add(real);
    const gitignore = useGitignore ? await fs.lstat(path.join(abs, '.gitignore')).catch(() => undefined) : undefined;
    if (gitignore !== undefined && !gitignore.isDirectory()) layers = await withOwnLayer(calls, abs, dirRel, layers);
    // The entry `name` of that folder.
    const last = i === parts.length - 1;
    const name = parts[i];
    const childRel = dirRel ? `${dirRel}/${name}` : name;
    const childAbs = path.join(abs, name);
    const stat = await fs.lstat(childAbs).catch(() => undefined);
    if (!stat && !(last && options.absentAsFile)) return 'skipped';
    let [isDir, isFile] = stat ? [stat.isDirectory(), stat.isFile()] : [false, true];
    let linkTarget: string | undefined;
    if (stat?.isSymbolicLink()) {
      try {
        linkTarget = await fs.realpath(childAbs);
        const target = await fs.stat(linkTarget);
        [isDir, isFile] = [target.isDirectory(), target.isFile()];
      } catch (error) {
        if (!last) return 'skipped';
        if (errorCode(error) === 'ELOOP') return 'noted';
        return include(childRel) && !isIgnored(childRel, false, layers) && !excluded(childRel) ? 'noted' : 'skipped';
      }
    }
    if (isDir && ALWAYS_SKIPPED_DIRS.has(name)) return 'skipped';
    if (isIgnored(childRel, isDir, layers) || excluded(childRel)) return 'skipped';
    if (linkTarget !== undefined && !isInside(rootReal, linkTarget) && (isDir || (isFile && include(childRel)))) return last && !isDir ? 'noted' : 'skipped';
    if (last) return isDir ? 'skipped' : isFile ? (include(childRel) ? 'listed' : 'skipped') : include(childRel) ? 'noted' : 'skipped';
    if (!isDir) return 'skipped';
    abs = childAbs;
    dirRel = childRel;
  }
  return 'skipped';
}
