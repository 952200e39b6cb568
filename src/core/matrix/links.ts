import type { Graph } from '../model/graph';
import type { CodeFileIndex } from '../codelinks/model';
import { pickNormativeFields, targetHash } from '../codelinks/normative-fields';
import { parseReviewLock, type ReviewLock } from '../codelinks/review-lock';
import { ReviewLockIndex, reviewStatusOf } from '../codelinks/review-status';
import type { Range } from '../types';
import type { LinkReview } from './decide';

/**
 * The part of a code link the matrix reads. Any code-link source can fill it; `matrixLinksFromCode`
 * converts the code-link index (src/core/codelinks) and the review lock.
 */
export interface MatrixCodeLink {
  id: string;
  /** implements | verifies | mitigates | hazard */
  relation: string;
  file: string;
  /** Qualified symbol name, or null for a file-level link. */
  symbol: string | null;
  /** 1-based line of the symbol (or of the tag). */
  line: number;
  review: LinkReview;
  /** 0-based ranges when the source kept them (the language server's links). */
  range?: Range;
  symbolRange?: Range;
}

export interface MatrixCodeInput {
  links: MatrixCodeLink[];
  /** A review lock exists: unreviewed links are incomplete evidence. */
  reviewsInUse: boolean;
}

/**
 * Converts the code-link index of the rule inputs (`RuleInputs.code`) and the review lock (`RuleInputs.lock`,
 * parsed or as text) into matrix links with their review state (reviewed, suspect: code or target changed
 * since review, unreviewed).
 */
export function matrixLinksFromCode(code: { files: readonly Pick<CodeFileIndex, 'links'>[] } | undefined, lock: ReviewLock | string | undefined, graph: Graph): MatrixCodeInput {
  const parsed = typeof lock === 'string' ? parseReviewLock(lock).lock : lock;
  const index = parsed ? new ReviewLockIndex(parsed) : undefined;
  const hashes = new Map<string, string | undefined>();
  const hashOf = (id: string) => {
    if (!hashes.has(id)) {
      const item = graph.byId.get(id);
      hashes.set(id, item ? targetHash(pickNormativeFields(item.kind, item.data)) : undefined);
    }
    return hashes.get(id);
  };
  const links = (code?.files ?? [])
    .flatMap((f) => f.links)
    .map((l): MatrixCodeLink => {
      const review: LinkReview = index ? reviewStatusOf({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, codeHash: l.codeHash }, hashOf(l.id), index).state : 'unreviewed';
      const range = l.symbolRange ?? l.range;
      return { id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, line: (range?.start.line ?? 0) + 1, review, range: l.range, symbolRange: l.symbolRange };
    });
  return { links, reviewsInUse: !!parsed && parsed.links.length > 0 };
}
