import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { writeFileAtomic } from '../atomic-write';
import { sha256Hex, toolIdentity } from '../cache-location';
import { type CompactIndex, packIndex, unpackIndex } from './compact-index';
import { withWatchedPositions } from './watched-index';

/** Bump when this file's layout changes (the tool identity in the options key covers any change of the code). */
export const CODE_INDEX_FORMAT = 7;
/** A folder of shard files, so that one changed source file rewrites one shard, not the index of every file. */
export const CODE_INDEX_CACHE_DIR = `codelinks-v${CODE_INDEX_FORMAT}`;
export const CODE_INDEX_SHARDS = 32;

/** One file: [SHA-256 of the bytes indexed, prefilter found tags (1/0), index (packed, compact-index.ts) or 0 when not parsed]. */
type CacheEntry = [string, number, CompactIndex | CodeFileIndex | 0];

interface CacheData {
  format: number;
  optionsKey: string;
  files: Record<string, CacheEntry>;
}

/** An entry's index (0: not parsed), or undefined when it cannot be read back (a miss). */
function unpacked(stored: CacheEntry[2]): CodeFileIndex | 0 | undefined {
  // A short run's in-thread index is stored as it is: while the result cache records, it too is handed out watched.
  if (!Array.isArray(stored)) return stored && withWatchedPositions(stored);
  try {
    return unpackIndex(stored);
  } catch {
    return undefined;
  }
}

/** The shard that holds a source file's entry: a function of its path only. */
export function shardOf(file: string): number {
  return parseInt(sha256Hex(file).slice(0, 8), 16) % CODE_INDEX_SHARDS;
}

const shardFile = (dir: string, shard: number) => path.join(dir, CODE_INDEX_CACHE_DIR, `${String(shard).padStart(2, '0')}.json`);

/** The entries of one intact shard written for this options key, else none. */
async function readShard(dir: string, shard: number, key: string): Promise<Record<string, CacheEntry>> {
  try {
    const raw = await fs.readFile(shardFile(dir, shard), 'utf8');
    const newline = raw.indexOf('\n');
    const body = raw.slice(newline + 1);
    if (newline === 64 && raw.slice(0, newline) === sha256Hex(body)) {
      const data = JSON.parse(body) as CacheData;
      if (data.format === CODE_INDEX_FORMAT && data.optionsKey === key && data.files && typeof data.files === 'object') {
        return Object.fromEntries(Object.entries(data.files).filter(([file]) => shardOf(file) === shard));
      }
    }
  } catch {
    // No shard or an unreadable one: its files are misses.
  }
  return {};
}

export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

/** The options and the build of the tool an index depends on; undefined when the build is unknown (no cache). */
export function optionsKey(options: unknown): string | undefined {
  const tool = toolIdentity();
  return tool && sha256Hex(JSON.stringify({ format: CODE_INDEX_FORMAT, tool, options }));
}

/** One shard of a cache (`CodeIndexCache.shardHolding`); files of other shards are not in it. */
export interface ShardView {
  get(file: string, hash: string): CachedEntry | undefined;
  put(file: string, hash: string, index: CodeFileIndex): Promise<void>;
}

/** A cache answer: whether the prefilter found tags, and the file's index when it was parsed. */
export interface CachedEntry {
  tagged: boolean;
  index?: CodeFileIndex;
}

/**
 * Indexed files keyed by path, in `<cache dir>/codelinks-v6/NN.json` (a cache folder outside the workspace, see
 * cache-location.ts), sharded by a hash of the path. A cache must never change a result, so an entry answers
 * only for a file whose bytes, read in this run, have the SHA-256 it was indexed from; size and mtime are never
 * taken for content. A different options key (syntaxes, language map, test globs, format, build of the tool)
 * invalidates everything; a shard whose first line is not the SHA-256 of the rest is ignored, and so is an
 * entry found in a shard its path does not hash to. Saving keeps only the entries used in this run, so deleted
 * files drop out, and rewrites only the shards whose entries changed.
 */
