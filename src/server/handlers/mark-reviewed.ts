/** "Mark reviewed": records the chosen code links as reviewed in the lock file, then re-checks. */
import type { CodeLink } from '../../core/codelinks/model';
import { defaultReviewer, recordReviews } from '../../node/review';
import type { MarkReviewedParams, MarkReviewedResult } from '../../protocol';
import type { ServerParts } from '../server-parts';

export async function markReviewed({ session, diagnostics }: ServerParts, p: MarkReviewedParams): Promise<MarkReviewedResult> {
  await session.settled();
  const want = new Set((p.links ?? []).map((l) => JSON.stringify([l.id, l.relation, l.file, l.symbol])));
  const pick = (all: CodeLink[]) => (p.links?.length ? all.filter((l) => want.has(JSON.stringify([l.id, l.relation, l.file, l.symbol]))) : p.id ? all.filter((l) => l.id === p.id) : []);
  // The root named, else the one whose code holds the links (each root has its own lock file), else the first.
  const root = p.root !== undefined ? session.roots.find((r) => r.paths.root === p.root) : (session.roots.find((r) => r.state && pick(r.state.code.links()).length) ?? session.roots[0]);
  if (!root) return { ok: false, message: `${String(p.root)} is not a root of this workspace`, marked: 0 };
  const s = root?.state;
  if (!s) return { ok: false, message: 'the workspace is not indexed yet', marked: 0 };
  if (!s.trusted) return { ok: false, message: 'marking links reviewed is disabled in an untrusted workspace', marked: 0 };
  const paths = root.paths;
  const chosen = pick(s.code.links());
  const reviewer = p.reviewer || session.settings.reviewer || defaultReviewer();
  const outcome = await recordReviews(paths.root, s.graph, chosen, reviewer, { lockFile: s.config.lockFile });
  if (!outcome.ok) return { ok: false, message: outcome.message, marked: 0 };
  await session.enqueue(() => s.fileChanged(s.config.lockFile || 'spdf.lock.json', 'changed'));
  diagnostics.schedule();
  return { ok: true, message: outcome.message, marked: outcome.marked.length };
}
