// @spdf implements SPDF-LSP-START
/**
 * What the language server's workspace reads and holds: the listed files, the config, the per-file model loads, the
 * code index, the lock, the baseline and the results, read in full by `loadAll` (src/server/state.ts follows changes
 * to them one file at a time and checks). Knows nothing of LSP (paths are workspace-relative POSIX paths).
 */
import type { Host } from '../core/host';
import type { ReferenceCache } from '../core/model/build-graph';
import { CONFIG_FILE } from '../core/model/config';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph, LoadProblem } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';
import { modelFileMatcher } from '../core/model/load-workspace';
import { GraphIndex } from '../core/query/locate';
import type { LintResult } from '../core/rules/engine';
import { ruleInputs } from '../core/rules/inputs';
import type { RuleInputs } from '../core/rules/types';
import type { CodeLinksInput } from '../core/codelinks/rule-input';
import type { Finding } from '../core/types';
import type { TestResultsInput } from '../core/matrix/test-results';
import { ServerCodeIndex } from './code-index';
import { EMPTY_LINT_RESULT, findingsByFile, MODEL_RULES } from './lint-runs';
import { RuleReuse } from './rule-reuse';
import { TraceCache } from './trace-cache';
import { EditorBaseline, baselinePathOf } from './editor-baseline';
import { assembleGraph, graphUnits } from './graph-assembly';
import { ModelLint } from './model-lint';
import { ReleasedTrees } from './released-trees';
import { InputProblems } from './input-problems';
import { EvidenceBlanks } from './evidence-blanks';
import { ResultFiles } from './result-files';
import { ListedFiles } from './listed-files';
import { type Load, readConfigFile, readTestResultsOf, SbomReads } from './workspace-reads';
import { lockPathOf, ReviewLockState } from './review-lock-state';
import { type FirstReads, loadModels, type ModelFindingsSink, readFirst } from './load-sequence';
import { CodeSuppressions } from './code-suppressions';

export interface StateOptions {
  /** Absolute workspace root (for the code index and test results). */
  root: string;
  trusted: boolean;
  codeLinks: boolean;
  wasmDir?: string;
  cacheDir?: string;
}

export type ChangeKind = 'config' | 'model' | 'code' | 'lock' | 'baseline' | 'other';

export abstract class WorkspaceLoad {
  config!: ResolvedConfig;
  protected configProblems: LoadProblem[] = [];
  protected configBytes: Uint8Array | undefined;
  protected outsideKey = '[]';
  /** SBOM and VEX documents the model names, read after the model files (src/core/model/load-sboms.ts); `paths`: read or not, watched. */
  sboms: { files: LoadedFile[]; problems: LoadProblem[]; paths: string[] } = { files: [], problems: [], paths: [] };
  protected readonly sbomReads = new SbomReads();
  protected isModel: (p: string) => boolean = () => false;
  protected readonly files = new ListedFiles();
  protected readonly loads = new Map<string, Load>();
  /** References of unchanged items, reused by the next graph rebuild. */
  protected readonly references: ReferenceCache = new WeakMap();
  /** Open documents: path -> text. They override the disk. */
  readonly overlays = new Map<string, string>();
  code!: ServerCodeIndex;
  protected readonly codeSuppressions = new CodeSuppressions();
  graph!: Graph;
  protected graphIndex?: GraphIndex;
  protected readonly reviewLock = new ReviewLockState();
  protected graphDirty = true;
  protected codeDirty = true;
  /** The set of code links changed: model rules that read code (missing verification ...) re-run too. */
  protected linksChanged = false;
  protected modelResult: LintResult = EMPTY_LINT_RESULT;
  /** File-scoped model rules re-run per changed file. */
  protected readonly modelLint = new ModelLint();
  protected codeResult: LintResult = EMPTY_LINT_RESULT;
  protected readonly codeReuse = new RuleReuse();
  /** The latest merged lint result. */
  result: LintResult = EMPTY_LINT_RESULT;
  findingsByFile = new Map<string, Finding[]>();
  /** Bumped when the graph is rebuilt. */
  graphVersion = 0;
  protected readonly traceCache = new TraceCache();
  testResults?: TestResultsInput;
  protected readonly resultFiles = new ResultFiles();
  /** Last commit dates from git, read at load when TM007 (stale model) is on. */
  protected fileDates?: Map<string, number>;
  /** The baseline config `baseline` names; its problems are shown as errors and baseline nothing. */
  protected readonly editorBaseline = new EditorBaseline();
  protected readonly trees = new ReleasedTrees();
  /** The evidence files the tests name that hold no text (VT002, PARTIAL), as `spdf check` finds them. */
  readonly evidence = new EvidenceBlanks();
  readonly inputProblems: InputProblems;
  /** Stores the first index's model findings for the next start (src/server/early-findings.ts); called once the status is out. */
  keepEarly: (() => void) | undefined;

