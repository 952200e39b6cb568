import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { writeFileAtomic } from '../atomic-write';
import { sha256Hex, toolIdentity } from '../cache-location';

/** Bump when this file's layout changes (the tool identity in the options key covers any change of the code). */
export const CODE_INDEX_FORMAT = 3;
export const CODE_INDEX_CACHE_FILE = `codelinks-v${CODE_INDEX_FORMAT}.json`;

/** One file: [SHA-256 of the bytes indexed, prefilter found tags (1/0), index or 0 when not parsed]. */
type CacheEntry = [string, number, CodeFileIndex | 0];

interface CacheData {
  format: number;
  optionsKey: string;
  files: Record<string, CacheEntry>;
}

export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

/** The options and the build of the tool an index depends on; undefined when the build is unknown (no cache). */
export function optionsKey(options: unknown): string | undefined {
  const tool = toolIdentity();
  return tool && sha256Hex(JSON.stringify({ format: CODE_INDEX_FORMAT, tool, options }));
}

/** A cache answer: whether the prefilter found tags, and the file's index when it was parsed. */
export interface CachedEntry {
  tagged: boolean;
  index?: CodeFileIndex;
}

/**
 * Indexed files keyed by path, in `<cache dir>/codelinks-v3.json` (a cache folder outside the workspace, see
 * cache-location.ts). A cache must never change a result, so an entry answers only for a file whose bytes,
 * read in this run, have the SHA-256 it was indexed from; size and mtime are never taken for content. A
 * different options key (syntaxes, language map, test globs, format, build of the tool) invalidates everything;
 * a file whose first line is not the SHA-256 of the rest is ignored. Saving keeps only the entries used in this
 * run, so deleted files drop out, and is skipped when nothing changed.
 */
export class CodeIndexCache {
  private readonly fresh = Object.create(null) as Record<string, CacheEntry>;
  private dirty: boolean;

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly old: Record<string, CacheEntry>,
  ) {
    this.dirty = Object.keys(old).length === 0;
  }

  /** The cache in `dir` for this options key; undefined when no key can be made (then nothing is cached). */
  static async load(dir: string, key: string | undefined): Promise<CodeIndexCache | undefined> {
    if (!key) return undefined;
    try {
      const raw = await fs.readFile(path.join(dir, CODE_INDEX_CACHE_FILE), 'utf8');
      const newline = raw.indexOf('\n');
      const body = raw.slice(newline + 1);
      if (newline === 64 && raw.slice(0, newline) === sha256Hex(body)) {
        const data = JSON.parse(body) as CacheData;
        if (data.format === CODE_INDEX_FORMAT && data.optionsKey === key && data.files && typeof data.files === 'object') return new CodeIndexCache(dir, key, data.files);
      }
    } catch {
      // No cache or an unreadable one: start empty.
    }
    return new CodeIndexCache(dir, key, {});
  }

  /** The entry of a file whose bytes just read hash to `hash` (contentHash), or undefined. */
  get(file: string, hash: string): CachedEntry | undefined {
    const entry = Object.hasOwn(this.old, file) ? this.old[file] : undefined;
    if (!Array.isArray(entry) || entry[0] !== hash) return undefined;
    const index = entry[2];
    if (index && index.file !== file) return undefined;
    this.fresh[file] = entry;
    return index ? { tagged: entry[1] === 1, index } : { tagged: entry[1] === 1 };
  }

  /** Records a file: the hash of the bytes indexed, whether the prefilter found tags, and its index when parsed. */
  set(file: string, hash: string, tagged: boolean, index: CodeFileIndex | null): void {
    this.fresh[file] = [hash, tagged ? 1 : 0, index ?? 0];
    this.dirty = true;
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  async save(): Promise<boolean> {
    if (!this.dirty && Object.keys(this.fresh).length === Object.keys(this.old).length) return true;
    const body = JSON.stringify({ format: CODE_INDEX_FORMAT, optionsKey: this.key, files: this.fresh } satisfies CacheData);
    const target = path.join(this.dir, CODE_INDEX_CACHE_FILE);
    try {
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(target, `${sha256Hex(body)}\n${body}`, { mode: 0o600 });
      return true;
    } catch {
      return false;
    }
  }
}
