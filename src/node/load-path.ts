// @spdf implements SPDF-CMD-LINKS, SPDF-FC-REPORTS
import { statSync } from 'node:fs';
import type { ResolvedConfig } from '../core/model/config-def';
import { loadWorkspace, type Workspace } from '../core/model/load-workspace';
import type { LintResult } from '../core/rules/engine';
import { ruleInputs as coreRuleInputs } from '../core/rules/inputs';
import type { RuleInputs } from '../core/rules/types';
import type { TestResultsInput } from '../core/matrix/test-results';
import { CONFIG_FILE, resolveConfig } from '../core/model/config';
import { buildCodeIndex, type CodeIndexResult } from './codeindex/build-code-index';
import { lockProblemsOf, readLockInput } from './lock-input';
import { noteFingerprintedFiles } from './derived-reads';
import { findWorkspaceRoot } from './find-root';
import { CACHE_INSIDE_WORKSPACE, userCacheBase, workspaceCacheDir } from './cache-location';
import { LoaderInputs } from './loader-inputs';
import { FsHost, type WalkNote } from './fs-host';
import { cyclonedxSchemaDigest, cyclonedxSchemaValidator } from './sbom-schemas';
import { readTestResults } from './junit';
import { nestedConfigOptions } from './nested-config-results';
import { hasGitignore, trackedIgnoredFiles, unreadTrackedModelFiles } from './tracked-ignored';
import { unreadInputEntries } from './unread-entries';
import { codeIndexOptions, safetyCriticalCodeGlobs } from './workspace-options';

/** Everything the Node host supplies to rules and the matrix, read once per check. */
export interface NodeInputs {
  code?: CodeIndexResult;
  lockText?: string;
  /** Why the review lock could not be read (every link then counts as unreviewed). */
  lockProblem?: string;
  testResults?: TestResultsInput;
  fileDates?: Map<string, number>;
  /** Why git could not date the files for TM007 (stale model); `gates` when TM007 is an error, so the run fails on it. */
  historyProblem?: { message: string; gates: boolean };
}

export interface NodeCheck {
  root: string;
  host: FsHost;
  workspace: Workspace;
  inputs: NodeInputs;
  /** What the rules read, assembled once (the matrix reads the same). */
  ruleInputs: RuleInputs;
  result: LintResult;
  /** Files skipped while walking or indexing, each with its reason. */
  notes: WalkNote[];
  /** Problems with options (invalid bare-ID patterns, unreadable JUnit files ...), as messages. */
  problems: string[];
  /** Entries the walk did not read where model or indexed source files are or may be (also in `problems`). */
  unread: string[];
  /** Why the review lock was not read, or its entries that were not understood (also in `problems`). */
  lockProblems: string[];
}

export interface CheckPathOptions {
  trusted?: boolean;
  /** Index source code for code links (default true). */
  code?: boolean;
  /** JUnit globs replacing config `test_results`. */
  testResults?: string[];
  /** Reuse the on-disk caches of the code index and the loaded model (default true; never when untrusted). */
  cache?: boolean;
  /** Folder of those caches instead of the user cache folder (cache-location.ts). */
  cacheLocation?: string;
  /** Run the rules (default true); a command that shows no finding (`links`) leaves `result` empty and reads no git dates. */
  rules?: boolean;
  /** Only findings in model files are shown (`trace`: the matrix): rules that report only in source files do not run. */
  modelFindingsOnly?: boolean;
  /** The command reads a position of every code link (`links`): see the code index option of the same name. */
  readsLinkPositions?: boolean;
}

/** A workspace loaded with every input but the rules' findings (checkPath runs those: workspace.ts). */
export interface LoadedPath extends Omit<NodeCheck, 'result' | 'notes' | 'problems' | 'unread' | 'lockProblems'> {
  /** The on-disk cache folder, when caches are used. */
  cacheDir?: string;
  /** The cache folder refused because it lies inside the workspace. */
  refusedCache?: string;
  /** What the model load read (with the schemas it validated against): the findings cache key's model part. */
  loaded?: string;
}

/** Reads inputs only rules need (git dates for TM007) into `inputs`, before the rule inputs are assembled. */
export type MoreInputs = (root: string, workspace: Workspace, inputs: NodeInputs) => void;

/**
 * Loads the workspace that holds `start`, with every input the Node host can supply but the rules' findings.
 * The code index starts first, from the config alone, so reading, prefiltering and parsing source files (in
 * workers) overlap the model load; the safety-critical globs only the model knows reach it afterwards, and
 * the untagged files they claim are parsed in a second small pass.
 */
