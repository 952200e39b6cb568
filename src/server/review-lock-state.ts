// @spdf implements SPDF-LSP-WATCH
/**
 * The review lock as the language server holds it: read as `spdf check` reads it (src/server/input-problems.ts),
 * indexed once per read, and the review state of one code link against it.
 */
import { parseReviewLock, REVIEW_LOCK_FILE, type ReviewLock } from '../core/codelinks/review-lock';
import { ReviewLockIndex, reviewStatusOf, type LinkReviewStatus } from '../core/codelinks/review-status';
import type { CodeLink } from '../core/codelinks/model';
import type { Host } from '../core/host';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph } from '../core/model/graph';
import { targetHashOf } from '../node/review';
import type { InputProblems } from './input-problems';

/** The review lock's path in the workspace (the config may name another). */
export const lockPathOf = (config: ResolvedConfig | undefined): string => config?.lockFile || REVIEW_LOCK_FILE;

export class ReviewLockState {
  lock: ReviewLock = { version: 1, links: [] };
  private index = new ReviewLockIndex(this.lock);

  async load(inputProblems: InputProblems, host: Host, config: ResolvedConfig, overlays: ReadonlyMap<string, string>, files: ReadonlySet<string>, trusted: boolean): Promise<void> {
    const name = lockPathOf(config);
    this.lock = parseReviewLock(await inputProblems.readLock(host, { lockFile: name, lockFileNamed: config.lockFileNamed }, overlays.get(name), files.has(name), trusted)).lock;
    this.index = new ReviewLockIndex(this.lock);
  }

  /** Review state of one code link against the lock. */
  reviewOf(graph: Graph, link: CodeLink): LinkReviewStatus {
    return reviewStatusOf(link, targetHashOf(graph, link.id), this.index);
  }
}
