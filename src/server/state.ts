/**
 * The language server's workspace: per-file model loads and per-file code indexes, kept up to date one
 * file at a time, with open documents overriding the disk. Knows nothing of LSP (paths are
 * workspace-relative POSIX paths; positions are the core's).
 */
import type { LinkReviewStatus } from '../core/codelinks/review-status';
import type { CodeLink } from '../core/codelinks/model';
import type { Host } from '../core/host';
import type { ReferenceCache } from '../core/model/build-graph';
import { FsHost } from '../node/fs-host';
import { CONFIG_FILE } from '../core/model/config';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph, LoadProblem, Suppression } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';
import { modelFileMatcher } from '../core/model/load-workspace';
import type { ItemTrace, TraceInputs } from '../core/matrix/status';
import type { TraceIndex } from '../core/matrix/build';
import { GraphIndex } from '../core/query/locate';
import type { LintResult } from '../core/rules/engine';
import { ruleInputs } from '../core/rules/inputs';
import type { RuleInputs } from '../core/rules/types';
import type { CodeLinksInput } from '../core/codelinks/rule-input';
import type { Finding } from '../core/types';
import type { TestResultsInput } from '../core/matrix/test-results';
import { ServerCodeIndex } from './code-index';
import { EMPTY_LINT_RESULT, findingsByFile, lintCode, mergeLintRuns, MODEL_RULES, openOutsideModel } from './lint-runs';
import { RuleReuse } from './rule-reuse';
import { sameLinkSet, sameRuleFacts } from './rule-fingerprint';
import { TraceCache, traceInputsOf } from './trace-cache';
import { EditorBaseline, baselinePathOf } from './editor-baseline';
import { assembleGraph, graphUnits } from './graph-assembly';
import { ModelLint } from './model-lint';
import { ReleasedTrees } from './released-trees';
import { InputProblems, matrixProblemsOf } from './input-problems';
import { EvidenceBlanks } from './evidence-blanks';
import { ResultFiles } from './result-files';
import { type Load, readConfigFile, readModelFile, readTestResultsOf, SbomReads } from './workspace-reads';
import { lockPathOf, ReviewLockState } from './review-lock-state';
import { type FirstReads, loadModels, type ModelFindingsSink, noteSuppressions, readCodeSuppressions, readFirst } from './load-sequence';

export interface StateOptions {
  /** Absolute workspace root (for the code index and test results). */
  root: string;
  trusted: boolean;
  codeLinks: boolean;
  wasmDir?: string;
  cacheDir?: string;
}

export type ChangeKind = 'config' | 'model' | 'code' | 'lock' | 'baseline' | 'other';

/** A .gitignore file: it changes which files the workspace walk lists. */
const isGitignore = (path: string): boolean => path === '.gitignore' || path.endsWith('/.gitignore');

export class WorkspaceState {
  config!: ResolvedConfig;
  private configProblems: LoadProblem[] = [];
  private configBytes: Uint8Array | undefined;
  private outsideKey = '[]';
  /** SBOM and VEX documents the model names, read after the model files (src/core/model/load-sboms.ts); `paths`: read or not, watched. */
  sboms: { files: LoadedFile[]; problems: LoadProblem[]; paths: string[] } = { files: [], problems: [], paths: [] };
  private readonly sbomReads = new SbomReads();
  private isModel: (p: string) => boolean = () => false;
  private files = new Set<string>();
  private sortedFiles: string[] = [];
  private readonly loads = new Map<string, Load>();
  /** References of unchanged items, reused by the next graph rebuild. */
  private readonly references: ReferenceCache = new WeakMap();
  /** Open documents: path -> text. They override the disk. */
  readonly overlays = new Map<string, string>();
  code!: ServerCodeIndex;
  private readonly codeSuppressions = new Map<string, Suppression[]>();
  graph!: Graph;
  private graphIndex?: GraphIndex;
  private readonly reviewLock = new ReviewLockState();
  private graphDirty = true;
  private codeDirty = true;
  /** The set of code links changed: model rules that read code (missing verification ...) re-run too. */
  private linksChanged = false;
  private modelResult: LintResult = EMPTY_LINT_RESULT;
  /** File-scoped model rules re-run per changed file. */
  private readonly modelLint = new ModelLint();
  private codeResult: LintResult = EMPTY_LINT_RESULT;
  private readonly codeReuse = new RuleReuse();
  /** The latest merged lint result. */
  result: LintResult = EMPTY_LINT_RESULT;
  findingsByFile = new Map<string, Finding[]>();
  /** Bumped when the graph is rebuilt. */
  graphVersion = 0;
  private readonly traceCache = new TraceCache();
  testResults?: TestResultsInput;
  private readonly resultFiles = new ResultFiles();
  /** Last commit dates from git, read at load when TM007 (stale model) is on. */
  private fileDates?: Map<string, number>;
  /** The baseline config `baseline` names; its problems are shown as errors and baseline nothing. */
  private readonly editorBaseline = new EditorBaseline();
  private readonly trees = new ReleasedTrees();
  /** The evidence files the tests name that hold no text (VT002, PARTIAL), as `spdf check` finds them. */
  readonly evidence = new EvidenceBlanks();
  readonly inputProblems: InputProblems;
  /** Stores the first index's model findings for the next start (src/server/early-findings.ts); called once the status is out. */
  keepEarly: (() => void) | undefined;

