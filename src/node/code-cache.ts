// @spdf implements SPDF-FC-CACHE
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { writeFileAtomicSync } from './atomic-write';
import { noteCompiledBundle, sha256Hex, userCacheBase } from './cache-location';
import { sealBytes, unsealBytes } from './sealed-bytes';

const CODE_CACHE_FORMAT = 1;
const MAGIC = Buffer.from(`spdf-code-cache/${CODE_CACHE_FORMAT}\n`);
/** Entries kept (one per bundle of each build of the tool and Node version used lately); the oldest by last write go first. */
export const MAX_CODE_CACHE_ENTRIES = 8;

/**
 * The commands that have a bundle of their own beside `dist/cli.js` (scripts/build.mjs), holding only the modules
 * they use; every other command runs from `dist/cli-main.js`. The whole-result cache hashes the bundle a command
 * loads into its key (result-cache.ts), so both must ask this one table.
 */
const COMMAND_BUNDLES: Readonly<Record<string, string>> = { links: 'cli-links.js', check: 'cli-check.js' };

/** The file name (in `dist/`) of the bundle that runs `command`. */
export function commandBundle(command: string | undefined): string {
  return command !== undefined && Object.hasOwn(COMMAND_BUNDLES, command) ? COMMAND_BUNDLES[command] : 'cli-main.js';
}

/**
 * V8's compiled code of the tool's own bundles. It stands for the tool, not for a workspace, so it lives in the
 * per-user cache folder whatever `--cache-location` says, and is never written inside a workspace.
 */
export function codeCacheDir(): string | undefined {
  try {
    return join(userCacheBase(), `code-v${CODE_CACHE_FORMAT}`);
  } catch {
    // No home folder to be found (no HOME and no user entry): no code cache, the bundle is compiled from its text.
    return undefined;
  }
}

/** The entry of a bundle: named by the SHA-256 of its bytes, the Node version and the architecture. */
export function codeCacheEntry(dir: string, bundleDigest: Buffer): string {
  return join(dir, `${bundleDigest.toString('hex').slice(0, 40)}-${process.version}-${process.arch}.bin`);
}

export interface LoadedBundle {
  exports: unknown;
  /** Whether V8 took the stored code (else the bundle was compiled from its text). */
  fromCache: boolean;
  /** Stores V8's code for the bundle when none was used; call it after the work, so the functions it compiled are in. */
  save: () => void;
}

/**
 * `require(file)` for a CommonJS bundle, compiled with the code V8 made for the same bundle before: the entry is
 * named by the SHA-256 of the bundle's bytes (and the Node version), holds that SHA-256 again and is sealed with the
 * SHA-256 of its content (a damaged, partial or misplaced entry is a miss); V8 itself checks only the text's length,
 * and rejects code made by another V8 or with other flags. The code cache
 * changes no result: it holds the compiled form of exactly these bytes, and on any doubt the bundle is compiled from
 * its text. The bundle must not call `import()`: a script compiled this way has no module loader for it (Node).
 */
export function requireBundle(file: string, dir: string | undefined = codeCacheDir()): LoadedBundle {
  const read = takeToolFile(file);
  const bytes = read?.bytes ?? readFileSync(file);
  const hex = read?.digest ?? sha256Hex(bytes);
  const digest = Buffer.from(hex, 'hex');
  noteCompiledBundle(file, hex);
  const entry = dir === undefined ? undefined : codeCacheEntry(dir, digest);
  let cachedData: Buffer | undefined;
  try {
    const payload = entry === undefined ? undefined : unsealBytes(MAGIC, readFileSync(entry));
    // The entry names its bundle inside too: a file copied or renamed to this name is a miss.
    if (payload?.subarray(0, digest.length).equals(digest)) cachedData = payload.subarray(digest.length);
  } catch {
    // No entry yet.
  }
  // esbuild writes ASCII (only comments may hold other characters): decoded as Latin-1 it is the same text, made
  // without UTF-8 decoding and kept by V8 one byte per character.
  const script = new vm.Script(Module.wrap(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')), { filename: file, cachedData });
  const module = new Module(file, undefined);
  module.filename = file;
  const req = Module.createRequire(file);
  req.cache[file] = module;
  const wrapper = script.runInThisContext({ displayErrors: true }) as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, req, module, file, dirname(file));
  module.loaded = true;
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  return { exports: module.exports, fromCache, save: () => (fromCache || dir === undefined || entry === undefined ? undefined : store(dir, entry, digest, script)) };
}

/** Best effort: a code cache that cannot be written only costs compile time on the next start. */
function store(dir: string, entry: string, digest: Buffer, script: vm.Script): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomicSync(entry, sealBytes(MAGIC, Buffer.concat([digest, script.createCachedData()])), { mode: 0o600, sealed: true });
    const old = readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => ({ path: join(dir, f), time: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const e of old.slice(MAX_CODE_CACHE_ENTRIES)) rmSync(e.path, { force: true });
  } catch {
    /* the next start compiles from the text */
  }
}

/** Tool files read and hashed for the result cache's key (result-cache.ts), kept until the bundle among them is compiled. */
const readToolFiles = new Map<string, { bytes: Buffer; digest: string }>();

/** Reads one of the tool's own files and its SHA-256 (hex); `requireBundle` then compiles exactly these bytes, unread again. */
export function readToolFile(file: string): { bytes: Buffer; digest: string } {
  const bytes = readFileSync(file);
  const read = { bytes, digest: sha256Hex(bytes) };
  readToolFiles.set(file, read);
  return read;
}

function takeToolFile(file: string): { bytes: Buffer; digest: string } | undefined {
  const read = readToolFiles.get(file);
  readToolFiles.delete(file);
  return read;
}
