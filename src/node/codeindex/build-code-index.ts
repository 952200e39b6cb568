// @spdf implements SPDF-IDX-001
import { pathMatcher } from '../../core/path-glob';
import { buildLanguageMap, languageForPath, type LanguageMapOptions } from '../../core/codelinks/languages';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { mightContainTags } from '../../core/codelinks/prefilter';
import type { TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import type { Host } from '../../core/host';
import { DEFAULT_TEST_GLOBS } from '../../core/codelinks/rule-input';
import { workspaceCacheDir } from '../cache-location';
import { type IndexedRead, notePositionsRead } from '../derived-reads';
import { type CachedEntry, CodeIndexCache, contentHash, optionsKey } from './code-index-cache';
import { watchedPositions } from './watched-index';
import { createFsReadHost } from './fs-read-host';
import { type IndexNote, IndexNotes } from './index-notes';
import { compiledSyntaxes } from './parse-tasks';
import { ParseScheduler } from './parse-scheduler';
import { type BoundedReadHost, bytesMightContainTags, readSourceBytes } from './source-bytes';
import { SourceReads } from './source-reads';
import { removeStaleCaches } from './stale-caches';
import { noteTagsInUnreadLanguages, unreadLanguage } from './unread-language-tags';
import { walkWorkspace } from './workspace-walker';

export { DEFAULT_TEST_GLOBS };

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface CodeIndexOptions {
  /** Workspace root (absolute). Files are reported relative to it. */
  root: string;
  /** How files are read; defaults to the file system under `root`. Tests inject failures here. */
  host?: Host;
  /** Files to consider instead of listing them (relative POSIX paths). */
  files?: readonly string[];
  /** Who lists files when `files` is absent: the host (default when one is given) or a walk of `root`. */
  listWith?: 'host' | 'walk';
  excludes?: readonly string[];
  /**
   * Globs of files parsed even without tags (code claimed by safety-critical assets). May be a promise, so
   * indexing can start before the model that names these globs is loaded: files without tags are then held
   * back (paths only) and the ones the globs claim are read and parsed in a second small pass.
   */
  alwaysParse?: readonly string[] | PromiseLike<readonly string[]>;
  testGlobs?: readonly string[];
  tagSyntaxes?: TagSyntaxOptions;
  languages?: LanguageMapOptions;
  maxFileSize?: number;
  /** Parse workers; default 2, 0 parses in this thread. Small inputs always parse in this thread. */
  workers?: number;
  /**
   * Reuse the index of files whose bytes are unchanged (true, or a cache folder; default false). Callers
   * must not cache for an untrusted workspace. The folder defaults to `cacheLocation`, else the user cache
   * folder of `root` (cache-location.ts); never the workspace's own `.spdf-cache`.
   */
  cache?: boolean | string;
  cacheLocation?: string;
  /** Text to parse before workers start (default 384 KB); below it parsing stays in this thread. */
  workerThresholdBytes?: number;
  /** Folder with the .wasm files (the bundle's dist/); defaults to this module's folder, then node_modules. */
  wasmDir?: string;
  /** The process ends after this index (a CLI command): a small parse in this thread starts quicker (quick-start-runtime.ts). */
  shortRun?: boolean;
  /**
   * Called once every listed file is read (the first pass) or the index failed before: a caller can hold back its own
   * work on this thread (the model load) until the parse workers have every batch, instead of starving them.
   */
  onFilesRead?: () => void;
  /**
   * The caller reads a position of every link (`spdf links` prints each): while the result cache records, a file with
   * links parsed in this thread counts as its positions read, instead of being watched to learn what is known.
   */
  readsLinkPositions?: boolean;
}

export interface CodeIndexStats {
  candidates: number;
  read: number;
  tagged: number;
  parsed: number;
  cached: number;
  skipped: number;
  parsedBytes: number;
  usedWorkers: number;
  /** Batches a worker could not parse (crash, failed start) and this thread parsed instead. */
  workerFallbacks: number;
  ms: number;
}

export interface CodeIndexResult {
  /** Parsed (or cached) files, sorted by path. Files without tags that no glob claims are not listed. */
  files: CodeFileIndex[];
  /** Files left out (binary, oversize, unreadable, vanished, symlink loops), each once. */
  notes: IndexNote[];
  /** Problems with the options (invalid bare-ID patterns...). */
  problems: string[];
  stats: CodeIndexStats;
  /**
   * With a cache: per listed file, what its index is a function of (the SHA-256 of its bytes and the options key), so
   * that findings derived from one file's index can be kept per file. Files with an internal problem have none.
   */
  fileKeys?: ReadonlyMap<string, string>;
  /** `shortRun`: the cache writes, still under way; the caller awaits them before it ends (they never reject). */
  saved?: Promise<unknown>;
}

/** Below this much text to parse, starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 384 * 1024;
/** From this many candidate files and no cache folder, workers start (and load a grammar) before reading. */
const PRESTART_FILES = 200;
const READ_CONCURRENCY = 32;
const YIELD_EVERY = 64;

function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return !!value && typeof (value as PromiseLike<T>).then === 'function';
}

