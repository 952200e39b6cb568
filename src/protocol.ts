/**
 * Custom messages between the SPDF language server and its clients, typed once and shared by
 * src/server and src/extension (vscode-eslint's customMessages style). Standard LSP messages are not
 * repeated here. Positions are LSP positions (0-based, UTF-16 columns); URIs are strings.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';

/** The closed set of trace statuses (see the README and src/core/matrix). */
export const TRACE_STATUSES = ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'] as const;
export type TraceStatusName = (typeof TRACE_STATUSES)[number];

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface WireLocation {
  uri: string;
  range: WireRange;
}

/** One node under a requirement in the tree view: a threat, hazard, control, code symbol or test. */
export interface TraceChild {
  kind: 'threat' | 'hazard' | 'control' | 'symbol' | 'test';
  /** Item ID, or the qualified symbol name for code. */
  label: string;
  description?: string;
  location?: WireLocation;
  /** Code links: the relation and its review state. */
  relation?: string;
  review?: 'reviewed' | 'suspect' | 'unreviewed';
  /** Tests: the latest outcome (of the JUnit cases read, else the recorded `result`; see src/server/test-result-label.ts). */
  result?: string | null;
  /** Code links: what `spdf/markReviewed` needs to mark this link reviewed. */
  link?: LinkRef;
}

export interface TraceRow {
  id: string;
  kind: string;
  title: string;
  status: TraceStatusName;
  /** Why the status is what it is (one line). */
  reason: string;
  location: WireLocation;
  zones: string[];
  /** Highest severity of the linked hazards (through threats), or undefined when there is none. */
  hazardSeverity?: number;
  children: TraceChild[];
}

export interface TraceFilter {
  /** Case-insensitive text matched against ID and title. */
  text?: string;
  zone?: string;
  /** Only rows whose linked hazards reach this severity. */
  minHazardSeverity?: number;
  /** Kinds of rows (default: requirement). */
  kinds?: string[];
}

/** Requests about one workspace root name it by `root` (its folder path, as `spdf/roots` lists it); without it, the first root. */
export interface RootParams {
  root?: string;
}

export interface TreeDataParams extends RootParams {
  filter?: TraceFilter;
}

/** An input not read or not understood (a line of the matrix's `problems`), with the place to open when it has one. */
export interface InputNotice {
  message: string;
  location?: WireLocation;
}

export interface TreeDataResult {
  rows: TraceRow[];
  coverage: CoverageSummary;
  zones: string[];
  /** The input problems of `spdf trace` (the rows may lack what was not read); absent or empty when there are none. */
  problems?: InputNotice[];
}

export interface CoverageSummary {
  /** (OK + JUSTIFIED) / all requirements in scope, 0..100; undefined when there are no requirements. */
  percent?: number;
  total: number;
  byStatus: Record<TraceStatusName, number>;
}

/** Requirements tree view data. */
export const TreeDataRequest = new RequestType<TreeDataParams, TreeDataResult, void>('spdf/treeData');

export interface MatrixParams extends RootParams {
  /** Row kinds: requirement (default), threat, hazard, control. */
  kinds?: string[];
  filter?: TraceFilter;
}

export interface MatrixResult {
  version: 1;
  rows: TraceRow[];
  coverage: CoverageSummary;
}

/** Matrix rows for webviews and exports in the editor (the same rows as the tree, all kinds). */
export const MatrixRequest = new RequestType<MatrixParams, MatrixResult, void>('spdf/matrix');

/** Identifies one code link (the review lock key). */
export interface LinkRef {
  id: string;
  relation: string;
  /** Workspace-relative POSIX path. */
  file: string;
  symbol: string | null;
}

export interface MarkReviewedParams extends RootParams {
  /** Links to mark; or every link of `id` when `links` is absent. */
  links?: LinkRef[];
  id?: string;
  reviewer?: string;
}

export interface MarkReviewedResult {
  ok: boolean;
  message: string;
  marked: number;
}

export const MarkReviewedRequest = new RequestType<MarkReviewedParams, MarkReviewedResult, void>('spdf/markReviewed');

