// @spdf implements SPDF-FC-SYMLINK
import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';

/** Why a FIFO, socket or device was not read, in the words the workspace walk notes them. */
export const NOT_REGULAR = 'not a regular file (a FIFO, socket or device); not read';

const refuseSpecial = (stat: Stats): void => {
  if (!stat.isFile() && !stat.isDirectory()) throw Object.assign(new Error(NOT_REGULAR), { code: 'ENOTREG' });
};

/**
 * The bytes of a file that must be a regular file (the review lock, a baseline, a `.gitignore`, a file the listing did
 * not hold): a FIFO, socket or device (also through a symbolic link) is refused before it is opened, since reading a
 * FIFO waits for a writer forever and a device may never end. Rejects as `fs.readFile` does (ENOENT, EISDIR ...), and
 * with code ENOTREG and the message `NOT_REGULAR` for those. Only `stat` and `readFile`: a recorded run of the result
 * cache (result-cache-recorder.ts) records both.
 */
export async function readRegularFile(abs: string): Promise<Buffer> {
  refuseSpecial(await fs.stat(abs));
  return fs.readFile(abs);
}

/** `readRegularFile`, synchronous (`statSync`, `readFileSync`). */
export function readRegularFileSync(abs: string): Buffer {
  refuseSpecial(statSync(abs));
  return readFileSync(abs);
}