  constructor(
    private host: Host,
    readonly opts: StateOptions,
  ) {
    this.inputProblems = new InputProblems(opts.root);
  }

  get trusted(): boolean {
    return this.opts.trusted;
  }

  allFiles(): string[] {
    return this.sortedFiles;
  }

  /** Reads everything (config, model, lock, code index); `modelFindings` first gets the model rules' findings, awaited (src/server/early-findings.ts). */
  async loadAll(progress?: (message: string, pct?: number) => void, host?: Host, modelFindings?: ModelFindingsSink): Promise<void> {
    if (host) this.host = host;
    progress?.('listing files', 0);
    const listed = await this.host.listFiles();
    this.inputProblems.walked(this.host, this.opts.trusted);
    this.files = new Set(listed);
    this.sortedFiles = [...listed].sort();
    await this.loadConfig();
    this.loads.clear();
    const models = this.sortedFiles.filter(this.isModel);
    this.code?.dispose();
    this.code = new ServerCodeIndex(this.config, this.opts.wasmDir, this.opts.trusted ? this.opts.cacheDir : undefined);
    this.codeSuppressions.clear();
    const indexing = this.opts.codeLinks ? this.code.startIndex(this.opts.root, this.host, this.sortedFiles, models.length) : undefined;
    const version = this.graphVersion;
    let first: FirstReads | undefined;
    try {
      progress?.(`reading ${models.length} model files`, 5);
      const configRead = { bytes: this.configBytes, problems: this.configProblems };
      const loadLockAndBaseline = async () => (await this.loadLock(), await this.loadBaseline(), this.reviewLock.lock);
      first = await readFirst(
        { host: this.host, opts: this.opts, config: this.config, configRead, sortedFiles: this.sortedFiles, files: this.files, models, overlays: this.overlays, loadLockAndBaseline },
        modelFindings,
      );
      const { read, testResults, fileDates } = first;
      [this.testResults, this.fileDates, this.inputProblems.history] = [testResults, fileDates, first.history];
      await loadModels(read, this.config.limits, this.loads);
      await this.evidence.read(this.host, this.overlays, this.loads.values(), this.files, true);
      await this.loadSboms();
      this.rebuildGraph();
    } finally {
      indexing?.claim(this.graphVersion > version ? this.graph : undefined);
    }
    // The model rules never read the code index (`meta.needs`, test-proven): their findings are final now.
    const { early, stored } = first;
    if (modelFindings && !stored) {
      this.modelResult = this.modelLint.run(this.inputs(false), graphUnits(this.loads, this.sboms, this.configProblems), MODEL_RULES);
      const byFile = findingsByFile(this.modelResult.findings);
      await modelFindings(byFile);
      if (early && this.sbomReads.answers && !this.modelResult.internalErrors.length) this.keepEarly = early.keep.bind(early, byFile, [...this.sbomReads.answers, ...this.evidence.answers]);
    }
    if (indexing) {
      progress?.('indexing source files', 20);
      await indexing.done;
      progress?.('reading suppressions in source files', 90);
      await readCodeSuppressions(this.code, this.sortedFiles, this.overlays, (p) => this.readText(p), this.codeSuppressions);
      for (const p of this.overlays.keys()) if (this.files.has(p) && this.code.scans(p)) await this.refresh(p);
    }
    this.graphDirty = false; // the graph built above is current
    this.linksChanged = !modelFindings || !!stored; // the model rules run at the next check unless they ran above
    this.codeDirty = true;
  }

