import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularFile, readRegularFileSync } from '../regular-file';
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
  rules: Ignore;
}

/**
 * Lists workspace files (relative POSIX paths, sorted). Follows symbolic links that stay inside the root but
 * never re-enters a directory already on the current path (a loop is noted once); links that leave the root
 * and unreadable or vanished directories are noted, not followed.
 */
export async function walkWorkspace(root: string, options: WalkOptions = {}): Promise<{ files: string[]; notes: IndexNotes }> {
  const notes = options.notes ?? new IndexNotes();
  const excluded = options.excludes?.length ? pathMatcher([...options.excludes]) : () => false;
  const include = options.include ?? (() => true);
  const useGitignore = options.gitignore ?? true;
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const calls = options.sync ? SYNC_CALLS : ASYNC_CALLS;
  const rootReal = await calls.realpath(root).catch(() => path.resolve(root));

  const isIgnored = (rel: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean => {
    for (const layer of layers) {
      const local = layer.base ? rel.slice(layer.base.length + 1) : rel;
      if (local && layer.rules.ignores(isDir ? `${local}/` : local)) return true;
    }
    return false;
  };

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
    let ownLayers = layers;
    if (useGitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      try {
        const text = await calls.readText(path.join(abs, '.gitignore'));
        ownLayers = [...layers, { base: rel, rules: ignore().add(text) }];
      } catch {
        // An unreadable .gitignore (or a FIFO: never read, it would block) ignores nothing.
      }
    }
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
  return { files, notes };
}
