import type { Graph } from '../model/graph';
import type { CodeFileIndex, CodeLink } from '../codelinks/model';
import { pickNormativeFields, targetHash } from '../codelinks/normativeFields';
import { parseReviewLock, type ReviewLock } from '../codelinks/reviewLock';
import { ReviewLockIndex, reviewStatusOf } from '../codelinks/reviewStatus';
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

function collectLinks(code: unknown): CodeLink[] {
  const out: CodeLink[] = [];
  const visitLink = (l: unknown) => {
    const o = l as Partial<CodeLink> | null;
    if (o && typeof o === 'object' && typeof o.id === 'string' && typeof o.relation === 'string' && typeof o.file === 'string') out.push(o as CodeLink);
  };
  const visitFile = (f: unknown) => {
    const links = (f as Partial<CodeFileIndex> | null)?.links;
    if (Array.isArray(links)) links.forEach(visitLink);
    else visitLink(f);
  };
  const visitMany = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visitFile);
    else if (v instanceof Map) for (const f of v.values()) visitFile(f);
  };
  if (!code || typeof code !== 'object') return out;
  if (Array.isArray(code) || code instanceof Map) visitMany(code);
  else {
    const c = code as { links?: unknown; files?: unknown };
    if (c.links) visitMany(c.links);
    if (c.files) visitMany(c.files);
  }
  return out;
}

function toLock(lock: unknown): ReviewLock | undefined {
  if (lock === undefined || lock === null) return undefined;
  if (typeof lock === 'string') return parseReviewLock(lock).lock;
  const l = lock as Partial<ReviewLock>;
  return Array.isArray(l.links) ? (l as ReviewLock) : undefined;
}

/**
 * Converts the code-link input of the rule inputs (`RuleInputs.code`: per-file indexes, or `{ files }`,
 * or `{ links }`) and the review lock (`RuleInputs.lock`: text or parsed) into matrix links with their
 * review state (reviewed, suspect: code or target changed since review, unreviewed).
 */
export function matrixLinksFromCode(code: unknown, lock: unknown, graph: Graph): MatrixCodeInput {
  const parsed = toLock(lock);
  const index = parsed ? new ReviewLockIndex(parsed) : undefined;
  const hashes = new Map<string, string | undefined>();
  const hashOf = (id: string) => {
    if (!hashes.has(id)) {
      const item = graph.byId.get(id);
      hashes.set(id, item ? targetHash(pickNormativeFields(item.kind, item.data)) : undefined);
    }
    return hashes.get(id);
  };
  const links = collectLinks(code).map((l): MatrixCodeLink => {
    const review: LinkReview = index ? reviewStatusOf({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, codeHash: l.codeHash }, hashOf(l.id), index).state : 'unreviewed';
    const range = l.symbolRange ?? l.range;
    return { id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, line: (range?.start.line ?? 0) + 1, review, range: l.range, symbolRange: l.symbolRange };
  });
  return { links, reviewsInUse: !!parsed && parsed.links.length > 0 };
}