/** Index every tagged source file of a workspace (plus always-parse files). Never throws on file content. */
export async function buildCodeIndex(options: CodeIndexOptions): Promise<CodeIndexResult> {
  // process.hrtime, not performance.now(): the global `performance` loads node:perf_hooks on first use (a few ms).
  const started = process.hrtime.bigint();
  const syntaxOptions = options.tagSyntaxes ?? {};
  const compiled = compiledSyntaxes(syntaxOptions);
  const languageMap = buildLanguageMap(options.languages);
  const testGlobs = options.testGlobs ?? DEFAULT_TEST_GLOBS;
  const isTestFile = pathMatcher([...testGlobs]);
  const globMatcher = (globs: readonly string[] | undefined) => (globs?.length ? pathMatcher([...globs]) : () => false);
  const deferredGlobs = isPromiseLike(options.alwaysParse) ? options.alwaysParse : undefined;
  let alwaysParse = deferredGlobs ? () => false : globMatcher(options.alwaysParse as readonly string[] | undefined);
  const excluded = options.excludes?.length ? pathMatcher([...options.excludes]) : () => false;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const wasmDir = options.wasmDir ?? __dirname;
  const notes = new IndexNotes();
  const host: BoundedReadHost = options.host ?? createFsReadHost(options.root);
  const stats: CodeIndexStats = { candidates: 0, read: 0, tagged: 0, parsed: 0, cached: 0, skipped: 0, parsedBytes: 0, usedWorkers: 0, workerFallbacks: 0, ms: 0 };

  const known = (file: string) => languageForPath(file, languageMap) !== undefined;
  const unread = unreadLanguage(options.languages?.overrides);
  const wanted = (f: string) => known(f) || unread(f);
  let listed: string[];
  if (options.files) listed = options.files.filter((f) => wanted(f) && !excluded(f));
  else if (options.host && options.listWith !== 'walk') listed = (await options.host.listFiles()).filter((f) => wanted(f) && !excluded(f));
  else listed = (await walkWorkspace(options.root, { excludes: options.excludes, include: wanted, notes })).files;
  const files = listed.filter(known);
  await noteTagsInUnreadLanguages(
    host,
    listed.filter((f) => !known(f)),
    compiled,
    maxFileSize,
    notes,
  );
  stats.candidates = files.length;

  const cacheKey = optionsKey({ syntaxOptions, languages: options.languages ?? {}, testGlobs });
  const cacheDir = typeof options.cache === 'string' ? options.cache : workspaceCacheDir(options.root, options.cacheLocation);
  const parser = new ParseScheduler(options.workers ?? 2, options.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES, syntaxOptions, wasmDir, options.shortRun ?? false);
  const useCache = !!options.cache && cacheDir !== undefined;
  const indexContext = useCache && cacheKey ? { syntaxes: syntaxOptions, languages: options.languages ?? {}, testGlobs, cacheDir, cacheKey } : undefined;
  const reads = new SourceReads(host, maxFileSize, indexContext, compiled);
  // Reading waits for the main thread (the model load runs beside it): without a cache to answer, workers boot
  // (and load a grammar) meanwhile instead of after it.
  if (files.length >= PRESTART_FILES && !(useCache && CodeIndexCache.exists(cacheDir)) && (await mostlyTagged(files, compiled, (f) => reads.sample(f)))) {
    parser.prestart(languageForPath(files[0], languageMap)!);
  }
  const cache = useCache ? await CodeIndexCache.load(cacheDir, cacheKey) : undefined;

  const results: CodeFileIndex[] = [];
  const pendingCache = new Map<string, { hash: string; tagged: boolean; read?: IndexedRead }>();
  const fileKeys = new Map<string, string>();

  /** With deferred globs: files read without tags (candidates for the second pass) and files with tags. */
  const untagged: string[] = [];
  const taggedFiles: string[] = [];
  const readOne = async (file: string, secondPass = false): Promise<void> => {
    // `read`: what the whole-result cache, when it records, is told the index made of the file (source-reads.ts).
    const { now, read } = reads.now(file, notes);
    // Read now, the bytes are a scratch buffer's: from here on nothing waits until they are decoded or dropped.
    const bytes = now === 'later' ? await readSourceBytes(host, file, maxFileSize, notes, compiled) : now;
    if (bytes === undefined) return;
    if (!secondPass) stats.read++;
    const claimed = secondPass || alwaysParse(file);
    // Most files hold no tag: those the raw bytes already rule out are neither decoded nor hashed.
    if (!claimed && !bytesMightContainTags(bytes, compiled)) {
      if (deferredGlobs) untagged.push(file);
      if (read) read.kind = 'untagged';
      return;
    }
    // While the whole-result cache records, it has hashed these very bytes already (derived-reads.ts).
    const hash = cache ? (read?.digest ?? contentHash(bytes)) : '';
    const known: CachedEntry | undefined = cache?.get(file, hash);
    let text: string | undefined;
    const hasTags = known ? known.tagged : mightContainTags((text = decoder.decode(bytes)), compiled);
    if (!hasTags && !claimed) {
      if (deferredGlobs) untagged.push(file);
      if (cache && !known) cache.set(file, hash, false, null);
      if (read) read.kind = 'untagged';
      return;
    }
    if (deferredGlobs && !secondPass) taggedFiles.push(file);
    else if (!claimed) stats.tagged++;
    if (known?.index) {
      stats.cached++;
      fileKeys.set(file, `${cacheKey} ${hash}`);
      results.push(known.index);
      if (read) read.kind = 'index';
      return;
    }
    if (cache) pendingCache.set(file, { hash, tagged: hasTags, read });
    parser.add({ file, language: languageForPath(file, languageMap)!, text: text ?? decoder.decode(bytes), isTestFile: isTestFile(file) });
  };

  const readAll = async (list: readonly string[], secondPass: boolean): Promise<void> => {
    let next = 0;
    // Hosts may read synchronously: every so many files all readers pause together to let events in (among them
    // the steps of a tree-sitter runtime compiling meanwhile). A file is taken and counted in one step, so no reader
    // can take the file whose turn it is to pause without pausing.
    let pause: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: Math.min(READ_CONCURRENCY, list.length) }, async () => {
        for (;;) {
          if (pause) await pause;
          if (next >= list.length) break;
          const at = next++;
          if (at % YIELD_EVERY === YIELD_EVERY - 1) pause = new Promise((resolve) => setImmediate(resolve));
          await readOne(list[at], secondPass);
        }
      }),
    );
  };
  try {
    await readAll(files, false);
  } catch (error) {
    await parser.finish().catch(() => undefined);
    throw error;
  } finally {
    options.onFilesRead?.();
  }
  if (deferredGlobs) {
    let globs: readonly string[] = [];
    try {
      globs = await deferredGlobs;
    } catch {
      // The model failed to load: no safety-critical globs.
    }
    alwaysParse = globMatcher(globs);
    stats.tagged = taggedFiles.filter((f) => !alwaysParse(f)).length;
    await readAll(untagged.filter((f) => alwaysParse(f)).sort(), true);
  }
  const parsed = await parser.finish();
  stats.parsed = parsed.length;
  stats.parsedBytes = parser.bytes;
  stats.usedWorkers = parser.workerCount;
  stats.workerFallbacks = parser.fallbacks;
  for (const { index, packed } of parsed) {
    // An index a worker sent was unpacked with its positions watched; one parsed in this thread is, while recording
    // (packed on the way: the cache stores that form).
    const readAnyway = !packed && options.readsLinkPositions === true && index.links.length > 0;
    if (readAnyway) notePositionsRead(index.file);
    const watched = packed || readAnyway ? undefined : watchedPositions(index);
    results.push(watched ? watched.index : index);
    const pending = pendingCache.get(index.file);
    if (cache && pending && !index.problems.some((p) => p.kind === 'internal')) {
      // A short run's few in-thread indexes go in as they are unless packed already: packing them only for the cache
      // (cold code) costs more than the larger JSON.
      cache.set(index.file, pending.hash, pending.tagged, index, packed ?? watched?.packed ?? (options.shortRun ? index : undefined));
      fileKeys.set(index.file, `${cacheKey} ${pending.hash}`);
      if (pending.read) pending.read.kind = 'index';
    }
  }
  // Runs that parsed are the first of a new build too: then what older builds left beside this cache goes.
  const saved = cache?.save().then(async () => (cacheDir !== undefined && parsed.length > 0 ? await removeStaleCaches(cacheDir).catch(() => undefined) : undefined));
  // A short run hands the writes to its caller, which awaits them after the work that follows (they never reject).
  if (!options.shortRun) await saved;

  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const noteList = notes.list();
  stats.skipped = noteList.length;
  stats.ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { files: results, notes: noteList, problems: [...compiled.problems], stats, ...(cache ? { fileKeys } : {}), ...(saved && options.shortRun ? { saved } : {}) };
}

const decoder = new TextDecoder('utf-8');
const SAMPLE_FILES = 8;

/**
 * Whether most of a few files spread over the list may hold tags: only then is there enough to parse for early
 * workers to pay (a large tree with few tagged files parses them faster in this thread). Decides where files
 * are parsed, never what the index holds.
 */
async function mostlyTagged(files: readonly string[], compiled: ReturnType<typeof compiledSyntaxes>, read: (file: string) => Promise<Buffer | undefined>): Promise<boolean> {
  const sample = Array.from({ length: SAMPLE_FILES }, (_, i) => files[Math.floor((i * files.length) / SAMPLE_FILES)]);
  const tagged = await Promise.all(
    sample.map(async (file) => {
      const bytes = await read(file);
      return !!bytes && bytesMightContainTags(bytes, compiled);
    }),
  );
  return tagged.filter(Boolean).length > SAMPLE_FILES / 2;
}
