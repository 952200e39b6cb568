// @spdf implements SPDF-FC-RESULT-CACHE
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** What a bounded read saw: the file's bytes, or only its size when that is over the limit. */
export type BoundedBytes = Buffer | { size: number };

export interface BoundedReads {
  /**
   * The bytes of the file at `path` when it holds at most `maxBytes`, else `{ size }` (never more than `maxBytes + 1`
   * bytes are read, however large the file or however it grows meanwhile): one open, the reads, one close, and an
   * fstat only for a file that fills the scratch buffer; a stat before a whole read would look the path up twice. The Buffer is a view of a scratch buffer that the
   * next call overwrites: copy or decode what you keep before the next read (or any `await`). Throws as `readFileSync`.
   */
  readFileUpToSync(path: string, maxBytes: number): BoundedBytes;
  /**
   * The first `bytes` bytes of the file at `path` (fewer when it is shorter), in a Buffer of its own: to tell what a
   * file is by its start (a script's `#!`) without reading it whole. Throws as `readFileSync`.
   */
  readFilePrefixSync(path: string, bytes: number): Buffer;
}

let scratch = Buffer.allocUnsafeSlow(64 * 1024);

function readFileUpToSync(path: string, maxBytes: number): BoundedBytes {
  const fd = openSync(path, 'r');
  try {
    // A file that ends within the scratch buffer (most source files) is read to its end with no fstat: a read that
    // returns 0 costs less than the Stats object fstatSync builds. A file that fills it is asked its size.
    const first = Math.min(scratch.length, maxBytes + 1);
    let n = 0;
    while (n < first) {
      const read = readSync(fd, scratch, n, first - n, null);
      if (read === 0) return scratch.subarray(0, n);
      n += read;
    }
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { size };
    // As readFileSync: a file with a size is read up to it; one without (a pseudo-file) up to its end, and here up to
    // one byte over the limit, which tells it is over.
    const end = size > 0 ? size : maxBytes + 1;
    if (size > scratch.length) grow(n, size);
    while (n < end) {
      if (n === scratch.length) grow(n, Math.min(end, n * 2));
      const read = readSync(fd, scratch, n, Math.min(scratch.length, end) - n, null);
      if (read === 0) break;
      n += read;
    }
    return n > maxBytes ? { size: n } : scratch.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function readFilePrefixSync(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const prefix = Buffer.alloc(bytes);
    let n = 0;
    while (n < bytes) {
      const read = readSync(fd, prefix, n, bytes - n, null);
      if (read === 0) break;
      n += read;
    }
    return n < bytes ? prefix.subarray(0, n) : prefix;
  } finally {
    closeSync(fd);
  }
}

/** A scratch buffer of `length` bytes holding the first `keep` bytes of the current one. */
function grow(keep: number, length: number): void {
  const bigger = Buffer.allocUnsafeSlow(length);
  scratch.copy(bigger, 0, 0, keep);
  scratch = bigger;
}

/**
 * The one instance per process, shared by the bundles (dist/cli.js records reads, dist/cli-main.js makes them): the
 * whole-result cache's recorder (result-cache-recorder.ts) wraps its functions while a command runs, as it wraps
 * `fs.readFileSync`, so a read through it is an input like any other. Call it as `boundedReads().readFileUpToSync(...)`.
 */
const SHARED = Symbol.for('spdf-workbench/bounded-reads/1');

export function boundedReads(): BoundedReads {
  const holder = globalThis as unknown as Record<symbol, BoundedReads | undefined>;
  return (holder[SHARED] ??= { readFileUpToSync, readFilePrefixSync });
}
