// @spdf implements SPDF-CMD-DIFF
import { diffEvidence } from '../core/diff/compute';
import type { EvidenceDiff } from '../core/diff/model';
import { findWorkspaceRoot } from './find-root';
import { formatLoadProblem, loadProblems } from './load-problems';
import { loadRevision, resolveRange, type Snapshot, type SnapshotOptions } from './revision-snapshot';

/** A side whose model or config did not load: a diff against a half-read model would be a false green. */
export class UnreadableRevisionError extends Error {
  constructor(readonly lines: string[]) {
    super(`spdf diff: a revision's model did not load, so no diff is reported:\n${lines.join('\n')}`);
  }
}

export interface EvidenceDiffRun {
  root: string;
  diff: EvidenceDiff;
  base: Snapshot;
  head: Snapshot;
}

/**
 * `spdf diff`: resolves the range, loads both sides (commits through git, never a checkout) and compares them.
 * Rejects with a GitError (not a repository, unknown revision) or an UnreadableRevisionError (error-level load
 * problems on either side, listed with revision and file:line:col).
 */
export async function evidenceDiff(start: string, spec: string | undefined, opts: SnapshotOptions = {}): Promise<EvidenceDiffRun> {
  const root = findWorkspaceRoot(start);
  const range = await resolveRange(root, spec);
  const base = await loadRevision(root, range.base.commit, { ...opts, label: range.base.rev });
  const head = await loadRevision(root, range.head?.commit, { ...opts, label: range.head?.rev });
  const broken = [base, head].flatMap((s) =>
    loadProblems(s)
      .filter((p) => p.severity === 'error')
      .map((p) => `${s.label}${s.commit ? ` (${s.commit.slice(0, 12)})` : ''}: ${formatLoadProblem(p)}`),
  );
  if (broken.length) throw new UnreadableRevisionError(broken);
  return { root, diff: diffEvidence(base, head), base, head };
}
