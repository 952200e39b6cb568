// @spdf implements SPDF-FC-RESULTS
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { goModulePath, MAX_GO_MOD_BYTES } from '../core/matrix/go-mod';
import { baseName } from '../core/matrix/junit-case-files';
import { boundedReads } from './bounded-read';
import { isInside, realOrResolved } from './path-inside';

/** A go.mod's bytes, or undefined when it is not read (not a regular file, over MAX_GO_MOD_BYTES, unreadable). */
export type GoModRead = (file: string) => Promise<Uint8Array | undefined>;

/**
 * The module path each listed go.mod declares, by its folder (`''` the workspace root): what gotestsum's `short`
 * classname of a module's root package is made of (src/core/matrix/junit-case-files.ts). A go.mod that cannot be read
 * (a directory, a FIFO, no permission, binary, over MAX_GO_MOD_BYTES: not read at all) or declares no module path
 * this reads (go-mod.ts) is left out: its packages are matched as without it, never by a guessed path. Never throws.
 */
export async function readGoModules(files: readonly string[], read: GoModRead): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    if (baseName(file) !== 'go.mod') continue;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await read(file);
    } catch {
      continue;
    }
    const path = bytes && goModulePath(bytes);
    if (path !== undefined) out[file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''] = path;
  }
  return out;
}

/**
 * go.mod files on disk under `root`: a stat first (a FIFO or device is never opened, a larger file never read), then
 * one bounded read, which also stops a file that grew meanwhile. Both are reads the result cache records. One behind a
 * symbolic link out of the root is not read (the walk lists none such; the editor's watcher may name one).
 */
export function goModsOnDisk(root: string): GoModRead {
  let realRoot: string | undefined;
  return (file) => {
    const abs = join(root, file);
    realRoot ??= realOrResolved(root);
    if (!isInside(realRoot, realpathSync.native(abs))) return Promise.resolve(undefined);
    const stat = statSync(abs);
    if (!stat.isFile() || stat.size > MAX_GO_MOD_BYTES) return Promise.resolve(undefined);
    const bytes = boundedReads().readFileUpToSync(abs, MAX_GO_MOD_BYTES);
    // A copy: the bounded read's buffer is the next read's.
    return Promise.resolve(Buffer.isBuffer(bytes) ? Buffer.from(bytes) : undefined);
  };
}

/** go.mod files through a host that tells sizes (a commit's blobs): one over MAX_GO_MOD_BYTES is never read. */
export function goModsOfHost(host: { readFile(path: string): Promise<Uint8Array>; statSize?(path: string): Promise<number | undefined> }): GoModRead {
  return async (file) => {
    const size = await host.statSize?.(file);
    if (size === undefined || size > MAX_GO_MOD_BYTES) return undefined;
    const bytes = await host.readFile(file);
    return bytes.length > MAX_GO_MOD_BYTES ? undefined : bytes;
  };
}

/** The results with the module paths of the listed go.mod files, when results were configured and any was read. */
export async function withGoModules<R extends { goModules?: Record<string, string> }>(results: R, globs: readonly string[], files: readonly string[], read: GoModRead): Promise<R> {
  if (!globs.length || !files.some((f) => baseName(f) === 'go.mod')) return results;
  const goModules = await readGoModules(files, read);
  return Object.keys(goModules).length ? { ...results, goModules } : results;
}