export async function loadPath(start: string, opts: CheckPathOptions = {}, more?: MoreInputs): Promise<LoadedPath> {
  // A folder that does not exist (a typo) is no empty workspace: the ENOENT names it, and the CLI exits 2.
  statSync(start);
  const root = findWorkspaceRoot(start);
  // A CLI command walks with synchronous calls: it has nothing to do meanwhile.
  const host = new FsHost(root, { sync: true });
  const cacheDir = opts.cache !== false && opts.trusted !== false ? workspaceCacheDir(root, opts.cacheLocation) : undefined;
  const refusedCache = cacheDir === undefined && opts.cache !== false && opts.trusted !== false ? (opts.cacheLocation ?? userCacheBase()) : undefined;
  let code: Promise<CodeIndexResult> | undefined;
  let claimGlobs: (globs: string[]) => void = () => undefined;
  let filesRead: Promise<void> | undefined;
  if (opts.code !== false) {
    const early = await earlyConfig(host, opts.trusted ?? true);
    const alwaysParse = new Promise<string[]>((resolve) => (claimGlobs = resolve));
    let onFilesRead: () => void = () => undefined;
    filesRead = new Promise<void>((resolve) => (onFilesRead = resolve));
    // checkPath serves the CLI's commands: the process ends after one.
    code = buildCodeIndex({ ...codeIndexOptions(root, host, early.config, early.allFiles, alwaysParse, cacheDir), shortRun: true, onFilesRead, readsLinkPositions: opts.readsLinkPositions });
    code.then(onFilesRead, onFilesRead);
  }
  // The source files are read first: the parse workers then have every batch while the model loads beside them
  // (loaded first, its parse on this thread held back the reads that feed them).
  await filesRead;
  let workspace: Workspace;
  const loaderInputs = cacheDir === undefined ? undefined : new LoaderInputs(host);
  // Schema validation reads the tool's schema files: their digest joins the findings cache key.
  const validate = cyclonedxSchemaValidator();
  let validated = false;
  try {
    const sbomValidator: typeof validate = (...args) => ((validated = true), validate(...args));
    workspace = await loadWorkspace(loaderInputs ?? host, { trusted: opts.trusted, sbomValidator });
  } catch (error) {
    claimGlobs([]);
    throw error;
  }
  claimGlobs(safetyCriticalCodeGlobs(workspace));
  const inputs = await readInputs(root, workspace, opts, code);
  more?.(root, workspace, inputs);
  const assembled = ruleInputs(workspace, inputs);
  // Every reader of a code fingerprint in this run compares it with this lock's entry of the same link.
  if (inputs.code) noteFingerprintedFiles((assembled.lock?.links ?? []).map((e) => e.file));
  const loaded = loaderInputs && `${loaderInputs.digest()} ${validated ? cyclonedxSchemaDigest() : 'no schema validation'}`;
  return { root, host, workspace, inputs, ruleInputs: assembled, cacheDir, refusedCache, loaded };
}

/** The check of a loaded workspace with the rules' result: the problems and notes of every input. */
export async function finishPath(l: LoadedPath, opts: CheckPathOptions, result: LintResult): Promise<NodeCheck> {
  const { root, host, workspace, inputs, refusedCache } = l;
  const lockProblems = lockProblemsOf({ text: inputs.lockText, problem: inputs.lockProblem }, workspace.config.lockFile);
  const unread = [
    ...unreadInputEntries(root, host.skipped, workspace.config, opts.code !== false),
    ...(opts.trusted === false || !hasGitignore(workspace.allFiles) ? [] : unreadTrackedModelFiles(trackedIgnoredFiles(root), workspace.allFiles, workspace.config)),
  ];
  const history = inputs.historyProblem;
  const problems = [
    ...unread,
    ...lockProblems,
    ...(history?.gates ? [history.message] : []),
    ...(inputs.code?.problems ?? []),
    ...(inputs.testResults?.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
  ];
  const notes = [
    ...(refusedCache === undefined ? [] : [{ path: refusedCache, reason: CACHE_INSIDE_WORKSPACE }]),
    ...host.notes,
    ...(history && !history.gates ? [{ path: '.', reason: history.message }] : []),
    ...(inputs.code?.notes ?? []).map((n) => ({ path: n.file, reason: n.message })),
  ];
  // The code index's cache writes ran while the rules did; the command sees them done.
  await inputs.code?.saved;
  return { root, host, workspace, inputs, ruleInputs: l.ruleInputs, result, notes, problems, unread, lockProblems };
}

/** A result without findings, for a command that shows none (`links`). */
export function noFindings(): LintResult {
  return { findings: [], suppressed: [], internalErrors: [] };
}

/** checkPath without the rules, loading none of them (`links`): the same check, its result empty. */
export async function loadWithoutRules(start: string, opts: CheckPathOptions = {}): Promise<NodeCheck> {
  const o = { ...opts, rules: false };
  return finishPath(await loadPath(start, o), o, noFindings());
}

/** The rule inputs of a Node check, through the core's one assembly. */
export function ruleInputs(workspace: Workspace, inputs: NodeInputs): RuleInputs {
  return coreRuleInputs(workspace, { code: inputs.code, lock: inputs.lockText, testResults: inputs.testResults, fileDates: inputs.fileDates });
}

/** The config as loadWorkspace will resolve it (same file, same trust), read before the model. */
async function earlyConfig(host: FsHost, trusted: boolean): Promise<{ config: ResolvedConfig; allFiles: string[] }> {
  const allFiles = await host.listFiles();
  let bytes: Uint8Array | undefined;
  if (allFiles.includes(CONFIG_FILE)) bytes = await host.readFile(CONFIG_FILE).catch(() => undefined);
  return { config: resolveConfig(bytes, trusted).config, allFiles };
}

async function readInputs(root: string, workspace: Workspace, opts: CheckPathOptions, code: Promise<CodeIndexResult> | undefined): Promise<NodeInputs> {
  const { config } = workspace;
  const inputs: NodeInputs = {};
  if (code) {
    inputs.code = await code;
    const lock = await readLockInput(root, config, { git: opts.trusted !== false });
    inputs.lockText = lock.text;
    if (lock.problem) inputs.lockProblem = lock.problem;
  }
  inputs.testResults = await readTestResults(root, opts.testResults ?? config.testResults, nestedConfigOptions(config, workspace.graph.problems), workspace.allFiles);
  return inputs;
}
