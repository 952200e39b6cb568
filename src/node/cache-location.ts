// @spdf implements SPDF-FC-CACHE
import crypto, { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, win32 } from 'node:path';
import { name as packageName, version as packageVersion } from '../../package.json';
import { findWorkspaceRoot } from './find-root';
import { isInside, realOrResolved } from './path-inside';

const APP_DIR = 'spdf-workbench';

export function sha256Hex(bytes: Uint8Array | string): string {
  // One call without a Hash object where Node has it (20.12+): the recorder hashes every file a command reads.
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex');
}

/**
 * The per-user cache folder: `$XDG_CACHE_HOME/spdf-workbench` (an absolute XDG_CACHE_HOME only, as the XDG
 * spec says) or `~/.cache/spdf-workbench` on Linux and other Unixes, `~/Library/Caches/spdf-workbench` on
 * macOS, `%LOCALAPPDATA%\spdf-workbench\Cache` on Windows.
 */
export function userCacheBase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA && win32.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : win32.join(home, 'AppData', 'Local');
    return win32.join(local, APP_DIR, 'Cache');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Caches', APP_DIR);
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), APP_DIR);
}

/**
 * Where the caches of the workspace at `root` live: `cacheLocation` when given (as ESLint's and Prettier's
 * `--cache-location`), else a folder of the user cache named by a hash of the root's real path. Undefined (no
 * cache) when that folder lies inside the workspace, so a cache committed to a repository is never read.
 */
export function workspaceCacheDir(root: string, cacheLocation?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let dir: string;
  if (cacheLocation) dir = resolve(cacheLocation);
  else {
    let real: string;
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    dir = join(userCacheBase(env), 'workspaces', sha256Hex(real).slice(0, 32));
  }
  return cacheLocationInside(dir, [root]) ? undefined : dir;
}

/**
 * The workspace folder (of `roots`, each taken to the workspace root that holds it) that a `--cache-location` lies in,
 * through symbolic links, else undefined. A cache there could have come with the repository, and an entry planted in
 * it, keyed by hashes anyone can compute, would be read as an answer: no cache is used from such a folder.
 */
export function cacheLocationInside(cacheLocation: string, roots: readonly string[]): string | undefined {
  const location = realOrResolved(cacheLocation);
  for (const start of roots) {
    const root = realOrResolved(findWorkspaceRoot(start));
    if (isInside(root, location)) return root;
  }
  return undefined;
}

export const CACHE_INSIDE_WORKSPACE = 'the cache location is inside the workspace, where a cache could have come with the repository: no cache is read or written there';

let identity: string | null | undefined;

/**
 * This build of the tool: its version plus the SHA-256 of the running module's file (the whole bundle in
 * dist/), so a cache written by any other build, even one with the same version, never matches. Undefined
 * when the file cannot be read: callers then use no cache.
 */
export function toolIdentity(): string | undefined {
  if (identity === undefined) {
    try {
      identity = `${packageName}@${packageVersion}+${(compiledBundleDigest(__filename) ?? sha256Hex(readFileSync(__filename))).slice(0, 32)}`;
    } catch {
      identity = null;
    }
  }
  return identity ?? undefined;
}

/** SHA-256 (hex) of the bytes each bundle was compiled from by `requireBundle` (code-cache.ts), shared by the bundles. */
const COMPILED_BUNDLES = Symbol.for('spdf-workbench/compiled-bundles/1');

function compiledBundles(): Map<string, string> {
  const holder = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (holder[COMPILED_BUNDLES] ??= new Map<string, string>());
}

/** Notes that the bundle at `file` runs compiled from bytes with this SHA-256: its own `toolIdentity` need not read it again. */
export function noteCompiledBundle(file: string, digest: string): void {
  compiledBundles().set(file, digest);
}

function compiledBundleDigest(file: string): string | undefined {
  return compiledBundles().get(file);
}
