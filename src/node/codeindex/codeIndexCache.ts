import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeFileIndex } from '../../core/codelinks/model';

/** Bump when CodeFileIndex or the indexing rules change, so stale caches are dropped. */
export const CODE_INDEX_FORMAT = 1;
export const CACHE_DIR = '.spdf-cache';
const CACHE_FILE = 'codelinks.json';

interface CacheEntry {
  contentHash: string;
  index: CodeFileIndex;
}

interface CacheData {
  format: number;
  optionsKey: string;
  entries: Record<string, CacheEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function optionsKey(options: unknown): string {
  return createHash('sha1').update(JSON.stringify({ format: CODE_INDEX_FORMAT, options })).digest('hex');
}

/**
 * Parsed file indexes keyed by path and content hash, in `<root>/.spdf-cache/codelinks.json`. A different
 * options key (syntaxes, language map, test globs, format) invalidates everything. Saving keeps only the
 * entries used in this run, so deleted files drop out.
 */
export class CodeIndexCache {
  private readonly fresh: Record<string, CacheEntry> = {};

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly old: Record<string, CacheEntry>,
  ) {}

  static async load(dir: string, key: string): Promise<CodeIndexCache> {
    try {
      const data = JSON.parse(await fs.readFile(path.join(dir, CACHE_FILE), 'utf8')) as CacheData;
      if (data.format === CODE_INDEX_FORMAT && data.optionsKey === key && data.entries && typeof data.entries === 'object') {
        return new CodeIndexCache(dir, key, data.entries);
      }
    } catch {
      // No cache or an unreadable one: start empty.
    }
    return new CodeIndexCache(dir, key, {});
  }

  get(file: string, hash: string): CodeFileIndex | undefined {
    const entry = this.old[file];
    if (!entry || entry.contentHash !== hash) return undefined;
    this.fresh[file] = entry;
    return entry.index;
  }

  set(file: string, hash: string, index: CodeFileIndex): void {
    this.fresh[file] = { contentHash: hash, index };
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  async save(): Promise<boolean> {
    const data: CacheData = { format: CODE_INDEX_FORMAT, optionsKey: this.key, entries: this.fresh };
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