  private async loadConfig(): Promise<void> {
    const { config, problems, includes, bytes } = await readConfigFile(this.host, CONFIG_FILE, this.overlays.get(CONFIG_FILE), this.files.has(CONFIG_FILE), this.opts.trusted);
    this.inputProblems.includes = includes;
    this.config = config;
    this.configProblems = problems;
    this.configBytes = bytes;
    this.isModel = modelFileMatcher(config);
    this.resultFiles.configure(config);
  }

  /** The JUnit results again when a test run rewrote them since they were read (ResultFiles); the rules read them. */
  async readChangedResults(): Promise<void> {
    if (this.resultFiles.takeStale()) [this.testResults, this.linksChanged] = [await readTestResultsOf(this.opts.root, this.config, this.sortedFiles), true];
  }

  private async loadSboms(): Promise<void> {
    this.sboms = await this.sbomReads.read(this.host, this.overlays, this.loads.values(), this.sortedFiles, this.config);
  }

  private async loadLock(): Promise<void> {
    await this.reviewLock.load(this.inputProblems, this.host, this.config, this.overlays, this.files, this.opts.trusted);
  }

  /** Findings of the latest check that the baseline accepts (the editor shows them at a lower severity). */
  get baselined(): ReadonlySet<Finding> {
    return this.editorBaseline.baselined;
  }

  private async loadBaseline(): Promise<void> {
    const path = baselinePathOf(this.config);
    await this.editorBaseline.load(this.config, async (p) => (p === path ? (this.overlays.get(p) ?? (this.files.has(p) ? await this.readText(p) : undefined)) : undefined));
  }

  private async readText(path: string): Promise<string | undefined> {
    const o = this.overlays.get(path);
    if (o !== undefined) return o;
    try {
      return new TextDecoder('utf-8').decode(await this.host.readFile(path));
    } catch {
      return undefined;
    }
  }

  kindOf(path: string): ChangeKind {
    if (path === CONFIG_FILE) return 'config';
    if (path === lockPathOf(this.config)) return 'lock';
    if (path === baselinePathOf(this.config)) return 'baseline';
    if (this.isModel(path)) return 'model';
    if (this.opts.codeLinks && this.code?.languageOf(path)) return 'code';
    return 'other';
  }

  /** An open document's text changed (or it was opened). */
  async setOverlay(path: string, text: string): Promise<ChangeKind> {
    const same = this.overlays.get(path) === text || (!this.overlays.has(path) && this.graph?.fileByPath.get(path)?.source.text === text);
    this.overlays.set(path, text);
    // A document on a file the walk does not list (a .gitignore hides it) is not read into the workspace, as `spdf
    // check` does not read it; a file not on disk yet is judged as the file it will be.
    const listed = this.files.has(path) || (await this.walkLists(path, true));
    if (listed && !this.files.has(path)) this.addFile(path);
    if (await this.evidence.changed(this.host, this.overlays, path, 'changed')) this.linksChanged = true;
    const kind = this.kindOf(path);
    if (!listed) return this.unlisted(path);
    if (same && kind !== 'code') return kind;
    return this.refresh(path);
  }

  /** A document closed: the disk is the truth again. */
  async closeOverlay(path: string): Promise<ChangeKind> {
    this.overlays.delete(path);
    if (await this.evidence.changed(this.host, this.overlays, path, 'changed')) this.linksChanged = true;
    await this.code?.release(path);
    return this.files.has(path) ? this.refresh(path) : this.unlisted(path);
  }

