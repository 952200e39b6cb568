// @spdf implements SPDF-LSP-PARITY
/**
 * Inputs `spdf check` fails on that no rule of the editor reports: entries the workspace walk left out where the
 * include globs choose a model or source file (a link out of the root, to nothing or in a loop, a folder it could not
 * read), a review lock not read or not understood, an include glob matching no file, a file named like a model file or
 * the config that is not read (TM013), a sub-project's spdf.config.yaml this run does not apply (TM014), code-index option problems and test results not read. Each is an error
 * diagnostic with the CLI's message: on the file it names when that file is listed, else at 1:1 of spdf.config.yaml
 * (whose globs choose what is read).
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { REVIEW_LOCK_FILE } from '../core/codelinks/review-lock';
import { CONFIG_FILE } from '../core/model/config';
import { unmatchedIncludes, type IncludeGlob } from '../core/model/config-checks';
import { ALWAYS_EXCLUDED } from '../core/model/load-workspace';
import { nearMissProblems } from '../core/model/near-miss-names';
import { nestedConfigProblems } from '../core/model/nested-configs';
import { crashedRuleProblem } from '../core/matrix/build';
import { problemLine } from '../core/problem-line';
import type { TestResultsInput } from '../core/matrix/test-results';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Host } from '../core/host';
import type { Range } from '../core/types';
import type { IndexNote } from '../node/codeindex/index-notes';
import { FsHost } from '../node/fs-host';
import { lockProblemsOf, readLockInput, type LockInput } from '../node/lock-input';
import { trackedIgnoredFiles, unreadTrackedModelFiles } from '../node/tracked-ignored';
import { unreadEntries } from '../node/unread-entries';
import type { CodeProblem } from '../core/codelinks/model';
import type { UnscannedFile } from '../core/codelinks/unscanned-files';
import { unreadCode, unreadCodeLine, type UnreadCode } from '../core/codelinks/unread-code';

export interface InputProblem {
  /** The load problem's code, for those `spdf check` lists as load problems. */
  code?: string;
  file: string;
  range: Range;
  message: string;
  /** Said, not failed on: `spdf check` lists it as a note. */
  note?: true;
}

const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });
const AT_START = at(0, 0);

/** Where a lock problem worded `FILE:LINE:COLUMN: ...` (a position in the lock) points, else the lock's start. */
function lockProblemRange(message: string, lockFile: string): Range {
  if (!message.startsWith(`${lockFile}:`)) return AT_START;
  const m = /^(\d+):(\d+): /.exec(message.slice(lockFile.length + 1));
  return m ? at(Number(m[1]) - 1, Number(m[2]) - 1) : AT_START;
}

export class InputProblems {
  /** The latest walk's notes (links, loops, unreadable folders). */
  private notes: readonly IndexNote[] = [];
  private rewalk = false;
  /** Files git tracks that a .gitignore file hides from the walk (read at the walk, in a trusted workspace). */
  private tracked: readonly string[] = [];
  private lock: LockInput = {};
  /** The config's include globs: one that matches no listed file reads nothing (TM008, as the CLI's loader reports it). */
  includes: readonly IncludeGlob[] = [];
  /** Why TM007 (stale model) could not get file dates from git (src/server/workspace-reads.ts): an input problem when it gates, else a note. */
  history?: { message: string; gates: boolean };
  private cached?: { key: readonly unknown[]; problems: InputProblem[] };

  constructor(private readonly root: string) {}

  private walkedBy?: Host;

  /**
   * Takes the notes of the walk that listed the workspace (only the file-system host walks). A host lists once: when
   * the same host lists again, the notes of a later walk stay (a config or .gitignore change lists with a new host).
   */
  walked(host: Host, git = false): void {
    if (host === this.walkedBy) return;
    this.walkedBy = host;
    this.notes = host instanceof FsHost ? host.skipped : [];
    // git runs only in a trusted workspace (a hostile repository config could make it run programs).
    this.tracked = git && host instanceof FsHost ? trackedIgnoredFiles(this.root) : [];
    this.rewalk = false;
  }