export class CodeIndexCache {
  private readonly fresh = Object.create(null) as Record<string, CacheEntry>;
  private readonly dirtyShards = new Set<number>();

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly old: Record<string, CacheEntry>,
    /** Entries read per shard, to notice entries dropped by this run. */
    private readonly oldCounts: number[],
  ) {}

  /** Whether `dir` holds a cache folder of this format (it may still answer nothing). */
  static exists(dir: string): boolean {
    return existsSync(path.join(dir, CODE_INDEX_CACHE_DIR));
  }

  /** The cache in `dir` for this options key; undefined when no key can be made (then nothing is cached). */
  static async load(dir: string, key: string | undefined): Promise<CodeIndexCache | undefined> {
    if (!key) return undefined;
    const shards = await Promise.all(Array.from({ length: CODE_INDEX_SHARDS }, (_, shard) => readShard(dir, shard, key)));
    const all = Object.create(null) as Record<string, CacheEntry>;
    for (const entries of shards) Object.assign(all, entries);
    return new CodeIndexCache(
      dir,
      key,
      all,
      shards.map((entries) => Object.keys(entries).length),
    );
  }

  /**
   * The shard that holds `file`, alone: entries looked up without reading the other shards, and (best effort) a
   * file's index for new bytes stored, the shard rewritten with its other entries as they were.
   */
  static async shardHolding(dir: string, key: string, file: string): Promise<ShardView> {
    const shard = shardOf(file);
    const entries = await readShard(dir, shard, key);
    const cache = new CodeIndexCache(dir, key, entries, []);
    return {
      get: (f, hash) => (shardOf(f) === shard ? cache.get(f, hash) : undefined),
      put: async (f, hash, index) => {
        if (shardOf(f) !== shard) return;
        entries[f] = [hash, 1, packIndex(index)];
        const body = JSON.stringify({ format: CODE_INDEX_FORMAT, optionsKey: key, files: entries } satisfies CacheData);
        try {
          await fs.mkdir(path.join(dir, CODE_INDEX_CACHE_DIR), { recursive: true, mode: 0o700 });
          await writeFileAtomic(shardFile(dir, shard), `${sha256Hex(body)}\n${body}`, { mode: 0o600, sealed: true });
        } catch {
          // Only the next run's time.
        }
      },
    };
  }

  /** The entry of a file whose bytes just read hash to `hash` (contentHash), or undefined. */
  get(file: string, hash: string): CachedEntry | undefined {
    const entry = Object.hasOwn(this.old, file) ? this.old[file] : undefined;
    if (!Array.isArray(entry) || entry[0] !== hash) return undefined;
    const index = unpacked(entry[2]);
    if (index === undefined || (index && index.file !== file)) return undefined;
    this.fresh[file] = entry;
    return index ? { tagged: entry[1] === 1, index } : { tagged: entry[1] === 1 };
  }

  /**
   * Records a file: the hash of the bytes indexed, whether the prefilter found tags, and its index when parsed
   * (`packed`: that index as packIndex gave it, already made by a worker).
   */
  set(file: string, hash: string, tagged: boolean, index: CodeFileIndex | null, packed?: CompactIndex | CodeFileIndex): void {
    this.fresh[file] = [hash, tagged ? 1 : 0, index ? (packed ?? packIndex(index)) : 0];
    this.dirtyShards.add(shardOf(file));
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  async save(): Promise<boolean> {
    const byShard: Record<string, CacheEntry>[] = Array.from({ length: CODE_INDEX_SHARDS }, () => Object.create(null) as Record<string, CacheEntry>);
    for (const file of Object.keys(this.fresh)) byShard[shardOf(file)][file] = this.fresh[file];
    const changed = byShard.map((entries, shard) => this.dirtyShards.has(shard) || Object.keys(entries).length !== this.oldCounts[shard]);
    try {
      await fs.mkdir(path.join(this.dir, CODE_INDEX_CACHE_DIR), { recursive: true, mode: 0o700 });
      await Promise.all(
        byShard.map(async (files, shard) => {
          if (!changed[shard]) return;
          const target = shardFile(this.dir, shard);
          if (Object.keys(files).length === 0) return fs.rm(target, { force: true });
          const body = JSON.stringify({ format: CODE_INDEX_FORMAT, optionsKey: this.key, files } satisfies CacheData);
          await writeFileAtomic(target, `${sha256Hex(body)}\n${body}`, { mode: 0o600, sealed: true });
        }),
      );
      return true;
    } catch {
      return false;
    }
  }
}
