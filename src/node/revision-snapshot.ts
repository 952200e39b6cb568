// @spdf implements SPDF-CMD-DIFF
import { parseReviewLock, REVIEW_LOCK_FILE } from '../core/codelinks/review-lock';
import type { DiffSide } from '../core/diff/model';
import type { Host } from '../core/host';
import type { TestResultsInput } from '../core/matrix/test-results';
import { loadWorkspace, type Workspace } from '../core/model/load-workspace';
import { lintWithCodeSuppressions } from './code-suppressions';
import { buildCodeIndex } from './codeindex/build-code-index';
import { UNSCANNED_KINDS } from './codeindex/index-notes';
import { FsHost, type WalkNote } from './fs-host';
import { GitRevisionHost, defaultBase, repositoryPrefix, resolveCommit } from './git-revision';
import { goModsOfHost, withGoModules } from './go-modules';
import { MAX_JUNIT_BYTES, readResultFiles, readTestResults } from './junit';
import { resultFilesOfListing } from './junit-files';
import { nestedConfigOptions, type NestedConfigOptions } from './nested-config-results';
import { missingLockProblem } from './missing-lock';
import { codeIndexOptions, ruleInputs, safetyCriticalCodeGlobs } from './workspace';

/** Listed when --no-code was asked for: the report says its code-link sections are empty, but the run does not fail. */
export const CODE_OFF = 'source code not read (code links off): the code-link sections are empty, not clean';

export interface Snapshot extends DiffSide {
  workspace: Workspace;
  /** Files left out while listing or indexing, each with its reason. */
  notes: WalkNote[];
}

export interface SnapshotOptions {
  trusted?: boolean;
  /** Index source code (default true). */
  code?: boolean;
}

/**
 * Loads one side of a diff through any host, the same way for a commit and for the working tree: model,
 * code index (no cache, no git dates), the review lock and the JUnit results that side holds, then lint.
 */
export async function loadSnapshot(
  root: string,
  host: Host & { notes: WalkNote[] },
  label: string,
  readResults: (globs: readonly string[], nested: NestedConfigOptions, files: readonly string[]) => Promise<TestResultsInput>,
  opts: SnapshotOptions = {},
): Promise<Snapshot> {
  const trusted = opts.trusted ?? true;
  const workspace = await loadWorkspace(host, { trusted });
  const { config } = workspace;
  const problems: string[] = [];
  let code;
  let lockText: string | undefined;
  if (opts.code !== false) {
    code = await buildCodeIndex({ ...codeIndexOptions(root, host, config, workspace.allFiles, safetyCriticalCodeGlobs(workspace), undefined), cache: false });
    problems.push(...code.problems);
    const lockFile = config.lockFile ?? REVIEW_LOCK_FILE;
    if (workspace.allFiles.includes(lockFile)) {
      try {
        lockText = new TextDecoder('utf-8', { fatal: true }).decode(await host.readFile(lockFile));
        // A damaged lock drops reviews: SUSPECT links would show as OK and their findings as resolved.
        problems.push(...parseReviewLock(lockText, lockFile).problems);
      } catch (e) {
        problems.push(`${lockFile} cannot be read: ${(e as Error).message}; every code link counts as unreviewed`);
      }
    } else {
      const missing = missingLockProblem(root, config, { git: trusted && host instanceof FsHost });
      if (missing) problems.push(missing);
    }
  } else problems.push(CODE_OFF);
  const testResults = await readResults(config.testResults, nestedConfigOptions(config, workspace.graph.problems), workspace.allFiles);
  problems.push(...testResults.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`));
  const inputs = ruleInputs(workspace, { code, lockText, testResults });
  const notes = [...host.notes, ...(code?.notes ?? []).map((n) => ({ path: n.file, reason: n.message }))];
  // Source files that could not be read are evidence the diff did not see: say so, as spdf check does.
  for (const n of host.notes) problems.push(`${n.path}: ${n.reason}`);
  for (const n of code?.notes ?? []) if (UNSCANNED_KINDS.has(n.kind)) problems.push(`${n.file}: ${n.message}`);
  return { label, workspace, inputs, lint: await lintWithCodeSuppressions(host, inputs), problems, notes };
}

/**
 * JUnit files a commit holds: those of its file list the globs choose (junit-files.ts), read and parsed as files on
 * disk are (junit.ts). A blob's size is its tree entry's, so one over the limit is never read.
 */
function resultsFromHost(host: Host): (globs: readonly string[]) => Promise<TestResultsInput> {
  return async (globs) => {
    if (!globs.length) return { version: 1, files: [], cases: [], problems: [] };
    const listed = await host.listFiles();
    const found = { files: resultFilesOfListing(listed, globs), problems: [] };
    const results = await readResultFiles(globs, found, ' in this revision', async (file) => {
      const size = await host.statSize?.(file);
      return size !== undefined && size > MAX_JUNIT_BYTES ? { size } : host.readFile(file);
    });
    return withGoModules(results, globs, listed, goModsOfHost(host));
  };
}

/** One side of `spdf diff`: a commit (read through git) or, with `rev` undefined, the working tree. */
export async function loadRevision(root: string, rev: string | undefined, opts: SnapshotOptions & { label?: string } = {}): Promise<Snapshot & { commit?: string }> {
  if (rev === undefined) {
    const host = new FsHost(root);
    return loadSnapshot(root, host, opts.label ?? 'working tree', (globs, nested, files) => readTestResults(root, globs, nested, files), opts);
  }
  const commit = await resolveCommit(root, rev);
  const host = new GitRevisionHost(root, commit);
  try {
    return { ...(await loadSnapshot(root, host, opts.label ?? rev, resultsFromHost(host), opts)), commit };
  } finally {
    host.close();
  }
}

export interface RevisionRange {
  base: { rev: string; commit: string };
  /** undefined: the working tree. */
  head?: { rev: string; commit: string };
}

/**
 * `REV_A..REV_B`, `REV_A` (.. working tree) or nothing (merge base with the default branch .. working
 * tree), each revision resolved to a commit; rejects with a GitError outside a repository or for an unknown revision.
 */
export async function resolveRange(root: string, spec: string | undefined): Promise<RevisionRange> {
  await repositoryPrefix(root);
  if (spec === undefined || spec === '') return { base: await defaultBase(root) };
  const dots = spec.indexOf('..');
  if (dots < 0) return { base: { rev: spec, commit: await resolveCommit(root, spec) } };
  if (spec.includes('...')) throw new RangeError(`'${spec}': use REV_A..REV_B (two dots); the base is taken as written`);
  const a = spec.slice(0, dots) || 'HEAD';
  const b = spec.slice(dots + 2) || 'HEAD';
  return { base: { rev: a, commit: await resolveCommit(root, a) }, head: { rev: b, commit: await resolveCommit(root, b) } };
}