/** Counts and coverage of one workspace root. */
export interface RootStatus {
  /** Folder path of the root (the folder that holds its spdf.config.yaml). */
  root: string;
  errors: number;
  warnings: number;
  infos: number;
  coverage: CoverageSummary;
  items: number;
  codeFiles: number;
  links: number;
  /** Source files that may hold tags and were not read (counted in `errors` too: `spdf check` fails on each). */
  unscanned?: number;
  /** Other inputs not read or not understood: links out of the root, unreadable folders, a broken review lock, test results not read, rules that crashed (counted in `errors` too). */
  inputProblems?: number;
  /** `check.min_coverage` of the root's config (percent; the gate's default is 100). */
  minCoverage?: number;
}

/** The workspace summary; the top-level counts are those of the first root, `roots` has every root's. */
export interface StatusSummary {
  /** True while the server (re)indexes the workspace. */
  indexing: boolean;
  trusted: boolean;
  errors: number;
  warnings: number;
  infos: number;
  coverage: CoverageSummary;
  items: number;
  codeFiles: number;
  links: number;
  /** Source files that may hold tags and were not read (counted in `errors` too: `spdf check` fails on each). */
  unscanned?: number;
  /** Other inputs not read or not understood: links out of the root, unreadable folders, a broken review lock, test results not read, rules that crashed (counted in `errors` too). */
  inputProblems?: number;
  root?: string;
  /** `check.min_coverage` of the workspace config (percent; the gate's default is 100). */
  minCoverage?: number;
  /** Every served root, in the order of the workspace folders (absent while indexing). */
  roots?: RootStatus[];
}

/** Server -> client after every check: drives the status bar and refreshes the tree. */
export const StatusNotification = new NotificationType<StatusSummary>('spdf/status');

/** One served workspace root: a workspace folder, or the folder above it that holds its spdf.config.yaml. */
export interface RootInfo {
  /** Folder path (what `root` of the other requests takes). */
  root: string;
  /** The folder's name (last path segment). */
  name: string;
  /** The folder holds an spdf.config.yaml (else the defaults apply). */
  config: boolean;
  /** Model items loaded from it (0 while it is indexed). */
  items: number;
}

/** The served roots, in the order of the workspace folders. */
export const RootsRequest = new RequestType<Record<string, never>, RootInfo[], void>('spdf/roots');

/** Client -> server: the workspace trust state (VS Code's Workspace Trust). */
export const TrustNotification = new NotificationType<{ trusted: boolean }>('spdf/trust');

export interface InsertTagParams {
  uri: string;
  /** Line of the symbol (or anywhere inside it). */
  line: number;
  relation: string;
  id: string;
}

/** Text edit that adds `@spdf relation ID` above the symbol at `line` (the client applies it). */
export const InsertTagRequest = new RequestType<InsertTagParams, { uri: string; edit: { range: WireRange; newText: string } } | null, void>('spdf/insertTagEdit');

/** Candidate IDs for a tag at a position (relation -> item IDs with titles). */
export const TagCandidatesRequest = new RequestType<{ uri: string; line: number }, { relation: string; id: string; title: string }[], void>('spdf/tagCandidates');

/** Server-side commands (workspace/executeCommand), listed in the server's capabilities. */
export const SERVER_COMMANDS = {
  markReviewed: 'spdf.server.markReviewed',
  reindex: 'spdf.server.reindex',
} as const;

/** Client-side commands the server puts into code lenses and code actions. */
export const CLIENT_COMMANDS = {
  showReferences: 'spdf.showReferences',
  insertTag: 'spdf.insertTag',
} as const;

/** Options the client passes in `initializationOptions`. */
export interface InitOptions {
  trusted?: boolean;
  /** Settings snapshot (`spdf.*`), also pulled through workspace/configuration when supported. */
  settings?: Partial<ServerSettings>;
}

/** The `spdf.*` settings the server reads. */
export interface ServerSettings {
  /** Debounce of diagnostics for bursts of edits (ms); an isolated edit is checked at once. */
  debounceMs: number;
  codeLens: boolean;
  /** Base URL of the rule docs; `#anchor` is appended. Empty: the docs/rules.md shipped with the server. */
  rulesDocsUrl: string;
  /** Name recorded by "mark reviewed". */
  reviewer: string;
  /** Index source files for code links. */
  codeLinks: boolean;
  /** Severity of findings the workspace baseline accepts (`off`: not shown). */
  baselineSeverity: 'hint' | 'information' | 'off';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  debounceMs: 150,
  codeLens: true,
  rulesDocsUrl: '',
  reviewer: '',
  codeLinks: true,
  baselineSeverity: 'hint',
};

