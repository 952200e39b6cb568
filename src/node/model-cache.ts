import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LoadedFile } from '../core/model/load-file';
import type { ModelFileCache } from '../core/model/load-workspace';
import { SourceText } from '../core/text';
import pkg from '../../package.json';

/** Bump when the loader's output changes shape or meaning (YNode, items, problems). */
const MODEL_CACHE_FORMAT = 2;
const FILE = `model-v${MODEL_CACHE_FORMAT}.bin`;

interface Entry {
  key: string;
  text: string;
  /** The LoadedFile without its SourceText (a class); one object so v8 keeps node identity between roots and items. */
  loaded: Omit<LoadedFile, 'file'> & { file: Omit<LoadedFile['file'], 'source'> };
}

/**
 * Loaded model files kept in `<root>/.spdf-cache/` between CLI runs, keyed by content and limits and by the
 * tool version, so a warm run skips YAML parsing of unchanged files. A cache that cannot be read is ignored.
 */
export class DiskModelCache implements ModelFileCache {
  private readonly entries: Map<string, Entry>;
  private readonly used = new Set<string>();
  private dirty = false;

  constructor(private readonly root: string) {
    this.entries = this.read();
  }

  get(path: string, key: string): LoadedFile | undefined {
    const e = this.entries.get(path);
    if (!e || e.key !== key) return undefined;
    this.used.add(path);
    return { ...e.loaded, file: { ...e.loaded.file, source: new SourceText(path, e.text) } };
  }

  set(path: string, key: string, loaded: LoadedFile): void {
    const { source, ...file } = loaded.file;
    this.entries.set(path, { key, text: source.text, loaded: { ...loaded, file } });
    this.used.add(path);
    this.dirty = true;
  }

  /** Writes the cache when anything changed; entries of files not loaded this run are dropped. */
  save(): void {
    for (const p of this.entries.keys())
      if (!this.used.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    if (!this.dirty) return;
    try {
      const dir = join(this.root, '.spdf-cache');
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
      writeFileSync(tmp, serialize({ version: pkg.version, entries: this.entries }));
      renameSync(tmp, join(dir, FILE));
    } catch {
      /* a cache that cannot be written only costs speed */
    }
  }

  private read(): Map<string, Entry> {
    try {
      const data = deserialize(readFileSync(join(this.root, '.spdf-cache', FILE))) as { version?: string; entries?: Map<string, Entry> };
      return data.version === pkg.version && data.entries instanceof Map ? data.entries : new Map();
    } catch {
      return new Map();
    }
  }
}
