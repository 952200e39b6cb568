/** "Mark reviewed": records the chosen code links as reviewed in the lock file, then re-checks. */
import type { CodeLink } from '../../core/codelinks/model';
import { defaultReviewer, recordReviews } from '../../node/review';
import type { MarkReviewedParams, MarkReviewedResult } from '../../protocol';
import type { ServerParts } from '../server-parts';

export async function markReviewed({ session, diagnostics }: ServerParts, p: MarkReviewedParams): Promise<MarkReviewedResult> {
  await session.settled();
  const s = session.state;
  const paths = session.paths;
  if (!s || !paths) return { ok: false, message: 'the workspace is not indexed yet', marked: 0 };
  if (!s.trusted) return { ok: false, message: 'marking links reviewed is disabled in an untrusted workspace', marked: 0 };
  const all = s.code.links();
  let chosen: CodeLink[];
  if (p.links?.length) {
    const want = new Set(p.links.map((l) => JSON.stringify([l.id, l.relation, l.file, l.symbol])));
    chosen = all.filter((l) => want.has(JSON.stringify([l.id, l.relation, l.file, l.symbol])));
  } else if (p.id) chosen = all.filter((l) => l.id === p.id);
  else chosen = [];
  const reviewer = p.reviewer || session.settings.reviewer || defaultReviewer();
  const outcome = await recordReviews(paths.root, s.graph, chosen, reviewer, { lockFile: s.config.lockFile });
  if (!outcome.ok) return { ok: false, message: outcome.message, marked: 0 };
  await session.enqueue(() => s.fileChanged(s.config.lockFile || 'spdf.lock.json', 'changed'));
  diagnostics.schedule();
  return { ok: true, message: outcome.message, marked: outcome.marked.length };
}
