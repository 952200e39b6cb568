// @spdf implements SPDF-FC-CACHE
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { userCacheBase } from '../cache-location';

/** What older builds left in a workspace's folder of the user cache; no build reads them any more. */
export const STALE_CACHE_FILES = ['model-v2.bin', 'codelinks-v3.json', 'findings-v1.bin'];
export const STALE_CACHE_FOLDERS = ['codelinks-v4', 'codelinks-v5'];
const SHARD = /^\d\d\.json$/;

async function isPlain(file: string, kind: 'file' | 'folder'): Promise<boolean> {
  const stat = await fs.lstat(file).catch(() => undefined);
  return !!stat && (kind === 'file' ? stat.isFile() : stat.isDirectory());
}

/**
 * Deletes those leftovers from `dir` when it is a workspace's folder of the user cache (never a `--cache-location`
 * the user chose): only regular files and folders of these names, and in a folder only its shard files; a symbolic
 * link is never followed nor removed, and a folder holding anything else stays. Best effort: returns what it removed.
 */
export async function removeStaleCaches(dir: string, base: string = userCacheBase()): Promise<string[]> {
  if (path.dirname(path.resolve(dir)) !== path.join(path.resolve(base), 'workspaces')) return [];
  const removed: string[] = [];
  for (const name of STALE_CACHE_FILES) {
    const file = path.join(dir, name);
    if (await isPlain(file, 'file'))
      await fs.rm(file).then(
        () => removed.push(name),
        () => undefined,
      );
  }
  for (const name of STALE_CACHE_FOLDERS) {
    const folder = path.join(dir, name);
    if (!(await isPlain(folder, 'folder'))) continue;
    for (const entry of await fs.readdir(folder).catch(() => [])) {
      if (SHARD.test(entry) && (await isPlain(path.join(folder, entry), 'file'))) await fs.rm(path.join(folder, entry)).catch(() => undefined);
    }
    await fs.rmdir(folder).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
