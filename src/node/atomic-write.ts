// @spdf implements SPDF-FC-WRITE
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { refuseLinkOutside } from './path-inside';

export interface AtomicWriteOptions {
  /** Permission bits of the new file (default: those of the file replaced, else the process default). */
  mode?: number;
  /**
   * The data carries its own seal (a digest its reader checks: sealed-bytes.ts, the code-index shards' first line),
   * so it is not flushed to disk before the rename: a file a crash left incomplete fails its seal and reads as a miss,
   * and the caches written at the end of every run do not wait for the disk. Only for caches, never for user files.
   */
  sealed?: boolean;
}

/** Temporary files of writes in flight; removed if the process is interrupted or exits before the rename. */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function removeInFlight(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeInFlight();
  unhook();
  // With no other listener, the default action (terminate) must still happen: raise the signal again.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function hook(): void {
  if (inFlight.size !== 1) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeInFlight);
}

function unhook(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeInFlight);
}

/** Name of the temporary file for `target`: hidden, beside it (same file system, so the rename is atomic). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.spdf-tmp`);
}

/** A rename would replace a read-only file silently (it needs no write permission on the file): refused as a plain write would be. */
function refuseReadOnly(real: string, mode: number | undefined): void {
  if (mode !== undefined && (mode & 0o222) === 0)
    throw Object.assign(new Error(`${real} is read-only; not replaced (make it writable to let spdf write it)`), { code: 'EACCES', syscall: 'open', path: real });
}

/**
 * The one way the Node hosts replace a file (exports, the review lock, `lint --fix`, the model and code-index
 * caches): write a temporary file in the target's folder, flush it to disk (not a sealed cache: `sealed`), then rename it over the target, so
 * a reader sees the old or the new content, never half of one. The temporary file is removed when the write
 * fails and when the process is interrupted (SIGINT, SIGTERM) or exits before the rename. A symlinked target
 * is written through its link, unless `inside` names the workspace it lies in and the link leads out of it
 * (LinkOutsideError); an existing target keeps its permission bits unless `mode` sets them, and a read-only one is
 * not replaced (EACCES).
 * (`spdf init` alone writes with an exclusive create instead: it makes new files and must never replace one.)
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string>, opts: AtomicWriteOptions & { inside?: string } = {}): Promise<void> {
  if (opts.inside !== undefined) refuseLinkOutside(opts.inside, target);
  const real = await fs.realpath(target).catch(() => target);
  const stat = await fs.stat(real).catch(() => undefined);
  if (stat && !stat.isFile() && !stat.isDirectory()) return writeInPlace(target, data);
  const existing = stat && stat.mode & 0o7777;
  refuseReadOnly(real, existing);
  const mode = opts.mode ?? existing;
  const temp = tempPathFor(real);
  inFlight.add(temp);
  hook();
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      if (mode !== undefined) await handle.chmod(mode);
      // Pieces (a report rendered as it is written) go one after the other from the handle's position.
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else for (const piece of data) await handle.writeFile(piece);
      if (!opts.sealed) await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, real);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
    if (inFlight.size === 0) unhook();
  }
}

/**
 * A device, FIFO or socket (`-o /dev/stdout`, a pipe) is written into, not renamed over: a rename would replace the
 * device node (or the link to it) with a file and the data would never reach it. Its write errors (ENOSPC of
 * `/dev/full`, EPIPE) reach the caller.
 */
async function writeInPlace(target: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const handle = await fs.open(target, 'w');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for (const piece of data) await handle.writeFile(piece);
  } finally {
    await handle.close();
  }
}

/**
 * `writeFileAtomic` for a caller that must be done before it returns (the findings cache is saved inside the
 * synchronous end of a check). Nothing can interrupt a synchronous write between its steps, so it needs no
 * signal hooks.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  let real = target;
  try {
    real = realpathSync(target);
  } catch {
    // A new file: written where it was named.
  }
  let existing: number | undefined;
  try {
    existing = statSync(real).mode & 0o7777;
  } catch {
    // A new file: the process default.
  }
  refuseReadOnly(real, existing);
  const mode = opts.mode ?? existing;
  const temp = tempPathFor(real);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      writeFileSync(fd, data);
      if (!opts.sealed) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, real);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
