/**
 * The server's view of the code-link index: one CodeFileIndex per source file. The whole workspace is
 * indexed once with the code-links module's `build-code-index` (workers, prefilter); open documents go
 * through its `OpenDocumentIndex` (incremental tree-sitter re-parse per keystroke). This file is the
 * single seam to src/node/codeindex: everything else in the server reads `files` and `links()`.
 */
import picomatch from 'picomatch';
import { unreadableIndex } from '../core/codelinks/index-code-file';
import { buildLanguageMap, languageForPath, type CodeLanguage, type LanguageMap, type LanguageMapOptions } from '../core/codelinks/languages';
import type { CodeFileIndex, CodeLink } from '../core/codelinks/model';
import { mightContainTags } from '../core/codelinks/prefilter';
import { DEFAULT_TEST_GLOBS } from '../core/codelinks/rule-input';
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from '../core/codelinks/tag-syntaxes';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph } from '../core/model/graph';
import type { Host } from '../core/host';
import { buildCodeIndex } from '../node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../node/workspace';
import { OpenDocumentIndex } from '../node/codeindex/open-documents';

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

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
  /** Problems with the options (invalid patterns ...), and files the bulk index skipped. */
  problems: string[] = [];

  constructor(
    config: ResolvedConfig,
    private readonly wasmDir?: string,
  ) {
    const c = config.code;
    // The CLI's options (workspace patterns in the linear-time engine; built-in ones only when untrusted).
    this.tagOptions = tagSyntaxOptions(config);
    this.syntaxes = compileTagSyntaxes(this.tagOptions);
    const overrides: Record<string, CodeLanguage | 'off'> = {};
    for (const [ext, lang] of Object.entries(c.languages)) overrides[ext] = lang as CodeLanguage | 'off';
    this.languageOptions = { overrides };
    this.languages = buildLanguageMap(this.languageOptions);
    this.include = c.include.length ? picomatch(c.include, { dot: true }) : () => true;
    this.excludeGlobs = [...ALWAYS_EXCLUDED, ...config.exclude, ...c.exclude];
    this.exclude = picomatch(this.excludeGlobs, { dot: true });
    this.testGlobs = c.testGlobs.length ? c.testGlobs : [...DEFAULT_TEST_GLOBS];
    this.maxBytes = c.maxFileBytes;
  }

  /** Code of safety-critical assets is parsed even without tags (CL005 reads its symbols). */
  setAlwaysParse(graph: Graph): void {
    const globs = graph.byKind.asset
      .filter((a) => a.data.safety_critical === true && Array.isArray(a.data.code))
      .flatMap((a) => (a.data.code as unknown[]).filter((g): g is string => typeof g === 'string'));
    this.alwaysParseGlobs = globs;
    this.alwaysParse = globs.length ? picomatch(globs, { dot: true }) : () => false;
  }

  /** The file is code of a safety-critical asset. */
  isSafetyCritical(path: string): boolean {
    return this.alwaysParse(path);
  }

  languageOf(path: string): CodeLanguage | undefined {
    if (this.exclude(path) || !this.include(path)) return undefined;
    return languageForPath(path, this.languages);
  }

  private docs(): Promise<OpenDocumentIndex> {
    this.open ??= OpenDocumentIndex.create({ tagSyntaxes: this.tagOptions, languages: this.languageOptions, testGlobs: this.testGlobs, wasmDir: this.wasmDir });
    this.open.catch(() => (this.open = undefined));
    return this.open;
  }

  /** Indexes every listed source file that may carry tags (or that a safety-critical asset claims). */
  async indexAll(root: string, host: Host, paths: readonly string[]): Promise<void> {
    const files = paths.filter((p) => this.languageOf(p));
    const result = await buildCodeIndex({
      root,
      host,
      files,
      excludes: this.excludeGlobs,
      alwaysParse: this.alwaysParseGlobs,
      testGlobs: this.testGlobs,
      tagSyntaxes: this.tagOptions,
      languages: this.languageOptions,
      maxFileSize: this.maxBytes,
      ...(this.wasmDir ? { wasmDir: this.wasmDir } : {}),
    });
    this.problems = [...result.problems];
    for (const f of result.files) if (!this.openFiles.has(f.file)) this.files.set(f.file, f);
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