  /**
   * A file changed on disk (watcher). Open documents keep their editor text. Files of a root served inside this one come
   * here too when this root's load read them (a sub-folder it does not exclude): read from disk, as `spdf check` does.
   */
  async fileChanged(path: string, type: 'created' | 'changed' | 'deleted'): Promise<ChangeKind> {
    this.resultFiles.changed(path, type);
    if (this.host instanceof FsHost) this.host.changed(path);
    await this.inputProblems.fileChanged(path, type);
    if (!this.overlays.has(path) && (await this.evidence.changed(this.host, this.overlays, path, type))) this.linksChanged = true; // VT002 re-runs
    if (isGitignore(path) && this.host instanceof FsHost) {
      await this.relist();
      return 'other';
    }
    if (type === 'deleted') return this.drop(path);
    if (!(await this.walkLists(path))) {
      // Not a file `spdf check` reads or notes (a .gitignore hides it, a folder never walked, a folder link out of the
      // root): not taken up, and dropped if it was.
      return this.files.has(path) ? this.drop(path) : this.unlisted(path);
    }
    if (!this.files.has(path)) this.addFile(path);
    if (this.overlays.has(path)) return 'other';
    return this.refresh(path);
  }

  /** A file the walk does not list changed or was opened: only a file the model names (an SBOM) is read, by its path, listed or not. */
  private async unlisted(path: string): Promise<ChangeKind> {
    if (this.sboms.paths.includes(path)) {
      await this.loadSboms();
      this.graphDirty = true;
    }
    return 'other';
  }

  /** `path` is no longer a listed file (deleted, or the walk would not list it now). */
  private async drop(path: string): Promise<ChangeKind> {
    this.files.delete(path);
    this.sortedFiles = [...this.files].sort();
    this.loads.delete(path);
    this.code?.remove(path);
    this.codeSuppressions.delete(path);
    const kind = this.kindOf(path);
    if (kind === 'config') await this.relist();
    else if (kind === 'lock') await this.loadLock();
    else if (kind === 'baseline') await this.loadBaseline();
    if (kind === 'model' || this.sboms.paths.includes(path)) {
      await this.loadSboms();
      this.graphDirty = true;
    }
    if (kind === 'code' || kind === 'lock') this.codeDirty = true;
    if (kind === 'code') this.linksChanged = true;
    return kind;
  }

  /**
   * Whether the walk of a load would list `path` now (a file created or changed since the load), or note it as not read
   * (a FIFO, a link to nothing: taken up, its read fails and says why, as the CLI says it); a host that does not walk
   * lists what it is told.
   */
  private async walkLists(path: string, absentAsFile = false): Promise<boolean> {
    return !(this.host instanceof FsHost) || (await this.host.wouldList(path, absentAsFile)) !== 'skipped';
  }

  /** Lists the root's files again and reads them as a fresh load does (a .gitignore or the config changed which files are read). */
  private async relist(): Promise<void> {
    await this.loadAll(undefined, this.host instanceof FsHost ? new FsHost(this.opts.root) : undefined);
  }

  private addFile(path: string): void {
    this.files.add(path);
    this.sortedFiles = [...this.files].sort();
  }

  private async refresh(path: string): Promise<ChangeKind> {
    const kind = this.kindOf(path);
    switch (kind) {
      case 'config':
        await this.relist();
        break;
      case 'lock':
        await this.loadLock();
        this.codeDirty = true;
        break;
      case 'baseline':
        await this.loadBaseline();
        break;
      case 'model':
        this.loads.set(path, await readModelFile(this.host, path, this.overlays.get(path), this.config.limits));
        await this.evidence.read(this.host, this.overlays, this.loads.values(), this.files, false);
        await this.loadSboms();
        this.graphDirty = true;
        break;
      case 'code': {
        const before = this.code.files.get(path);
        const supBefore = JSON.stringify(this.codeSuppressions.get(path) ?? []);
        noteSuppressions(this.codeSuppressions, path, (await this.code.refresh(path, this.host, this.overlays.get(path))) ?? '');
        const after = this.code.files.get(path);
        // Rules see the code index, not the text: when the file's rule-relevant facts are identical, every
        // rule result is too, and the check is skipped (typing inside a function body on one line).
        if (supBefore !== JSON.stringify(this.codeSuppressions.get(path) ?? []) || !sameRuleFacts(before, after, this.reviewLock.lock)) {
          this.codeDirty = true;
          if (!sameLinkSet(before, after)) this.linksChanged = true;
        }
        break;
      }
      default:
        if (this.opts.codeLinks && this.code?.isUnreadLanguage(path)) await this.code.refresh(path, this.host, this.overlays.get(path));
        if (this.sboms.paths.includes(path)) {
          await this.loadSboms();
          this.graphDirty = true;
        }
        break;
    }
    return kind;
  }

