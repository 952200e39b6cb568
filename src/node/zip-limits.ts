// @spdf implements SPDF-IMPORT-XLSX-LIMITS
import { inflateRawSync } from 'node:zlib';

/** What a workbook may hold before it is loaded whole into memory (exceljs reads every part at once). */
export interface ZipLimits {
  /** Bytes of the file itself. */
  maxFileBytes: number;
  /** Bytes of every entry once inflated, added up. */
  maxUncompressedBytes: number;
  /** Files in the archive. */
  maxEntries: number;
  /** Inflated / compressed size of the whole archive, checked once it inflates to more than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;
export const XLSX_LIMITS: ZipLimits = { maxFileBytes: 50 * MiB, maxUncompressedBytes: 200 * MiB, maxEntries: 10_000, maxRatio: 100, ratioFloorBytes: 10 * MiB };

const size = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${n} bytes`);

/** Checked before the file is read at all. */
export const fileSizeProblem = (bytes: number, limits: ZipLimits = XLSX_LIMITS): string | undefined =>
  bytes > limits.maxFileBytes ? `the file is ${size(bytes)}, over the limit of ${size(limits.maxFileBytes)}` : undefined;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The End Of Central Directory record: searched backwards, past a comment of up to 64 KiB. */
function findEocd(b: Buffer): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (b.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

const big = (b: Buffer, at: number) => {
  const v = b.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
};

/** The central directory's entries, or why it cannot be read; ZIP64 records and extra fields are followed. */
function centralDirectory(b: Buffer): Entry[] | string {
  const eocd = findEocd(b);
  if (eocd < 0) return 'not a ZIP archive (no end of central directory record)';
  let count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && b.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = big(b, eocd - 12);
    if (z + 56 > b.length || b.readUInt32LE(z) !== 0x06064b50) return 'damaged ZIP64 end of central directory record';
    count = big(b, z + 32);
    offset = big(b, z + 48);
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return `damaged central directory (entry ${i + 1} of ${count})`;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const e: Entry = {
      name: b.toString('utf8', p + 46, Math.min(b.length, p + 46 + nameLen)),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      uncompressed: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    };
    for (let x = p + 46 + nameLen; x + 4 <= Math.min(b.length, p + 46 + nameLen + extraLen);) {
      const id = b.readUInt16LE(x);
      const len = b.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const take = () => (f + 8 <= x + 4 + len && f + 8 <= b.length ? ((f += 8), big(b, f - 8)) : undefined);
        if (e.uncompressed === 0xffffffff) e.uncompressed = take() ?? e.uncompressed;
        if (e.compressed === 0xffffffff) e.compressed = take() ?? e.compressed;
        if (e.localOffset === 0xffffffff) e.localOffset = take() ?? e.localOffset;
      }
      x += 4 + len;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** Why a workbook is refused: not readable as a ZIP archive, or over a limit. */
export interface ZipProblem {
  reason: string;
  unreadable: boolean;
}

/**
 * Why a workbook must not be loaded, or undefined when it is within `limits`. The central directory's
 * sizes, entry count and compression ratio are checked first; then every entry is inflated with its
 * declared size as the cap, so an archive whose directory understates what it inflates to is refused too
 * (exceljs would trust it). Nothing here holds more than one entry inflated at a time.
 */
export function zipLimitProblem(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipProblem | undefined {
  const tooBig = fileSizeProblem(bytes.length, limits);
  if (tooBig) return { reason: tooBig, unreadable: false };
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const entries = centralDirectory(b);
  if (typeof entries === 'string') return { reason: entries, unreadable: true };
  const over = overLimit(b, entries, limits);
  return over ? { reason: over, unreadable: false } : undefined;
}

function overLimit(b: Buffer, entries: Entry[], limits: ZipLimits): string | undefined {
  if (entries.length > limits.maxEntries) return `the archive holds ${entries.length} files, over the limit of ${limits.maxEntries}`;
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > limits.maxUncompressedBytes) return `the archive inflates to ${size(total)}, over the limit of ${size(limits.maxUncompressedBytes)} (a zip bomb or an oversized workbook)`;
  const packed = Math.max(
    1,
    entries.reduce((s, e) => s + e.compressed, 0),
  );
  if (total > limits.ratioFloorBytes && total / packed > limits.maxRatio)
    return `the archive inflates ${Math.round(total / packed)} times its compressed size, over the limit of ${limits.maxRatio} (a zip bomb)`;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.uncompressed === 0) continue;
    if (e.method !== 0 && e.method !== 8) return `entry '${e.name}' uses compression method ${e.method}; only stored and deflated entries are read`;
    const at = e.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) return `entry '${e.name}': damaged local header`;
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const data = b.subarray(start, Math.min(b.length, start + e.compressed));
    if (e.method === 0) {
      if (data.length !== e.uncompressed) return `entry '${e.name}' is ${data.length} bytes, not the ${e.uncompressed} its directory declares`;
      continue;
    }
    let inflated: number;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed + 1) }).length;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return `entry '${e.name}' inflates beyond the ${size(e.uncompressed)} its directory declares (a zip bomb)`;
      return `entry '${e.name}' cannot be inflated (${err instanceof Error ? err.message : String(err)})`;
    }
    if (inflated !== e.uncompressed) return `entry '${e.name}' inflates to ${size(inflated)}, not the ${size(e.uncompressed)} its directory declares`;
  }
  return undefined;
}
