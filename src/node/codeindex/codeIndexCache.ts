import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeFileIndex } from '../../core/codelinks/model';

/** Bump when CodeFileIndex, the indexing rules or this file's layout change, so stale caches are dropped. */
export const CODE_INDEX_FORMAT = 3;
export const CACHE_DIR = '.spdf-cache';
const CACHE_FILE = 'codelinks.json';
/** Entries whose file changed this close to the cache write are trusted by content hash only (see below). */
const RACY_MS = 2000;

/** What the file looked like when it was indexed: size and mtime (ms, fractional where the OS gives ns). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** One file: [stamp size, stamp mtimeMs, content hash, prefilter found tags (1/0), index or 0 when not parsed]. */
type CacheEntry = [number, number, string, number, CodeFileIndex | 0];

interface CacheData {
  format: number;
  optionsKey: string;
  /** Date.now() when the cache was written. */
  savedAt: number;
  files: Record<string, CacheEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function optionsKey(options: unknown): string {
  return createHash('sha1').update(JSON.stringify({ format: CODE_INDEX_FORMAT, options })).digest('hex');
}

/** A cache answer: whether the prefilter found tags, and the file's index when it was parsed. */
export interface CachedEntry {
  tagged: boolean;
  index?: CodeFileIndex;
}

function view(entry: CacheEntry): CachedEntry {
  return entry[4] ? { tagged: entry[3] === 1, index: entry[4] } : { tagged: entry[3] === 1 };
}

/**
 * Indexed files keyed by path, in `<root>/.spdf-cache/codelinks.json`. A different options key (syntaxes,
 * language map, test globs, format) invalidates everything. Saving keeps only the entries used in this run,
 * so deleted files drop out, and is skipped when nothing changed.
 *
 * Invariant for `byStamp`: a file whose size and mtime equal the recorded ones is taken to hold the content
 * it was indexed from, without reading it (the rule git's index and make rely on). A write that keeps both
 * (same size within the file system's mtime resolution) can only go unseen if it happened in the same clock
 * tick as the indexing read; entries whose mtime lies within RACY_MS of the cache write are therefore never
 * trusted by stamp, only by content hash (`byHash`), like git's "racily clean" entries. Tools that restore
 * mtimes (some archive extractors, `touch -r`) defeat stamps; `spdf lint --no-cache` always re-reads.
 */
export class CodeIndexCache {
  private readonly fresh: Record<string, CacheEntry> = {};
  private dirty: boolean;

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly old: Record<string, CacheEntry>,
    private readonly savedAt: number,
  ) {
    this.dirty = Object.keys(old).length === 0;
  }

  static async load(dir: string, key: string): Promise<CodeIndexCache> {
    try {
      const data = JSON.parse(await fs.readFile(path.join(dir, CACHE_FILE), 'utf8')) as CacheData;
      if (data.format === CODE_INDEX_FORMAT && data.optionsKey === key && data.files && typeof data.files === 'object' && typeof data.savedAt === 'number') {
        return new CodeIndexCache(dir, key, data.files, data.savedAt);
      }
    } catch {
      // No cache or an unreadable one: start empty.
    }
    return new CodeIndexCache(dir, key, {}, 0);
  }

  /** The entry of an unchanged file by size and mtime alone (see the invariant), or undefined. */
  byStamp(file: string, stamp: FileStamp): CachedEntry | undefined {
    const entry = this.old[file];
    if (!entry || entry[0] !== stamp.size || entry[1] !== stamp.mtimeMs) return undefined;
    if (stamp.mtimeMs >= this.savedAt - RACY_MS) return undefined;
    this.fresh[file] = entry;
    return view(entry);
  }

  /** The entry of a file whose content hash matches, or undefined. */
  byHash(file: string, hash: string, stamp: FileStamp | undefined): CachedEntry | undefined {
    const entry = this.old[file];
    if (!entry || entry[2] !== hash) return undefined;
    const kept: CacheEntry = stamp ? [stamp.size, stamp.mtimeMs, hash, entry[3], entry[4]] : entry;
    // A new stamp, or one that was too recent to trust at the last write: record it so the next run can use it.
    if (kept[0] !== entry[0] || kept[1] !== entry[1] || kept[1] >= this.savedAt - RACY_MS) this.dirty = true;
    this.fresh[file] = kept;
    return view(entry);
  }

  /** Records a file: whether the prefilter found tags, and its index when it was parsed. */
  set(file: string, hash: string, stamp: FileStamp | undefined, tagged: boolean, index: CodeFileIndex | null): void {
    this.fresh[file] = [stamp?.size ?? -1, stamp?.mtimeMs ?? -1, hash, tagged ? 1 : 0, index ?? 0];
    this.dirty = true;
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  async save(): Promise<boolean> {
    if (!this.dirty && Object.keys(this.fresh).length === Object.keys(this.old).length) return true;
    const data: CacheData = { format: CODE_INDEX_FORMAT, optionsKey: this.key, savedAt: Date.now(), files: this.fresh };
    const target = path.join(this.dir, CACHE_FILE);
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(temp, JSON.stringify(data));
      await fs.rename(temp, target);
      return true;
    } catch {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      return false;
    }
  }
}