  private rebuildGraph(): void {
    this.graph = assembleGraph(this.loads, this.sboms, this.configProblems, this.references, this.graph);
    this.graphIndex = undefined;
    this.graphVersion++;
  }

  /** Rebuilds what is dirty and lints. Returns the files whose findings may have changed (all when undefined). */
  check(): { result: LintResult; graphRebuilt: boolean } {
    let graphRebuilt = false;
    if (this.graphDirty || !this.graph || this.linksChanged) {
      if (this.graphDirty || !this.graph) this.rebuildGraph();
      this.modelResult = this.modelLint.run(this.inputs(), graphUnits(this.loads, this.sboms, this.configProblems), MODEL_RULES);
      this.graphDirty = false;
      this.linksChanged = false;
      this.codeDirty = true;
      graphRebuilt = true;
    }
    const outside = this.overlays.size === 0 ? [] : openOutsideModel(this.graph, this.config, this.sortedFiles, this.overlays.keys());
    const outsideKey = JSON.stringify(outside);
    if (this.codeDirty || outsideKey !== this.outsideKey) {
      if (this.codeDirty) this.codeResult = lintCode(this.inputs(), [...this.codeSuppressions.values()].flat(), this.codeReuse);
      this.codeDirty = false;
      this.outsideKey = outsideKey;
      const merged = mergeLintRuns(this.modelResult, this.codeResult, (f) => this.kindOf(f) === 'code');
      this.result = outside.length ? { ...merged, findings: [...merged.findings, ...outside] } : merged;
      this.findingsByFile = findingsByFile(this.result.findings);
      this.traceCache.clear();
      this.editorBaseline.dirty = true;
    }
    if (this.editorBaseline.dirty) this.editorBaseline.apply(this.result.findings, this.graph, this.codeInput(), this.findingsByFile);
    this.trees.release(this.loads.values(), (p) => this.overlays.has(p), this.config.limits);
    return { result: this.result, graphRebuilt };
  }

  /** The position index of the graph, built on first use after a rebuild (after the diagnostics of an edit). */
  get index(): GraphIndex {
    return (this.graphIndex ??= new GraphIndex(this.graph));
  }

  inputs(withCode = true): RuleInputs {
    const code = withCode ? this.codeInput() : undefined;
    return ruleInputs(
      { graph: this.graph, config: this.config, allFiles: this.sortedFiles, unusableEvidence: this.evidence.gaps },
      { code, lock: this.reviewLock.lock, testResults: this.testResults, fileDates: this.fileDates },
    );
  }

  /** The `code` rule input. The one place that shapes the index for the CL rules. */
  codeInput(): CodeLinksInput | undefined {
    if (!this.opts.codeLinks) return undefined;
    return { files: [...this.code.files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  }

  /** Review state of one code link against the lock. */
  reviewOf(link: CodeLink): LinkReviewStatus {
    return this.reviewLock.reviewOf(this.graph, link);
  }

  /** The matrix module's trace index over the current graph, lint result and code links (cached until the next check). */
  traceIndex(): { inputs: TraceInputs; index: TraceIndex } {
    return this.traceCache.index(() => traceInputsOf(this), matrixProblemsOf(this));
  }

  /** Trace statuses of the items of these kinds (cached until the next check). */
  traces(kinds: readonly string[] = ['requirement']): ItemTrace[] {
    return this.traceCache.traces(kinds, () => traceInputsOf(this));
  }

  textOf(path: string): string | undefined {
    return this.overlays.get(path) ?? this.graph?.fileByPath.get(path)?.source.text;
  }

  async readTextOf(path: string): Promise<string | undefined> {
    return this.textOf(path) ?? this.readText(path);
  }

  dispose(): void {
    this.code?.dispose();
  }
}