  /** Reads the review lock as `spdf check` does (an open document's text wins; a host other than the disk's is read through); returns its text. */
  async readLock(host: Host, lock: Pick<ResolvedConfig, 'lockFile' | 'lockFileNamed'>, overlay: string | undefined, listed: boolean, trusted: boolean): Promise<string | undefined> {
    const read = async (file: string) => (listed ? new TextDecoder('utf-8').decode(await host.readFile(file)) : undefined);
    const onDisk = host instanceof FsHost;
    this.lock = overlay !== undefined ? { text: overlay } : await readLockInput(this.root, lock, { git: trusted && onDisk, read: onDisk ? undefined : read });
    return this.lock.text;
  }

  /** A watched file was created or deleted: a link, a folder, or one of the noted entries makes the walk run again before the next check. */
  async fileChanged(path: string, type: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (type === 'changed' || this.rewalk) return;
    if (this.notes.some((n) => n.file === path || n.file.startsWith(`${path}/`))) this.rewalk = true;
    else if (type === 'created') {
      const stat = await lstat(join(this.root, path)).catch(() => undefined);
      if (stat?.isSymbolicLink() || stat?.isDirectory() || (await this.behindLink(path))) this.rewalk = true;
    }
  }

  /** A created file inside a folder link (a client may report the files a new link seems to hold, not the link). */
  private async behindLink(path: string): Promise<boolean> {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const stat = await lstat(join(this.root, ...parts.slice(0, i))).catch(() => undefined);
      if (stat?.isSymbolicLink()) return true;
    }
    return false;
  }

  /** Walks the workspace again when a change asked for it. */
  async settle(): Promise<void> {
    if (!this.rewalk) return;
    this.rewalk = false;
    const host = new FsHost(this.root);
    await host.listFiles();
    this.notes = host.skipped;
    if (this.tracked.length) this.tracked = trackedIgnoredFiles(this.root);
  }

  /** Every input problem, as the CLI words it. `files`: the workspace's listed files, sorted (where each is shown). */
  list(config: ResolvedConfig, files: readonly string[], codeLinks: boolean, codeProblems: readonly string[], tests: TestResultsInput | undefined): InputProblem[] {
    const key = [config, files, codeLinks, codeProblems, tests, this.notes, this.lock, this.includes, this.tracked, this.history];
    if (this.cached && this.cached.key.every((k, i) => k === key[i])) return this.cached.problems;
    const hasConfig = files.includes(CONFIG_FILE);
    const shownOn = (file: string) => (!hasConfig || files.includes(file) ? file : CONFIG_FILE);
    const lockFile = config.lockFile || REVIEW_LOCK_FILE;
    const problems: InputProblem[] = [
      ...unmatchedIncludes(this.includes, files, CONFIG_FILE),
      ...nearMissProblems(files, config, ALWAYS_EXCLUDED),
      ...nestedConfigProblems(files, config, ALWAYS_EXCLUDED, hasConfig),
      ...unreadEntries(this.root, this.notes, config, codeLinks).map((e) => ({ file: hasConfig ? CONFIG_FILE : e.file, message: `${e.file}: ${e.why}`, range: AT_START })),
      ...unreadTrackedModelFiles(this.tracked, files, config).map((message) => ({ file: shownOn(CONFIG_FILE), message, range: AT_START })),
      ...(codeLinks ? lockProblemsOf(this.lock, lockFile) : []).map((message) => ({
        file: shownOn(lockFile),
        message,
        range: files.includes(lockFile) ? lockProblemRange(message, lockFile) : AT_START,
      })),
      ...(this.history?.gates ? [{ file: shownOn(CONFIG_FILE), message: this.history.message, range: AT_START }] : []),
      ...codeProblems.map((message) => ({ file: shownOn(CONFIG_FILE), message, range: AT_START })),
      ...(tests?.problems ?? []).map((p) => ({
        file: shownOn(p.file),
        message: `${p.file}:${p.line}:${p.column}: ${p.message}`,
        range: files.includes(p.file) ? at(p.line - 1, p.column - 1) : AT_START,
      })),
    ];
    this.cached = { key, problems };
    return problems;
  }

  /** What `spdf check` notes without failing: TM007 (stale model) below error without a usable git history. */
  notesOf(): InputProblem[] {
    if (!this.history || this.history.gates) return [];
    return [{ file: CONFIG_FILE, message: this.history.message, range: AT_START, note: true }];
  }
}

