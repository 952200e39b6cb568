/** The `spdf/status` notification: indexing, trust, finding counts and coverage for the status bar. */
import { StatusNotification, type RootStatus, type StatusSummary } from '../protocol';
import type { ServerSession } from './session';
import type { WorkspaceState } from './state';
import { inputProblemsOf } from './input-problems';
import { coverageSummary } from './tree';

export class StatusReporter {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly session: ServerSession) {}

  /**
   * Sends the status 300 ms after the last call: during a burst of edits (typing) the coverage behind it, a pass
   * over every requirement, is computed once the burst pauses instead of between two keystrokes' checks.
   */
  soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send(false);
    }, 300);
  }

  /** Settles once the status is written to the client (or could not be). */
  send(indexing: boolean): Promise<void> {
    const { session } = this;
    if (session.disposed) return Promise.resolve();
    try {
      const roots = indexing ? [] : session.roots.map((r) => rootStatus(r.paths.root, r.state));
      const first = roots[0] ?? rootStatus(session.paths?.root ?? '', undefined);
      const { root, ...counts } = first;
      const s: StatusSummary = { indexing, trusted: session.trusted, ...counts, root: root || undefined, ...(indexing ? {} : { roots }) };
      return session.connection.sendNotification(StatusNotification, s).catch(() => undefined);
    } catch (e) {
      session.logError('status', e);
      return Promise.resolve();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function rootStatus(root: string, state: WorkspaceState | undefined): RootStatus {
  const s: RootStatus = {
    root,
    errors: 0,
    warnings: 0,
    infos: 0,
    coverage: { total: 0, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } },
    items: 0,
    codeFiles: 0,
    links: 0,
  };
  if (!state) return s;
  // The published findings: the check's, and the baseline file's own problems (src/server/editor-baseline.ts).
  for (const findings of state.findingsByFile.values()) for (const f of findings) s[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  s.coverage = coverageSummary(state);
  s.items = state.graph.items.length;
  s.codeFiles = state.code.files.size;
  s.links = state.code.links().length;
  s.unscanned = state.code.unscanned.size;
  s.inputProblems = inputProblemsOf(state).length;
  s.errors += s.unscanned + s.inputProblems;
  s.minCoverage = state.config.checkMinCoverage;
  return s;
}