  constructor(
    protected host: Host,
    readonly opts: StateOptions,
  ) {
    this.inputProblems = new InputProblems(opts.root);
  }

  get trusted(): boolean {
    return this.opts.trusted;
  }

  allFiles(): string[] {
    return this.files.sorted;
  }

  /** Reads everything (config, model, lock, code index); `modelFindings` first gets the model rules' findings, awaited (src/server/early-findings.ts). */
  async loadAll(progress?: (message: string, pct?: number) => void, host?: Host, modelFindings?: ModelFindingsSink): Promise<void> {
    if (host) this.host = host;
    progress?.('listing files', 0);
    const listed = await this.host.listFiles();
    this.inputProblems.walked(this.host, this.opts.trusted);
    this.files.reset(listed);
    await this.loadConfig();
    this.loads.clear();
    const models = this.files.sorted.filter(this.isModel);
    this.code?.dispose();
    this.code = new ServerCodeIndex(this.config, this.opts.wasmDir, this.opts.trusted ? this.opts.cacheDir : undefined);
    this.codeSuppressions.clear();
    const indexing = this.opts.codeLinks ? this.code.startIndex(this.opts.root, this.host, this.files.sorted, models.length) : undefined;
    const version = this.graphVersion;
    let first: FirstReads | undefined;
    try {
      progress?.(`reading ${models.length} model files`, 5);
      const configRead = { bytes: this.configBytes, problems: this.configProblems };
      const loadLockAndBaseline = async () => (await this.loadLock(), await this.loadBaseline(), this.reviewLock.lock);
      first = await readFirst(
        { host: this.host, opts: this.opts, config: this.config, configRead, sortedFiles: this.files.sorted, files: this.files.paths, models, overlays: this.overlays, loadLockAndBaseline },
        modelFindings,
      );
      const { read, testResults, fileDates } = first;
      [this.testResults, this.fileDates, this.inputProblems.history] = [testResults, fileDates, first.history];
      await loadModels(read, this.config.limits, this.loads);
      await this.evidence.read(this.host, this.overlays, this.loads.values(), this.files.paths, true);
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
      await this.codeSuppressions.readAll(this.code, this.files.sorted, this.overlays, (p) => this.readText(p));
      for (const p of this.overlays.keys()) if (this.files.has(p) && this.code.scans(p)) await this.refresh(p);
    }
    this.graphDirty = false; // the graph built above is current
    this.linksChanged = !modelFindings || !!stored; // the model rules run at the next check unless they ran above
    this.codeDirty = true;
  }

  protected async loadConfig(): Promise<void> {
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
    if (this.resultFiles.takeStale()) [this.testResults, this.linksChanged] = [await readTestResultsOf(this.opts.root, this.config, this.files.sorted), true];
  }

  protected async loadSboms(): Promise<void> {
    this.sboms = await this.sbomReads.read(this.host, this.overlays, this.loads.values(), this.files.sorted, this.config);
  }

  protected async loadLock(): Promise<void> {
    await this.reviewLock.load(this.inputProblems, this.host, this.config, this.overlays, this.files.paths, this.opts.trusted);
  }

  /** Findings of the latest check that the baseline accepts (the editor shows them at a lower severity). */
  get baselined(): ReadonlySet<Finding> {
    return this.editorBaseline.baselined;
  }

  protected async loadBaseline(): Promise<void> {
    const path = baselinePathOf(this.config);
    await this.editorBaseline.load(this.config, async (p) => (p === path ? (this.overlays.get(p) ?? (this.files.has(p) ? await this.readText(p) : undefined)) : undefined));
  }

  protected async readText(path: string): Promise<string | undefined> {
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

  protected rebuildGraph(): void {
    this.graph = assembleGraph(this.loads, this.sboms, this.configProblems, this.references, this.graph);
    this.graphIndex = undefined;
    this.graphVersion++;
  }

  inputs(withCode = true): RuleInputs {
    const code = withCode ? this.codeInput() : undefined;
    return ruleInputs(
      { graph: this.graph, config: this.config, allFiles: this.files.sorted, unusableEvidence: this.evidence.gaps },
      { code, lock: this.reviewLock.lock, testResults: this.testResults, fileDates: this.fileDates },
    );
  }

  /** The `code` rule input. The one place that shapes the index for the CL rules. */
  codeInput(): CodeLinksInput | undefined {
    if (!this.opts.codeLinks) return undefined;
    return { files: [...this.code.files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  }

  /** Reads one changed file again (an open document's text, or the disk's). */
  protected abstract refresh(path: string): Promise<ChangeKind>;
}