const NO_PROBLEMS: readonly string[] = [];

/** What of a root's state (src/server/state.ts) the input problems read. */
export interface ProblemSource {
  readonly inputProblems: Pick<InputProblems, 'list'>;
  readonly config: ResolvedConfig;
  allFiles(): string[];
  readonly opts: { codeLinks: boolean };
  /** The code index: its option problems, its files (with their problems) and the source files it did not scan. */
  readonly code: { problems: string[]; files: ReadonlyMap<string, { file: string; problems: readonly CodeProblem[] }>; unscanned: ReadonlyMap<string, UnscannedFile> };
  readonly testResults?: TestResultsInput;
  /** The latest check's rules that crashed. */
  readonly result?: { readonly internalErrors: readonly { code: string; message: string }[] };
}

const withCrashes = new WeakMap<readonly InputProblem[], { crashes: readonly unknown[]; problems: InputProblem[] }>();

/** The input problems of a root's current state; the same array while they are unchanged. */
export function inputProblemsOf(state: ProblemSource): InputProblem[] {
  const listed = state.inputProblems.list(state.config, state.allFiles(), state.opts.codeLinks, state.opts.codeLinks ? state.code.problems : NO_PROBLEMS, state.testResults);
  const crashes = state.result?.internalErrors;
  if (!crashes?.length) return listed;
  const hit = withCrashes.get(listed);
  if (hit?.crashes === crashes) return hit.problems;
  // A rule that crashed reported nothing: listed where its settings are, in the words of `spdf trace`.
  const problems = [...listed, ...crashes.map((e) => ({ file: CONFIG_FILE, range: AT_START, message: crashedRuleProblem(e) }))];
  withCrashes.set(listed, { crashes, problems });
  return problems;
}

const lines = new WeakMap<readonly InputProblem[], string[]>();

const NO_UNREAD_CODE = { rows: [] as UnreadCode[], lines: [] as string[] };
const unreadCodeSeen = new WeakMap<object, typeof NO_UNREAD_CODE>();

/**
 * Code evidence the index did not read (tags not understood, files not indexed or not scanned), with the matrix's line
 * for each, as `spdf trace` lists them; the same object while they are unchanged. Their diagnostics come from the
 * code index and the rules, so they are not among `inputProblemsOf`.
 */
export function unreadCodeOfState(state: ProblemSource): typeof NO_UNREAD_CODE {
  if (!state.opts.codeLinks) return NO_UNREAD_CODE;
  const rows = unreadCode(state.code.files.values(), state.code.unscanned.values());
  if (!rows.length) return NO_UNREAD_CODE;
  const lines = rows.map(unreadCodeLine);
  const before = unreadCodeSeen.get(state.code);
  if (before && before.lines.length === lines.length && before.lines.every((l, i) => l === lines[i])) return before;
  const now = { rows, lines };
  unreadCodeSeen.set(state.code, now);
  return now;
}

const withUnreadCode = new WeakMap<readonly string[], { code: readonly string[]; all: string[] }>();

/** The input problems as the matrix lists them (its exports say INCOMPLETE), worded as `spdf trace` words them; the same array while they are unchanged. */
export function matrixProblemsOf(state: ProblemSource): string[] {
  const problems = inputProblemsOf(state);
  let out = lines.get(problems);
  if (!out) lines.set(problems, (out = problems.map((p) => (p.code ? problemLine(p) : p.message))));
  const code = unreadCodeOfState(state).lines;
  if (!code.length) return out;
  const hit = withUnreadCode.get(out);
  if (hit?.code === code) return hit.all;
  const all = [...out, ...code];
  withUnreadCode.set(out, { code, all });
  return all;
}

/** Input problems per file. */
export function inputProblemsByFile(problems: readonly InputProblem[]): Map<string, InputProblem[]> {
  const out = new Map<string, InputProblem[]>();
  for (const p of problems) out.set(p.file, [...(out.get(p.file) ?? []), p]);
  return out;
}
