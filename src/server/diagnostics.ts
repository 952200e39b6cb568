// @spdf implements SPDF-LSP-DIAG, SPDF-BASE-004, SPDF-LSP-PARITY
/**
 * Diagnostics: the scheduler re-runs the rules at once for an isolated change and debounced
 * (`spdf.diagnostics.debounceMs`) during a burst; the publisher sends only the files whose findings changed,
 * plus every open document edited since the last publish (with its version). Findings the workspace baseline
 * accepts go out at the severity of `spdf.baseline.severity` (hint, information, or not at all).
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { ServerSettings } from '../protocol';
import type { Finding } from '../core/types';
import { inputProblemDiagnostic, toDiagnostic, unscannedDiagnostic } from './convert';
import { inputProblemsByFile, inputProblemsOf, type InputProblem } from './input-problems';
import type { Root, ServerSession } from './session';
import type { StatusReporter } from './status';

export class DiagnosticsPublisher {
  /** Diagnostics last sent per file (keyed by root and path), as the SHA-256 of their JSON (files with none are not kept). */
  private readonly published = new Map<string, string>();
  /** Findings last published per file (compared by reference, then by value). */
  private readonly lastFindings = new Map<string, readonly Finding[]>();
  /** Open documents edited since the last publish: always republished (with their version). */
  private readonly touched = new Set<string>();
  /** Which of those findings the baseline accepted ('1' per baselined finding, '0' per other), the file's unscanned note and input problems. */
  private readonly lastBaselined = new Map<string, string>();
  /**
   * Files sent by a publish that left their digest for later (`publishAll` with `laterDigests`), with the diagnostics
   * sent: `settleDigests` records their digests in `published`, before any other publish reads it.
   */
  private readonly undigested = new Map<string, Diagnostic[]>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly session: ServerSession,
    private readonly status: StatusReporter,
  ) {}

  /** Marks an open document edited: its diagnostics are sent at the next publish even when unchanged. */
  touch(root: Root, path: string): void {
    this.touched.add(`${root.paths.root}\0${path}`);
  }

  schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.runCheck(), this.session.settings.debounceMs);
      return;
    }
    this.timer = setTimeout(() => void this.runCheck(), 0);
  }

  private async runCheck(): Promise<void> {
    const { session } = this;
    this.timer = undefined;
    this.running = true;
    try {
      await session.settled();
      await session.ready;
      // The results a test run rewrote are read in the queue: never beside a reload that reads them too.
      await Promise.all(session.roots.flatMap((r) => (r.state ? [r.state.inputProblems.settle(), session.enqueue(async () => r.state?.readChangedResults())] : [])));
      const modelChanged = session.roots.map((r) => r.state?.check().graphRebuilt).includes(true);
      session.followWatchedFiles();
      this.publishAll(false);
      session.heap.afterCheck(modelChanged);
      this.status.soon();
    } catch (e) {
      session.logError('check', e);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.timer = setTimeout(() => void this.runCheck(), session.settings.debounceMs);
      }
    }
  }

  /**
   * The model rules' findings of a root's first index, sent before the code rules run (workspace-indexer.ts): only
   * files with at least one, each recorded as published, so that the publish after the check sends again only the
   * files whose complete diagnostics differ. Settles once they are written (one message per turn of the event loop);
   * each file's diagnostics are made once the previous file's are written, so the first waits for no other file's.
   */
  async publishEarly(root: Root, byFile: ReadonlyMap<string, Finding[]>): Promise<void> {
    const { session } = this;
    this.settleDigests();
    for (const [file, findings] of byFile) {
      if (!findings.length || session.disposed) continue;
      const uri = root.paths.toUri(file);
      // A file under a folder served as a root of its own is that root's to publish (publishAll).
      if (session.roots.length > 1 && session.rootOf(uri) !== root) continue;
      const diagnostics = findings.map((f) => toDiagnostic(f, root.paths, session.docsUrl));
      const k = `${root.paths.root}\0${file}`;
      // As publishAll records a file without a baseline, an unscanned note or input problems (it compares them); no
      // digest is made here, on the way to the first diagnostics: EARLY equals no digest, so changed findings are sent.
      this.published.set(k, EARLY);
      this.lastFindings.set(k, findings);
      this.lastBaselined.set(k, '');
      const doc = session.docs.get(uri);
      await session.connection.sendDiagnostics({ uri, diagnostics, ...(doc ? { version: doc.version } : {}) }).catch(() => undefined);
    }
  }

  /**
   * Sends the diagnostics of every file whose findings changed (of every file with findings when `force`), root by
   * root. `laterDigests`: the digests of the files sent are made by `settleDigests` (the first index's complete
   * status is written first: making them, a JSON text of every diagnostic, takes about 0.15 s at 20,000 requirements).
   */
  publishAll(force: boolean, laterDigests = false): void {
    this.settleDigests();
    const { session, published, lastFindings, touched } = this;
    // Once per root and publish: the carried problems of a multi-root workspace are read from the same maps.
    const byRoot = new Map(session.roots.flatMap((r) => (r.state ? [[r, inputProblemsByFile([...inputProblemsOf(r.state), ...r.state.inputProblems.notesOf()])] as const] : [])));
    const carried = this.carriedInputProblems(byRoot);
    for (const root of session.roots) {
      const { state, paths } = root;
      if (!state) continue;
      const key = (file: string) => `${paths.root}\0${file}`;
      const { unscanned } = state.code;
      const inputs = new Map(byRoot.get(root));
      for (const [file, problems] of carried.get(root) ?? []) {
        const own = new Set((inputs.get(file) ?? []).map((p) => JSON.stringify([p.message, p.range])));
        const more = problems.filter((p) => !own.has(JSON.stringify([p.message, p.range])));
        if (more.length) inputs.set(file, [...(inputs.get(file) ?? []), ...more]);
      }
      const files = new Set<string>([...state.findingsByFile.keys(), ...unscanned.keys(), ...inputs.keys()].map(key));
      for (const k of [...published.keys(), ...touched]) if (k.startsWith(`${paths.root}\0`)) files.add(k);
      const several = session.roots.length > 1;
      for (const k of files) {
        const file = k.slice(paths.root.length + 1);
        const uri = paths.toUri(file);
        // A file under a folder served as a root of its own is published by that innermost root alone (its config applies).
        if (several && session.rootOf(uri) !== root) {
          published.delete(k);
          lastFindings.delete(k);
          this.lastBaselined.delete(k);
          continue;
        }
        const findings = state.findingsByFile.get(file) ?? [];
        const prev = lastFindings.get(k);
        // Without a baseline (the usual case) no string per finding: tens of thousands after each model edit.
        const note = unscanned.get(file);
        const problems = inputs.get(file) ?? [];
        const baselined =
          (state.baselined.size ? findings.map((f) => (state.baselined.has(f) ? '1' : '0')).join('') : '') +
          (note ? `\0${JSON.stringify(note)}` : '') +
          (problems.length ? `\0${JSON.stringify(problems)}` : '');
        const same = !!prev && this.lastBaselined.get(k) === baselined && sameFindings(prev, findings);
        if (same && !force && !touched.has(k)) {
          // Equal findings in new objects (a rule re-ran): the next publish compares these by reference.
          lastFindings.set(k, findings);
          continue;
        }
        const diagnostics = findings.flatMap((f) => {
          const d = toDiagnostic(f, paths, session.docsUrl);
          return state.baselined.has(f) ? baselinedDiagnostic(d, session.settings.baselineSeverity) : [d];
        });
        if (note) diagnostics.push(unscannedDiagnostic(note));
        diagnostics.push(...problems.map(inputProblemDiagnostic));
        // Left for later only where the digest decides nothing now: a file sent whatever its digest (none published
        // yet, or the early findings of a first index, which equal no digest).
        const later = laterDigests && !(same && !force) && (force || touched.has(k) || published.get(k) === undefined || published.get(k) === EARLY);
        const json = same && !force ? published.get(k) : later ? undefined : digest(JSON.stringify(diagnostics));
        lastFindings.set(k, findings);
        this.lastBaselined.set(k, baselined);
        if (!later && !force && !touched.has(k) && published.get(k) === json) continue;
        const doc = session.docs.get(uri);
        if (session.disposed) return;
        void session.connection.sendDiagnostics({ uri, diagnostics, ...(doc ? { version: doc.version } : {}) });
        // A file whose findings are all hidden (baselined, severity off) is kept: nothing is re-sent until they change.
        if (diagnostics.length || findings.length) {
          if (later) this.undigested.set(k, diagnostics);
          published.set(k, json ?? EMPTY);
        } else {
          published.delete(k);
          lastFindings.delete(k);
          this.lastBaselined.delete(k);
        }
      }
    }
    touched.clear();
  }

  /** Records the digests `publishAll` left for later: as it would have, of the diagnostics it sent. */
  settleDigests(): void {
    for (const [k, diagnostics] of this.undigested) this.published.set(k, digest(JSON.stringify(diagnostics)));
    this.undigested.clear();
  }

  /**
   * Input problems a root found on a file that an inner root publishes, by that inner root and its path for the file:
   * the inner root does not see them (the outer root's TM014 on the sub-folder's own config), so it shows them too.
   */
  private carriedInputProblems(byRoot: ReadonlyMap<Root, ReadonlyMap<string, InputProblem[]>>): Map<Root, Map<string, InputProblem[]>> {
    const out = new Map<Root, Map<string, InputProblem[]>>();
    if (this.session.roots.length < 2) return out;
    for (const [root, byFile] of byRoot) {
      for (const [file, problems] of byFile) {
        const uri = root.paths.toUri(file);
        const owner = this.session.rootOf(uri);
        const path = owner && owner !== root ? owner.paths.toPath(uri) : undefined;
        if (!owner || path === undefined) continue;
        const carried = out.get(owner) ?? new Map<string, InputProblem[]>();
        carried.set(path, [...(carried.get(path) ?? []), ...problems]);
        out.set(owner, carried);
      }
    }
    return out;
  }

  /** Clears the diagnostics of a root that is no longer served. */
  forget(root: Root): void {
    this.settleDigests();
    const prefix = `${root.paths.root}\0`;
    for (const k of [...this.published.keys()])
      if (k.startsWith(prefix)) {
        if (!this.session.disposed) void this.session.connection.sendDiagnostics({ uri: root.paths.toUri(k.slice(prefix.length)), diagnostics: [] });
        this.published.delete(k);
      }
    for (const k of [...this.lastFindings.keys()]) if (k.startsWith(prefix)) this.lastFindings.delete(k);
    for (const k of [...this.lastBaselined.keys()]) if (k.startsWith(prefix)) this.lastBaselined.delete(k);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** The JSON texts themselves stayed in memory, one per file with findings: 22 MB at 20,000 requirements. */
function digest(json: string): string {
  return createHash('sha256').update(json).digest('base64');
}

const EMPTY = digest('[]');
/** What publishEarly records as published: findings equal to the early ones are not sent again, any others are. */
const EARLY = 'early';

/** Equal findings give equal diagnostics: a re-run rule reports new objects, compared by value without converting them. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i] || sameFinding(f, b[i]));
}

/**
 * Findings that give the same diagnostic: the same fields, equal scalars, the same range positions (all a diagnostic
 * takes of a range), fixes and related locations deeply equal. Tens of thousands are compared after each model edit.
 */
export function sameFinding(a: Finding, b: Finding): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    if (!(k in y)) return false;
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (k === 'range' ? !sameRange(a.range, b.range) : typeof u !== 'object' || typeof v !== 'object' || !isDeepStrictEqual(u, v)) return false;
  }
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A finding the baseline accepts: shown lower and marked, or not at all. */
function baselinedDiagnostic(d: Diagnostic, severity: ServerSettings['baselineSeverity']): Diagnostic[] {
  if (severity === 'off') return [];
  return [{ ...d, severity: severity === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information, message: `${typeof d.message === 'string' ? d.message : d.message.value} (baselined)` }];
}
