// @spdf implements SPDF-FC-CACHE
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LoadedFile } from '../core/model/load-file';
import type { LoadLimits, ModelFileCache } from '../core/model/load-workspace';
import { decodeUtf8, SourceText } from '../core/text';
import { writeFileAtomicSync } from './atomic-write';
import { sha256Hex, toolIdentity } from './cache-location';
import { sealBytes, unsealBytes } from './sealed-bytes';

/** Bump when the layout of this file changes (the tool identity already covers any change of the code). */
const MODEL_CACHE_FORMAT = 2;
export const MODEL_CACHE_FILE = `model-v${MODEL_CACHE_FORMAT}.bin`;
const MAGIC = Buffer.from(`spdf-model-cache/${MODEL_CACHE_FORMAT}\n`);

export interface ModelCacheEntry {
  /** SHA-256 of the bytes the entry was loaded from. */
  sha256: string;
  limits: string;
  text: string;
  /** The LoadedFile without its SourceText (a class); one object so v8 keeps node identity between roots and items. */
  loaded: Omit<LoadedFile, 'file'> & { file: Omit<LoadedFile['file'], 'source'> };
}

export interface ModelCacheStats {
  hits: number;
  misses: number;
  /** Entries whose hash matched but whose text differs from the bytes read (tampered or corrupt): ignored. */
  rejected: number;
}

const limitsKey = (l: LoadLimits) => `${l.maxFileBytes}:${l.maxAliases}:${l.maxDepth}`;

/**
 * Loaded model files kept between CLI runs in a cache folder outside the workspace (cache-location.ts), so a
 * warm run skips YAML parsing of unchanged files. A hit is proven, not assumed: the entry's SHA-256 must equal
 * the SHA-256 of the bytes just read, its limits the current limits, its text the text those bytes decode
 * to, and the whole file was written by this very build (tool identity) and is intact (SHA-256 of the
 * payload). Anything else is a miss; a cache that cannot be read or written only costs time.
 */
export class DiskModelCache implements ModelFileCache {
  readonly stats: ModelCacheStats = { hits: 0, misses: 0, rejected: 0 };
  private readonly entries: Map<string, ModelCacheEntry>;
  private readonly used = new Set<string>();
  private readonly tool = toolIdentity();
  private dirty = false;

  constructor(private readonly dir: string) {
    this.entries = this.read();
  }

  get(path: string, bytes: Uint8Array, limits: LoadLimits): LoadedFile | undefined {
    const e = this.entries.get(path);
    if (!e || e.limits !== limitsKey(limits) || e.sha256 !== sha256Hex(bytes)) {
      this.stats.misses++;
      return undefined;
    }
    const decoded = decodeUtf8(bytes);
    if ('error' in decoded || decoded.text !== e.text) {
      this.stats.rejected++;
      this.entries.delete(path);
      this.dirty = true;
      return undefined;
    }
    this.stats.hits++;
    this.used.add(path);
    return { ...e.loaded, file: { ...e.loaded.file, source: new SourceText(path, e.text) } };
  }

  set(path: string, bytes: Uint8Array, limits: LoadLimits, loaded: LoadedFile): void {
    const { source, ...file } = loaded.file;
    const decoded = decodeUtf8(bytes);
    // Only files whose text is exactly their decoded bytes (not unreadable or oversize ones) are kept.
    if ('error' in decoded || decoded.text !== source.text) return;
    this.entries.set(path, { sha256: sha256Hex(bytes), limits: limitsKey(limits), text: source.text, loaded: { ...loaded, file } });
    this.used.add(path);
    this.dirty = true;
  }

  /** Writes the cache when anything changed; entries of files not loaded this run are dropped. Best effort: a cache that cannot be written only costs time on the next run. */
  save(): void {
    if (this.stats.hits + this.stats.misses + this.stats.rejected === 0) return;
    for (const p of this.entries.keys())
      if (!this.used.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    if (!this.dirty || !this.tool) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileAtomicSync(join(this.dir, MODEL_CACHE_FILE), encodeModelCache({ tool: this.tool, entries: this.entries }), { mode: 0o600 });
    } catch {
      /* the next run loads without the cache */
    }
  }

  private read(): Map<string, ModelCacheEntry> {
    if (!this.tool) return new Map();
    try {
      const data = decodeModelCache(readFileSync(join(this.dir, MODEL_CACHE_FILE)));
      return data?.tool === this.tool && data.entries instanceof Map ? data.entries : new Map<string, ModelCacheEntry>();
    } catch {
      return new Map();
    }
  }
}

export interface ModelCacheData {
  tool: string;
  entries: Map<string, ModelCacheEntry>;
}

/** The file: a magic line, the SHA-256 of the payload, the v8-serialized payload. */
export function encodeModelCache(data: ModelCacheData): Buffer {
  return sealBytes(MAGIC, serialize(data));
}

/** The payload of an intact cache file, else undefined. */
export function decodeModelCache(file: Buffer): Partial<ModelCacheData> | undefined {
  const payload = unsealBytes(MAGIC, file);
  return payload ? (deserialize(payload) as Partial<ModelCacheData>) : undefined;
}
