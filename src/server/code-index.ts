// @spdf implements SPDF-LSP-UNSCANNED, SPDF-LSP-INDEX-CACHE
/**
 * The server's view of the code-link index: one CodeFileIndex per source file. The whole workspace is
 * indexed once with the code-links module's `build-code-index` (workers, prefilter); open documents go
 * through its `OpenDocumentIndex` (incremental tree-sitter re-parse per keystroke). This file is the
 * single seam to src/node/codeindex: everything else in the server reads `files` and `links()`.
 */
import { pathMatcher } from '../core/path-glob';
import { unreadableIndex } from '../core/codelinks/index-code-file';
import { buildLanguageMap, languageForPath, type CodeLanguage, type LanguageMap, type LanguageMapOptions } from '../core/codelinks/languages';
import type { CodeFileIndex, CodeLink } from '../core/codelinks/model';
import { mightContainTags } from '../core/codelinks/prefilter';
import { DEFAULT_TEST_GLOBS } from '../core/codelinks/rule-input';
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from '../core/codelinks/tag-syntaxes';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph } from '../core/model/graph';
import type { Host } from '../core/host';
import { buildCodeIndex, type CodeIndexStats } from '../node/codeindex/build-code-index';
import { type IndexNote, IndexNotes, UNSCANNED_KINDS } from '../node/codeindex/index-notes';
import { BINARY_PROBE_BYTES, readSourceBytes } from '../node/codeindex/source-bytes';
import { noteTagsInUnreadLanguages, unreadLanguage } from '../node/codeindex/unread-language-tags';
import { tagSyntaxOptions } from '../node/workspace';
import { OpenDocumentIndex } from '../node/codeindex/open-documents';

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];
/** From this many model files, a first index parses in a worker beside the model load (a smaller model loads sooner than a worker starts). */
export const WORKER_START_MODEL_FILES = 50;

export class ServerCodeIndex {
  readonly files = new Map<string, CodeFileIndex>();
  private open?: Promise<OpenDocumentIndex>;
  private readonly openFiles = new Set<string>();
  private readonly tagOptions: TagSyntaxOptions;
  private readonly syntaxes: CompiledTagSyntaxes;
  private readonly languageOptions: LanguageMapOptions;
  private readonly languages: LanguageMap;
  private readonly include: (p: string) => boolean;
  private readonly excludeGlobs: string[];
  private readonly exclude: (p: string) => boolean;
  private readonly testGlobs: string[];
  private readonly maxBytes: number;
  private alwaysParse: (p: string) => boolean = () => false;
  private alwaysParseGlobs: string[] = [];
  /** Problems with the options (invalid patterns ...). */
  problems: string[] = [];
  /** What the latest whole index did (files parsed, answered by the cache ...). */
  stats?: CodeIndexStats;
  /** Source files that may hold tags and were not read (unreadable, oversize, tags in a language without a grammar): the gate fails on them. */
  readonly unscanned = new Map<string, IndexNote>();
  private readonly unread: (p: string) => boolean;

  /**
   * `cacheDir`: the folder of the code-index cache (src/node/codeindex/code-index-cache.ts: an entry answers only for
   * bytes of the same SHA-256, indexed with the same options by the same build); none for an untrusted workspace.
   */
  constructor(
    config: ResolvedConfig,
    private readonly wasmDir?: string,
    private readonly cacheDir?: string,
  ) {
    const c = config.code;
    // The CLI's options (workspace patterns in the linear-time engine; built-in ones only when untrusted).
    this.tagOptions = tagSyntaxOptions(config);
    this.syntaxes = compileTagSyntaxes(this.tagOptions);
    const overrides: Record<string, CodeLanguage | 'off'> = {};
    for (const [ext, lang] of Object.entries(c.languages)) overrides[ext] = lang as CodeLanguage | 'off';
    this.languageOptions = { overrides };
    this.languages = buildLanguageMap(this.languageOptions);
    this.unread = unreadLanguage(overrides);
    this.include = c.include.length ? pathMatcher(c.include) : () => true;
    this.excludeGlobs = [...ALWAYS_EXCLUDED, ...config.exclude, ...c.exclude];
    this.exclude = pathMatcher(this.excludeGlobs);
    this.testGlobs = c.testGlobs.length ? c.testGlobs : [...DEFAULT_TEST_GLOBS];
    this.maxBytes = c.maxFileBytes;
  }

