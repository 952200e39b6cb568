import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { PATH_GLOB } from '../core/path-glob';
import type { TagSyntaxOptions } from '../core/codelinks/tag-syntaxes';
import type { Host } from '../core/host';
import type { ResolvedConfig } from '../core/model/config-def';
import { DEFAULT_ID_PATTERNS } from '../core/model/kinds';
import { loadWorkspace, type Workspace } from '../core/model/load-workspace';
import { effectiveSeverity, type LintResult } from '../core/rules/engine';
import { findRule } from '../core/rules/registry';
import { ruleInputs as coreRuleInputs } from '../core/rules/inputs';
import type { RuleInputs } from '../core/rules/types';
import type { TestResultsInput } from '../core/matrix/test-results';
import { CONFIG_FILE, resolveConfig } from '../core/model/config';
import { buildCodeIndex, type CodeIndexOptions, type CodeIndexResult } from './codeindex/build-code-index';
import { lockProblemsOf, readLockInput } from './lock-input';
import { noteFingerprintedFiles } from './derived-reads';
import { findWorkspaceRoot } from './find-root';
import { CACHE_INSIDE_WORKSPACE, userCacheBase, workspaceCacheDir } from './cache-location';
import { FindingsCache } from './findings-cache';
import { LoaderInputs } from './loader-inputs';
import { FsHost, toPosix, type WalkNote } from './fs-host';
import { gitFileDates, gitHistoryProblem } from './git-dates';
import { cyclonedxSchemaDigest, cyclonedxSchemaValidator } from './sbom-schemas';
import { readTestResults } from './junit';
import { nestedConfigOptions } from './nested-config-results';
import { hasGitignore, trackedIgnoredFiles, unreadTrackedModelFiles } from './tracked-ignored';
import { unreadInputEntries } from './unread-entries';
import { lintWithCodeSuppressions } from './code-suppressions';

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

/**
 * Loads and checks the workspace that holds `start`, with every input the Node host can supply.
 * The code index starts first, from the config alone, so reading, prefiltering and parsing source files (in
 * workers) overlap the model load; the safety-critical globs only the model knows reach it afterwards, and
 * the untagged files they claim are parsed in a second small pass.
 */
export async function checkPath(start: string, opts: CheckPathOptions = {}): Promise<NodeCheck> {
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
  const assembled = ruleInputs(workspace, inputs);
  // Every reader of a code fingerprint in this run compares it with this lock's entry of the same link.
  if (inputs.code) noteFingerprintedFiles((assembled.lock?.links ?? []).map((e) => e.file));
  const loaded = loaderInputs && `${loaderInputs.digest()} ${validated ? cyclonedxSchemaDigest() : 'no schema validation'}`;
  const outcomes = cacheDir !== undefined && loaded && opts.rules !== false ? FindingsCache.open(cacheDir, loaded, opts.trusted !== false, inputs.code?.fileKeys) : undefined;
  const result = opts.rules === false ? { findings: [], suppressed: [], internalErrors: [] } : await lintWithCodeSuppressions(host, assembled, { outcomes, modelFilesOnly: opts.modelFindingsOnly });
  outcomes?.save();
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
  return { root, host, workspace, inputs, ruleInputs: assembled, result, notes, problems, unread, lockProblems };
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

export function codeIndexOptions(root: string, host: Host, config: ResolvedConfig, allFiles: string[], alwaysParse: CodeIndexOptions['alwaysParse'], cacheDir: string | undefined): CodeIndexOptions {
  const include = config.code.include.length ? picomatch(config.code.include, PATH_GLOB) : undefined;
  return {
    root,
    host,
    files: include ? allFiles.filter((f) => include(f)) : allFiles,
    excludes: [...config.exclude, ...config.code.exclude],
    alwaysParse,
    testGlobs: config.code.testGlobs,
    tagSyntaxes: tagSyntaxOptions(config),
    languages: { overrides: config.code.languages as never },
    maxFileSize: config.code.maxFileBytes,
    cache: cacheDir ?? false,
  };
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
  inputs.testResults = await readTestResults(root, opts.testResults ?? config.testResults, nestedConfigOptions(config, workspace.graph.problems));
  const stale = findRule('TM007');
  const staleSeverity = stale && effectiveSeverity(stale, { config });
  if (opts.rules !== false && opts.trusted !== false && staleSeverity && staleSeverity !== 'off') {
    // Without a usable history the rule does not run: at error it gates, so the run says it could not (a note otherwise).
    const history = gitHistoryProblem(root);
    if (history === undefined) inputs.fileDates = gitFileDates(root);
    else inputs.historyProblem = { message: history, gates: staleSeverity === 'error' };
  }
  return inputs;
}

/**
 * Tag syntaxes from the config. Bare-ID patterns default to the ID patterns of the kinds code links to;
 * in an untrusted workspace only built-in patterns are compiled (a hostile regex must not hang the host).
 */
export function tagSyntaxOptions(config: ResolvedConfig): TagSyntaxOptions {
  const idPatterns = config.trusted ? config.idPatterns : DEFAULT_ID_PATTERNS;
  const unanchored = (p: string) => p.replace(/^\^/, '').replace(/\$$/, '');
  const bare = (config.trusted && config.code.bareIdPatterns) || (['requirement', 'control', 'threat', 'hazard'] as const).map((k) => unanchored(idPatterns[k]));
  const { oftRelations, oftIds, tagPatterns, callTags, idNormalize } = config.code;
  return {
    syntaxes: config.code.tagSyntaxes as TagSyntaxOptions['syntaxes'],
    bareIdPatterns: bare,
    ...(oftRelations ? { oftRelations } : {}),
    ...(oftIds ? { oftIds } : {}),
    // Run in the linear-time engine with a size bound, so kept when untrusted: dropping them would drop their tags unseen.
    ...(tagPatterns?.length ? { tagPatterns } : {}),
    ...(callTags?.length ? { callTags } : {}),
    ...(idNormalize ? { idNormalize } : {}),
  };
}

/** Code globs of assets marked safety-critical: their files are parsed even without tags (untraced safety code). */
export function safetyCriticalCodeGlobs(workspace: Workspace): string[] {
  return workspace.graph.byKind.asset
    .filter((a) => a.data.safety_critical === true || a.data.criticality === 'safety-critical')
    .flatMap((a) => (Array.isArray(a.data.code) ? a.data.code.filter((g: unknown): g is string => typeof g === 'string' && !g.startsWith('symbol:')) : []));
}

/** Workspace-relative POSIX path of a user-given path, or undefined when it lies outside the root. */
export function toWorkspacePath(root: string, p: string): string | undefined {
  const rel = toPosix(relative(root, resolve(p)));
  return rel.startsWith('..') ? undefined : rel;
}
