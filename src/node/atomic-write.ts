import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * The one way the Node hosts replace a file (exports, the review lock, `lint --fix`): write a temporary file in
 * the target's folder, flush it to disk, then rename it over the target, so a reader sees the old or the new
 * content, never half of one. The temporary file is removed when the write fails and when the process is
 * interrupted (SIGINT, SIGTERM) or exits before the rename. A symlinked target is written through its link;
 * an existing target keeps its permission bits.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const real = await fs.realpath(target).catch(() => target);
  const mode = await fs.stat(real).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  const temp = tempPathFor(real);
  inFlight.add(temp);
  hook();
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
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