  /** Code of safety-critical assets is parsed even without tags (CL005 reads its symbols). Returns their globs. */
  setAlwaysParse(graph: Graph): string[] {
    const globs = graph.byKind.asset
      .filter((a) => a.data.safety_critical === true && Array.isArray(a.data.code))
      .flatMap((a) => (a.data.code as unknown[]).filter((g): g is string => typeof g === 'string'));
    this.alwaysParseGlobs = globs;
    this.alwaysParse = globs.length ? pathMatcher(globs) : () => false;
    return globs;
  }

  /** The file is code of a safety-critical asset. */
  isSafetyCritical(path: string): boolean {
    return this.alwaysParse(path);
  }

  languageOf(path: string): CodeLanguage | undefined {
    if (this.exclude(path) || !this.include(path)) return undefined;
    return languageForPath(path, this.languages);
  }

  /** A source file in a language without a grammar: not parsed, searched for tag text only. */
  isUnreadLanguage(path: string): boolean {
    return !this.exclude(path) && this.include(path) && !languageForPath(path, this.languages) && this.unread(path);
  }

  /** The file is read for tags: parsed, or searched for tag text. */
  scans(path: string): boolean {
    return this.languageOf(path) !== undefined || this.isUnreadLanguage(path);
  }

  private docs(): Promise<OpenDocumentIndex> {
    this.open ??= OpenDocumentIndex.create({ tagSyntaxes: this.tagOptions, languages: this.languageOptions, testGlobs: this.testGlobs, wasmDir: this.wasmDir });
    this.open.catch(() => (this.open = undefined));
    return this.open;
  }

  /**
   * Indexes every listed source file that may carry tags (or that a safety-critical asset claims), noting the ones it
   * could not read. `alwaysParse`: the globs of `setAlwaysParse`, or a promise of them (`startIndex`); `inWorkers`:
   * parse in a worker even a little code.
   */
  async indexAll(root: string, host: Host, paths: readonly string[], alwaysParse: PromiseLike<readonly string[]> = Promise.resolve(this.alwaysParseGlobs), inWorkers = false): Promise<void> {
    const files = paths.filter((p) => this.scans(p));
    const result = await buildCodeIndex({
      root,
      host,
      files,
      excludes: this.excludeGlobs,
      alwaysParse,
      ...(inWorkers ? { workers: 1, workerThresholdBytes: 0 } : {}),
      testGlobs: this.testGlobs,
      tagSyntaxes: this.tagOptions,
      languages: this.languageOptions,
      maxFileSize: this.maxBytes,
      ...(this.wasmDir ? { wasmDir: this.wasmDir } : {}),
      cache: this.cacheDir ?? false,
    });
    this.stats = result.stats;
    this.problems = [...result.problems];
    for (const f of result.files) if (!this.openFiles.has(f.file)) this.files.set(f.file, f);
    this.unscanned.clear();
    for (const n of result.notes) if (UNSCANNED_KINDS.has(n.kind)) this.unscanned.set(n.file, n);
  }

  /**
   * `indexAll` started before the model is loaded (in a worker beside the load of `modelFiles` from
   * `WORKER_START_MODEL_FILES` on): `claim` hands it the graph's safety-critical globs (none when the model did not
   * load); the untagged files they claim are parsed then. `done` is for the caller to await.
   */
  startIndex(root: string, host: Host, paths: readonly string[], modelFiles: number): { done: Promise<void>; claim: (graph: Graph | undefined) => void } {
    let claim: (globs: string[]) => void = () => undefined;
    const done = this.indexAll(root, host, paths, new Promise<string[]>((resolve) => (claim = resolve)), modelFiles >= WORKER_START_MODEL_FILES);
    // Not awaited when the model load throws: its rejection is not left unhandled.
    done.catch(() => undefined);
    return { done, claim: (graph) => claim(graph ? this.setAlwaysParse(graph) : []) };
  }

