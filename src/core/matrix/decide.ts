// @spdf implements SPDF-TRC-001
/**
 * THE trace status and coverage definition (architecture.md, "Trace statuses and coverage"). The tree view,
 * the status bar, the matrix, every export and `spdf check` call `decideStatus` and `coverageOf`; nothing
 * else decides a status. The exact rule per kind is documented in README.md ("Trace statuses").
 */

import type { ItemKind } from '../model/kinds';

/** Kinds that have a trace status. */
export const TRACED_KINDS: readonly ItemKind[] = ['requirement', 'control', 'threat', 'hazard', 'zone', 'conduit'];

export const STATUSES = ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'] as const;
export type TraceStatus = (typeof STATUSES)[number];

/** Worst first: the order used to sort and to roll statuses up. */
export const STATUS_SEVERITY: Record<TraceStatus, number> = { ERROR: 5, SUSPECT: 4, MISSING: 3, PARTIAL: 2, JUSTIFIED: 1, OK: 0 };

/** Latest result of one verifier (a YAML test item or a test symbol tagged `verifies`). */
export type TestOutcome = 'pass' | 'fail' | 'not-run' | 'blocked' | 'none';

/** Review state of a code link (see src/core/codelinks/review-status.ts). */
export type LinkReview = 'reviewed' | 'suspect' | 'unreviewed';

export interface LinkEvidence {
  /** Human label for reasons: `src/dose.c:42 setRate`. */
  label: string;
  review: LinkReview;
}

export interface VerifierEvidence {
  label: string;
  outcome: TestOutcome;
  /** Present for code verifiers (test symbols); YAML tests carry no review. */
  review?: LinkReview;
  /** A YAML test whose recorded result has no evidence (VT002): why. */
  unproven?: string;
}

/** Everything the decision reads about one item; the builder fills it from the graph and the inputs. */
export interface StatusEvidence {
  /** Which own evidence the item's kind requires (config `evidence`, defaults in config-def.ts). */
  requires: { implementation: boolean; verification: boolean; children: boolean };
  /** Reasons that make the item ERROR by itself: broken references, error-level structure findings. */
  errors: string[];
  /** Data-level acceptance (`threat.status: accepted` with `acceptance.by` and `acceptance.rationale`). */
  accepted?: string;
  /** Justifications of trace-related suppressions located on the item. */
  suppressions: string[];
  implementation: LinkEvidence[];
  /** A data-level claim of implementation (a control's `status: implemented|verified`). */
  implementationClaim?: string;
  verifiers: VerifierEvidence[];
  /** Items the status rolls up (threat -> controls, hazard -> threats, control -> requirements, zone -> threats). */
  children: { label: string; status: TraceStatus }[];
  /** The workspace keeps a review lock: unreviewed links are then incomplete evidence. */
  reviewsInUse: boolean;
}

export interface StatusDecision {
  status: TraceStatus;
  /** Why, in one short sentence per fact (shown in the matrix "Why" column and in SARIF messages). */
  reasons: string[];
}

type Piece = 'met' | 'partial' | 'none';

/**
 * Decision rule (first match wins):
 * 1. ERROR     the item has an error of its own (broken reference, error-level structure finding), a verifier
 *              whose latest result is `fail`, or a rolled-up child in ERROR.
 * 2. JUSTIFIED a data-level acceptance (accepted threat with approver and rationale).
 * 3. SUSPECT   a code link (implementing or verifying) whose code or target changed since review, or a child SUSPECT.
 * 4. Evidence units = each required own piece (implementation, verification) + the children (when the kind
 *    rolls up children and has any, or requires them). Each unit is met, partial or none:
 *      implementation: met when >= 1 implementing link (or a claim), partial when every link is unreviewed
 *                      while a review lock is in use;
 *      verification:   met when >= 1 verifier and every verifier passed or has no result yet (`none`: no
 *                      result source), partial when one has not run (`not-run`, `blocked`), is unreviewed
 *                      while a review lock is in use, or records a result without evidence (VT002);
 *      children:       met when every child is OK or JUSTIFIED, none when there are none, else partial.
 *    No unit required -> OK (not applicable by kind). All met -> OK. All none -> MISSING. Else PARTIAL.
 * 5. A PARTIAL or MISSING item with a justified trace-related suppression on it -> JUSTIFIED.
 */
