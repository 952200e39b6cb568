// @spdf implements SPDF-CMD-REVIEW
import type { CodeLink } from '../core/codelinks/model';
import { pickNormativeFields, targetHash } from '../core/codelinks/normative-fields';
import { linkKey, updateReviewLock, type ReviewLockEntry } from '../core/codelinks/review-lock';
import type { Graph } from '../core/model/graph';
import { readReviewLock, writeReviewLock } from './codeindex/review-lock-file';

export interface ReviewOutcome {
  ok: boolean;
  message: string;
  /** Entries written (one per link). */
  marked: ReviewLockEntry[];
}

/** Hash of an item's normative fields, or undefined when the ID names no item. */
export function targetHashOf(graph: Graph, id: string): string | undefined {
  const item = graph.byId.get(id);
  return item ? targetHash(pickNormativeFields(item.kind, item.data)) : undefined;
}

/**
 * Records reviews of code links in the lock file: the one path by which `spdf review` and the editor's
 * "mark reviewed" change it. Links whose target is unknown are not recorded (there is nothing to review against).
 */
export async function recordReviews(root: string, graph: Graph, links: readonly CodeLink[], reviewer: string, opts: { date?: string; lockFile?: string } = {}): Promise<ReviewOutcome> {
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const entries: ReviewLockEntry[] = [];
  for (const l of links) {
    const th = targetHashOf(graph, l.id);
    if (th !== undefined) entries.push({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, codeHash: l.codeHash, targetHash: th, reviewer, date });
  }
  if (entries.length === 0) return { ok: false, message: 'no current link to mark (unknown target or link not found)', marked: [] };
  let current: string | undefined;
  try {
    current = await readReviewLock(root, opts.lockFile);
  } catch (error) {
    return { ok: false, message: `no review was recorded: ${(error as Error).message}`, marked: [] };
  }
  const update = updateReviewLock(current, entries);
  if (update.text === undefined) return { ok: false, message: `the lock file cannot be read, so no review was recorded: ${update.problems.join('; ')}`, marked: [] };
  try {
    await writeReviewLock(root, update.text, opts.lockFile);
  } catch (error) {
    return { ok: false, message: `no review was recorded: ${(error as Error).message}`, marked: [] };
  }
  return { ok: true, message: `marked ${entries.length} link(s) reviewed by ${reviewer} (${update.added} new, ${update.updated} renewed)`, marked: entries };
}

/**
 * Drops the lock's entries whose link no longer exists in the code (a file deleted, a tag removed, a symbol renamed),
 * so the lock lists only reviews of current links. `current`: every link of the whole workspace's code index;
 * `unread`: files that were not read or not indexed, whose entries are kept (their links are unknown, not gone).
 */
export async function pruneReviews(
  root: string,
  current: readonly CodeLink[],
  unread: ReadonlySet<string>,
  opts: { lockFile?: string; dryRun?: boolean } = {},
): Promise<ReviewOutcome & { removed: number }> {
  let text: string | undefined;
  try {
    text = await readReviewLock(root, opts.lockFile);
  } catch (error) {
    return { ok: false, message: `nothing was pruned: ${(error as Error).message}`, marked: [], removed: 0 };
  }
  if (text === undefined) return { ok: true, message: 'no lock file: nothing to prune', marked: [], removed: 0 };
  const keys = new Set(current.map((l) => linkKey(l)));
  const update = updateReviewLock(text, [], (e) => keys.has(linkKey(e)) || unread.has(e.file));
  if (update.text === undefined) return { ok: false, message: `the lock file cannot be read, so nothing was pruned: ${update.problems.join('; ')}`, marked: [], removed: 0 };
  if (update.removed === 0) return { ok: true, message: 'every lock entry names a current link: nothing to prune', marked: [], removed: 0 };
  if (opts.dryRun) return { ok: true, message: `would prune ${update.removed} lock entr${update.removed === 1 ? 'y' : 'ies'} whose link no longer exists`, marked: [], removed: update.removed };
  try {
    await writeReviewLock(root, update.text, opts.lockFile);
  } catch (error) {
    return { ok: false, message: `nothing was pruned: ${(error as Error).message}`, marked: [], removed: 0 };
  }
  return { ok: true, message: `pruned ${update.removed} lock entr${update.removed === 1 ? 'y' : 'ies'} whose link no longer exists`, marked: [], removed: update.removed };
}

export function defaultReviewer(): string {
  return process.env.SPDF_REVIEWER || process.env.USER || process.env.USERNAME || 'unknown';
}