  /**
   * Re-reads one source file as the CLI's index reads it: from the disk through `host`, or the UTF-8 bytes of the open
   * document's `overlay`. A file it leaves out (unreadable, over code.max_file_bytes, tags in a language without a
   * grammar) is noted in `unscanned`. Returns the text indexed, if any.
   */
  async refresh(path: string, host: Host, overlay: string | undefined): Promise<string | undefined> {
    const notes = new IndexNotes();
    const source = overlay === undefined ? host : overlayHost(path, overlay);
    let text: string | undefined;
    if (this.languageOf(path)) {
      // An open document's text is indexed as it is; of its bytes only the start is probed (as many characters hold at least as many bytes).
      const bytes = await readSourceBytes(overlay === undefined ? host : overlayHost(path, overlay, BINARY_PROBE_BYTES), path, this.maxBytes, notes, this.syntaxes);
      text = bytes === undefined ? undefined : (overlay ?? decoder.decode(bytes));
      if (text === undefined) this.files.delete(path);
      else await this.update(path, text, { open: overlay !== undefined });
    } else if (this.isUnreadLanguage(path)) await noteTagsInUnreadLanguages(source, [path], this.syntaxes, this.maxBytes, notes);
    const note = notes.list().find((n) => UNSCANNED_KINDS.has(n.kind));
    if (note) this.unscanned.set(path, note);
    else this.unscanned.delete(path);
    return text;
  }

  /**
   * Re-indexes one file. An open document (`open: true`) keeps its tree and is re-parsed incrementally (the edit
   * spans what differs between its previous and its new text: no text of its own is built per keystroke); a
   * closed file is parsed only when it may carry tags (or `force`).
   */
  async update(path: string, text: string, opts: { open?: boolean; force?: boolean } = {}): Promise<CodeFileIndex | undefined> {
    const language = this.languageOf(path);
    if (!language) return undefined;
    let index: CodeFileIndex | undefined;
    try {
      const docs = await this.docs();
      if (opts.open) {
        if (text.length > this.maxBytes) index = undefined;
        else if (this.openFiles.has(path)) index = await docs.replace(path, text);
        else index = await docs.open(path, text);
        if (index) this.openFiles.add(path);
      } else {
        if (text.length > this.maxBytes || (!opts.force && !this.alwaysParse(path) && !mightContainTags(text, this.syntaxes))) index = undefined;
        else {
          const wasOpen = this.openFiles.has(path);
          index = await docs.open(path, text);
          if (!wasOpen) docs.close(path);
        }
      }
    } catch (e) {
      index = unreadableIndex(path, language, text, this.syntaxes, `could not parse: ${(e as Error).message}`);
    }
    if (index && (index.tags.length || index.problems.length || index.exclusions.length || opts.open || opts.force || this.alwaysParse(path))) this.files.set(path, index);
    else this.files.delete(path);
    return index;
  }

  /** A document closed: forget its tree (its index stays until the disk version is read). */
  async release(path: string): Promise<void> {
    if (!this.openFiles.delete(path)) return;
    (await this.open)?.close(path);
  }

  remove(path: string): void {
    this.files.delete(path);
    this.unscanned.delete(path);
  }

  /** The qualified names of the symbols an indexed file defines (none for a file not indexed). */
  symbolsOf(file: string): readonly string[] {
    return this.files.get(file)?.symbols.map((s) => s.qualifiedName) ?? [];
  }

  links(): CodeLink[] {
    const out: CodeLink[] = [];
    for (const f of this.files.values()) out.push(...f.links);
    return out;
  }

  dispose(): void {
    void this.open?.then((d) => d.dispose()).catch(() => undefined);
  }
}

const decoder = new TextDecoder('utf-8');

/** One open document as a host: its size is that of its text saved as UTF-8, its bytes those of its first `chars`. */
function overlayHost(path: string, text: string, chars = Infinity): Host {
  return {
    listFiles: () => Promise.resolve([path]),
    readFile: () => Promise.resolve(Buffer.from(chars < text.length ? text.slice(0, chars) : text, 'utf8')),
    statSize: () => Promise.resolve(Buffer.byteLength(text, 'utf8')),
  };
}
