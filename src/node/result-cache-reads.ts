// @spdf implements SPDF-FC-RESULT-CACHE
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { boundedReads, type BoundedBytes } from './bounded-read';
import { sha256Hex } from './cache-location';

// The reading functions the whole-result cache records (result-cache-recorder.ts) and replays, and how the answer of
// each is digested: two reads answer the same exactly when their digests are equal.

export type AnyFn = (...args: unknown[]) => unknown;

export const errorDigest = (e: unknown) => `E:${String((e as NodeJS.ErrnoException)?.code ?? '')}:${String((e as Error)?.message ?? e)}`;

function statDigest(s: fs.Stats | undefined): string {
  if (!s) return 'none';
  const type = s.isFile() ? 'f' : s.isDirectory() ? 'd' : s.isSymbolicLink() ? 'l' : 'o';
  return `${type}:${s.size}:${s.mtimeMs}:${s.mode}`;
}

function listDigest(entries: unknown): string {
  if (!Array.isArray(entries)) return sha256Hex(JSON.stringify(entries));
  const named = entries.map((e: unknown) => (e instanceof fs.Dirent ? `${e.name}\0${e.isFile() ? 'f' : e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : 'o'}` : String(e)));
  return sha256Hex(named.join('\n'));
}

const bytesDigest = (v: unknown) => (typeof v === 'string' || v instanceof Uint8Array ? sha256Hex(v) : sha256Hex(JSON.stringify(v)));
export const stringDigest = (v: unknown) => `=${String(v)}`;
/** The bytes' SHA-256 (hex), or a size over the limit in a form no SHA-256 takes. */
export const boundedDigest = (v: unknown) => (v instanceof Uint8Array ? sha256Hex(v) : `over:${(v as Exclude<BoundedBytes, Buffer>).size}`);
const childDigest = (v: unknown) => {
  if (v && typeof v === 'object' && 'status' in v) {
    const r = v as childProcess.SpawnSyncReturns<string | Buffer>;
    return `${r.status}:${r.signal}:${bytesDigest(r.stdout ?? '')}:${bytesDigest(r.stderr ?? '')}:${r.error ? errorDigest(r.error) : ''}`;
  }
  return bytesDigest(v ?? '');
};

/** The reading functions recorded, by name, with how their answer is digested; `sync` ones return, the others resolve. */
export const RECORDED: Record<string, { digest: (v: unknown) => string; module: ReadModule }> = {
  readFileSync: { digest: bytesDigest, module: 'fs' },
  readFileUpToSync: { digest: boundedDigest, module: 'bounded' },
  readFilePrefixSync: { digest: bytesDigest, module: 'bounded' },
  statSync: { digest: (v) => statDigest(v as fs.Stats | undefined), module: 'fs' },
  lstatSync: { digest: (v) => statDigest(v as fs.Stats | undefined), module: 'fs' },
  existsSync: { digest: stringDigest, module: 'fs' },
  readdirSync: { digest: listDigest, module: 'fs' },
  realpathSync: { digest: stringDigest, module: 'fs' },
  readlinkSync: { digest: stringDigest, module: 'fs' },
  readFile: { digest: bytesDigest, module: 'fsp' },
  stat: { digest: (v) => statDigest(v as fs.Stats), module: 'fsp' },
  lstat: { digest: (v) => statDigest(v as fs.Stats), module: 'fsp' },
  readdir: { digest: listDigest, module: 'fsp' },
  realpath: { digest: stringDigest, module: 'fsp' },
  readlink: { digest: stringDigest, module: 'fsp' },
  access: { digest: stringDigest, module: 'fsp' },
  execFileSync: { digest: childDigest, module: 'cp' },
  spawnSync: { digest: childDigest, module: 'cp' },
  execSync: { digest: childDigest, module: 'cp' },
};

/** Node's modules, and the bounded reads the bundles share (bounded-read.ts). */
export type ReadModule = 'fs' | 'fsp' | 'cp' | 'bounded';

export function moduleOf(kind: ReadModule): Record<string, AnyFn> {
  return (kind === 'fs' ? fs : kind === 'fsp' ? fs.promises : kind === 'cp' ? childProcess : boundedReads()) as unknown as Record<string, AnyFn>;
}