// ---- matrix and zone-diagram webviews (traceability issue) --------------------------------------------
/** Views of the traceability matrix webview (all by default). */
export interface TraceMatrixParams extends RootParams {
  views?: import('./core/matrix/model').ViewName[];
}
/** The full matrix (columns, rows, statuses, coverage), as `spdf trace --format json` writes it. */
export const TraceMatrixRequest = new RequestType<TraceMatrixParams, import('./core/matrix/model').Matrix, void>('spdf/traceMatrix');
/** Zones, assets and conduits laid out by elkjs, with statuses and findings (zoneDiagram in src/core/matrix/diagram.ts). */
export const ZoneDiagramRequest = new RequestType<RootParams, ZoneDiagramResult, void>('spdf/zoneDiagram');
/** The diagram and the input problems of `spdf trace` (zones of model files not read are missing from it). */
export type ZoneDiagramResult = import('./core/matrix/diagram').ZoneDiagram & { problems: string[] };

// ---- coverage in the gutter and symbol <-> requirement navigation ---------------------------------------
/** Gutter state of a function: linked to items, linked through a suspect link, or not linked at all. */
export type SymbolCoverageState = 'traced' | 'untraced' | 'suspect';

export interface SymbolCoverage {
  /** Qualified symbol name. */
  symbol: string;
  /** The line of the symbol's name. */
  line: number;
  state: SymbolCoverageState;
  /** `relation ID` of each link, for the hover of the gutter icon. */
  links: string[];
}

export interface FileCoverage {
  /** True when the file is code of a safety-critical asset (every function is marked, untraced ones too). */
  safetyCritical: boolean;
  /** Why the file has no marks although it should (not indexed, unreadable ...); the client shows it. */
  problem?: string;
  symbols: SymbolCoverage[];
}

/** Trace marks of the functions of one source file. */
export const FileCoverageRequest = new RequestType<{ uri: string }, FileCoverage, void>('spdf/fileCoverage');

export interface TraceTarget {
  label: string;
  description: string;
  location: WireLocation;
}

/** The items the symbol at a position implements, verifies or mitigates (with the symbol's name, or null when no symbol is there). */
export const SymbolItemsRequest = new RequestType<{ uri: string; position: { line: number; character: number } }, { symbol: string | null; items: TraceTarget[] }, void>('spdf/symbolItems');

/** The code that implements or verifies an item, and its tests. */
export const ItemCodeRequest = new RequestType<{ id: string; root?: string }, { found: boolean; code: TraceTarget[] }, void>('spdf/itemCode');

// ---- change impact (issue 17) ----------------------------------------------------------------------------
export interface ImpactResult {
  /** The item ID or `file#symbol` the cursor designates; null when there is none (nothing to show). */
  subject: string | null;
  /** Model IDs the subject stands for (the ID itself, or the IDs a symbol's tags name). */
  ids: string[];
  /** What the subject reaches, in the order hazards, threats, controls, requirements, tests. */
  reach: (TraceTarget & { category: 'hazard' | 'threat' | 'control' | 'requirement' | 'test' })[];
}

/** What the ID, tag or linked symbol at a position reaches (src/core/diff/impact.ts) and the tests verifying it. */
export const ImpactRequest = new RequestType<{ uri: string; position: { line: number; character: number } }, ImpactResult, void>('spdf/impact');

/** Local and remote-tracking branches of the repository of `root` (default: the first root); `error` when git cannot answer. */
export const BranchesRequest = new RequestType<{ root?: string }, { branches: string[]; error?: string }, void>('spdf/branches');

export interface EvidenceDiffResult {
  /** The diff of `base` .. the working tree on disk (`spdf diff BASE --format json`); absent on error. */
  diff?: import('./core/diff/model').EvidenceDiff;
  /** Why there is no diff (not a git repository, unknown revision, a revision's model did not load, untrusted). */
  error?: string;
}

/** `spdf diff BASE` for `root` (default: the first root): evidence of the branch `base` against the working tree. */
export const EvidenceDiffRequest = new RequestType<{ base: string; root?: string }, EvidenceDiffResult, void>('spdf/evidenceDiff');
