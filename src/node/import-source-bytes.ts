// @spdf implements SPDF-IMPORT-SOURCE-LIMITS
import { constants, promises as fs } from 'node:fs';
import { decodeUtf8 } from '../core/text';

/** The most an import source (a named input, an included file, a columns file) may hold: the workbook limit. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`);
const tooBig = (n: number, max: number) => `the file is ${size(n)}, over the limit of ${size(max)}`;
const grewTooBig = (max: number) => `the file grew over the limit of ${size(max)} while it was read`;

/** Why a source was not read; `refused` when it was not opened for reading at all (its type or size). */
export interface Unread {
  error: string;
  refused?: true;
  /** The error code when the file could not be opened (ENOENT: there is none). */
  code?: string;
}

/**
 * The bytes of an import source, or why it was not read: anything but a regular file (a FIFO, a device such as
 * /dev/zero, also through a link) is refused before a byte is read (it is opened without blocking), and so is a
 * file over `maxBytes`; never more than `maxBytes + 1` bytes are read, however the file grows meanwhile.
 */
export async function readImportBytes(path: string, maxBytes = IMPORT_MAX_BYTES): Promise<Buffer | Unread> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => e);
  if (handle instanceof Error) return { error: `cannot read (${handle.code ?? handle.message})`, ...(handle.code ? { code: handle.code } : {}) };
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { error: 'not a regular file', refused: true };
    if (stat.size > maxBytes) return { error: tooBig(stat.size, maxBytes), refused: true };
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, n, buffer.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buffer.length) {
        if (n > maxBytes) return { error: grewTooBig(maxBytes), refused: true };
        return await readGrown(handle, buffer, n, maxBytes);
      }
    }
    return buffer.subarray(0, n);
  } catch (e) {
    return { error: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    await handle.close();
  }
}

/** The rest of a file that grew past its size while it was read, up to one byte over the limit. */
async function readGrown(handle: fs.FileHandle, start: Buffer, n: number, maxBytes: number): Promise<Buffer | Unread> {
  const buffer = Buffer.alloc(maxBytes + 1);
  start.copy(buffer, 0, 0, n);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, n, buffer.length - n, n);
    if (bytesRead === 0) return buffer.subarray(0, n);
    n += bytesRead;
    if (n > maxBytes) return { error: grewTooBig(maxBytes), refused: true };
  }
}

/** The text of an import source as strict UTF-8 (a byte order mark kept for the caller to drop), or why it was not read. */
export async function readImportText(path: string, maxBytes = IMPORT_MAX_BYTES): Promise<{ text: string } | Unread> {
  const bytes = await readImportBytes(path, maxBytes);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const decoded = decodeUtf8(bytes);
  return 'error' in decoded ? { error: decoded.error.replace(/; it is not a YAML text file$/, '; it is not a text file') } : decoded;
}
