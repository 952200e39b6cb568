import type { Graph } from '../model/graph';
import type { CodeFileIndex } from '../codelinks/model';
import { pickNormativeFields, targetHash } from '../codelinks/normative-fields';
import { parseReviewLock, type ReviewLock } from '../codelinks/review-lock';
import { ReviewLockIndex, reviewStatusOf } from '../codelinks/review-status';
import { skippedInEveryRun } from '../codelinks/skipped-tests';
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
  /** 1-based line of the symbol (or of the tag), or the first line of `lines`. */
  line: number;
  /** 1-based, inclusive lines a StrictDoc `scope=line` or `range_start`/`range_end` link covers inside the symbol. */
  lines?: { start: number; end: number };
  review: LinkReview;
  /** 0-based ranges when the source kept them (the language server's links). */
  range?: Range;
  symbolRange?: Range;
  /** For a file-level link: the qualified names of the symbols its file defines, asked when needed. */
  fileSymbols?: () => readonly string[];
  /** A `verifies` link on a test its framework skips in every run (CL014): no result file can make it pass. */
  skippedInEveryRun?: true;
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
export function matrixLinksFromCode(
  code: { files: readonly (Pick<CodeFileIndex, 'links'> & Partial<Pick<CodeFileIndex, 'symbols' | 'problems'>>)[] } | undefined,
  lock: ReviewLock | string | undefined,
  graph: Graph,
): MatrixCodeInput {
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
  // One loop, each link built field by field (no spread): this runs for every code link of every gate and matrix.
  const links: MatrixCodeLink[] = [];
  for (const f of code?.files ?? []) {
    let names: readonly string[] | undefined;
    // Read when asked, once per file: only a file-level verifier with test results wants them (test-outcomes.ts).
    const fileSymbols = () => (names ??= (f.symbols ?? []).map((s) => s.qualifiedName));
    for (const l of f.links) {
      const review: LinkReview = index ? reviewStatusOf({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, codeHash: l.codeHash }, hashOf(l.id), index).state : 'unreviewed';
      const range = l.range;
      const symbolRange = l.symbolRange;
      const skipped = skippedInEveryRun(l, f.problems) ? ({ skippedInEveryRun: true } as const) : undefined;
      links.push(
        l.lines
          ? {
              id: l.id,
              relation: l.relation,
              file: l.file,
              symbol: l.symbol,
              line: l.lines.start + 1,
              lines: { start: l.lines.start + 1, end: l.lines.end + 1 },
              review,
              range,
              symbolRange,
              ...skipped,
            }
          : {
              id: l.id,
              relation: l.relation,
              file: l.file,
              symbol: l.symbol,
              // Read when asked: a code index may note which files' positions were read (a gate that prints no line of a file reads none).
              get line() {
                return (symbolRange ?? range).start.line + 1;
              },
              review,
              range,
              symbolRange,
              ...(l.symbol === null ? { fileSymbols } : {}),
              ...skipped,
            },
      );
    }
  }
  return { links, reviewsInUse: !!parsed && parsed.links.length > 0 };
}

/** The 1-based line a link is shown at and, for a line or range link, the lines it covers. */
export function linkLines(l: { range: Range; symbolRange?: Range; lines?: { start: number; end: number } }): Pick<MatrixCodeLink, 'line' | 'lines'> {
  if (l.lines) return { line: l.lines.start + 1, lines: { start: l.lines.start + 1, end: l.lines.end + 1 } };
  return { line: (l.symbolRange ?? l.range).start.line + 1 };
}