export function decideStatus(e: StatusEvidence): StatusDecision {
  // Each list is scanned before anything is built from it: most items have no failing verifier, no suspect link
  // and no child in ERROR or SUSPECT, and this runs for every traced item of every gate and matrix.
  const failing = count(e.verifiers, (v) => v.outcome === 'fail');
  const childErrors = count(e.children, (c) => c.status === 'ERROR');
  if (e.errors.length || failing || childErrors)
    return {
      status: 'ERROR',
      reasons: [
        ...e.errors,
        ...e.verifiers.filter((v) => v.outcome === 'fail').map((v) => `test failed: ${v.label}`),
        ...e.children.filter((c) => c.status === 'ERROR').map((c) => `${c.label} is ERROR`),
      ],
    };
  if (e.accepted) return { status: 'JUSTIFIED', reasons: [`risk accepted: ${e.accepted}`] };
  const suspectLinks = count(e.implementation, isSuspect) + count(e.verifiers, isSuspect);
  const childSuspect = count(e.children, (c) => c.status === 'SUSPECT');
  if (suspectLinks || childSuspect)
    return {
      status: 'SUSPECT',
      reasons: [
        ...[...e.implementation, ...e.verifiers].filter(isSuspect).map((l) => `changed since review: ${l.label}`),
        ...e.children.filter((c) => c.status === 'SUSPECT').map((c) => `${c.label} is SUSPECT`),
      ],
    };

  const reasons: string[] = [];
  let units = 0;
  let met = 0;
  let none = 0;
  if (e.requires.implementation) {
    const reviewed = e.reviewsInUse ? count(e.implementation, (l) => l.review === 'reviewed') : e.implementation.length;
    const p: Piece = e.implementationClaim || reviewed ? 'met' : e.implementation.length ? 'partial' : 'none';
    units++;
    if (p === 'met') met++;
    else if (p === 'partial') reasons.push('implementing links not reviewed');
    else {
      none++;
      reasons.push('not implemented');
    }
  }
  if (e.requires.verification) {
    units++;
    if (e.verifiers.length === 0) {
      none++;
      reasons.push('not verified');
    } else {
      const notRun = e.verifiers.filter((v) => v.outcome === 'not-run' || v.outcome === 'blocked');
      const unreviewed = e.reviewsInUse ? e.verifiers.filter((v) => v.review === 'unreviewed') : [];
      const unproven = e.verifiers.filter((v) => v.unproven);
      if (!notRun.length && !unreviewed.length && !unproven.length) met++;
      for (const v of notRun) reasons.push(`test ${v.outcome === 'blocked' ? 'blocked' : 'never ran'}: ${v.label}`);
      for (const v of unreviewed) reasons.push(`verifying link not reviewed: ${v.label}`);
      for (const v of unproven) reasons.push(`test evidence missing: ${v.label} ${v.unproven}`);
    }
  }
  if (e.requires.children || e.children.length) {
    units++;
    const good = count(e.children, (c) => c.status === 'OK' || c.status === 'JUSTIFIED');
    if (e.children.length === 0) {
      none++;
      reasons.push('nothing linked');
    } else if (good === e.children.length) met++;
    else for (const c of e.children) if (c.status !== 'OK' && c.status !== 'JUSTIFIED') reasons.push(`${c.label} is ${c.status}`);
  }
  // No unit required is OK (nothing applies to the kind), as every unit met is.
  const status: TraceStatus = met === units ? 'OK' : none === units ? 'MISSING' : 'PARTIAL';
  if (status !== 'OK' && e.suppressions.length) return { status: 'JUSTIFIED', reasons: e.suppressions.map((s) => `suppressed: ${s}`) };
  return { status, reasons };
}

const isSuspect = (l: { review?: LinkReview }): boolean => l.review === 'suspect';

function count<T>(list: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (test(x)) n++;
  return n;
}

export interface Coverage {
  /** Items in scope (requirements not `obsolete`). */
  total: number;
  byStatus: Record<TraceStatus, number>;
  /** (OK + JUSTIFIED) / total, 0..100; undefined when nothing is in scope. */
  percent: number | undefined;
}

export function emptyCounts(): Record<TraceStatus, number> {
  return { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 };
}

/** Coverage = (OK + JUSTIFIED) / all items in scope. The one formula used everywhere. */
export function coverageOf(statuses: Iterable<TraceStatus | { status: TraceStatus }>): Coverage {
  const byStatus = emptyCounts();
  let total = 0;
  for (const s of statuses) {
    byStatus[typeof s === 'string' ? s : s.status]++;
    total++;
  }
  return { total, byStatus, percent: total === 0 ? undefined : ((byStatus.OK + byStatus.JUSTIFIED) * 100) / total };
}

/** Percent for display: one decimal, never rounded up to 100 unless it is 100. */
export function formatPercent(p: number | undefined): string {
  if (p === undefined) return 'n/a';
  const floored = Math.floor(p * 10) / 10;
  return `${floored.toFixed(1)}%`;
}

export function worstStatus(statuses: Iterable<TraceStatus>): TraceStatus | undefined {
  let worst: TraceStatus | undefined;
  for (const s of statuses) if (worst === undefined || STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s;
  return worst;
}
