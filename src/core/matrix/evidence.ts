// @spdf implements SPDF-TRC-002, SPDF-TRC-004
import { withArticle } from '../article';
import type { ResolvedConfig } from '../model/config-def';
import type { Graph, ModelItem } from '../model/graph';
import { findRule } from '../rules/registry';
import type { Finding, SuppressedFinding } from '../types';
import type { LinkEvidence, LinkReview, StatusDecision, StatusEvidence, VerifierEvidence } from './decide';
import type { MatrixCodeLink } from './links';
import type { CellValue, Target } from './model';

/** Rule categories whose suppressions justify missing trace evidence (JUSTIFIED). */
export const TRACE_CATEGORIES: ReadonlySet<string> = new Set(['requirements', 'tests', 'controls', 'threats', 'code-links']);

/** Threat treatments that need no control (the risk is not reduced by a control of ours). */
const UNCONTROLLED_TREATMENTS = new Set(['accepted', 'transferred', 'avoided', 'n/a']);

/** `file:line symbol`; a line or range link shows its lines (`file:12-18 symbol`), not the symbol's first line. */
export function codeLabel(l: MatrixCodeLink): string {
  const at = l.lines && l.lines.end !== l.lines.start ? `${l.lines.start}-${l.lines.end}` : `${l.line}`;
  return `${l.file}:${at}${l.symbol ? ` ${l.symbol}` : ''}`;
}

export function codeTarget(l: MatrixCodeLink): Target {
  // Built field by field, not spread: one per code link of every view; the key order is the exports' order.
  const t: Target = { type: 'code', file: l.file, line: l.line };
  if (l.lines && l.lines.end !== l.lines.start) t.endLine = l.lines.end;
  if (l.symbol) t.symbol = l.symbol;
  return t;
}

/** A code link as a cell value: `codeLabel` and `suffix` as its text, `codeTarget` as its target; each field of the link read once. */
export function codeValue(l: MatrixCodeLink, suffix: string): CellValue {
  const file = l.file;
  const line = l.line;
  const lines = l.lines;
  const symbol = l.symbol;
  const endLine = lines && lines.end !== lines.start ? lines.end : undefined;
  const at = endLine !== undefined ? `${lines!.start}-${endLine}` : `${line}`;
  const target: Target = { type: 'code', file, line };
  if (endLine !== undefined) target.endLine = endLine;
  if (symbol) target.symbol = symbol;
  return { text: `${file}:${at}${symbol ? ` ${symbol}` : ''}${suffix}`, target };
}

/** What the evidence of an item is gathered from (the trace index). */
export interface EvidenceSource {
  readonly graph: Graph;
  readonly config: ResolvedConfig;
  /** A lint result was given: its error-level structure findings decide ERROR (else the graph's broken references do). */
  readonly linted: boolean;
  readonly reviewsInUse: boolean;
  item(id: string): ModelItem | undefined;
  findingsOn(item: ModelItem): Finding[];
  suppressedOn(item: ModelItem): SuppressedFinding[];
  childrenOf(item: ModelItem): string[];
  implementationOf(item: ModelItem): MatrixCodeLink[];
  verifiersOf(item: ModelItem): VerifierEvidence[];
  statusOf(item: ModelItem): StatusDecision;
}

/** Everything `decideStatus` reads about one traced item. */
export function evidenceOf(ix: EvidenceSource, item: ModelItem): StatusEvidence {
  const ev = ix.config.evidence[item.kind] ?? { implementation: false, verification: false };
  const status = item.data.status;
  const errors: string[] = [];
  if (ix.linted) {
    for (const f of ix.findingsOn(item)) if (f.severity === 'error' && findRule(f.code)?.meta.category === 'structure') errors.push(`${f.code}: ${f.message}`);
  } else {
    for (const r of ix.graph.refsOf.get(item) ?? [])
      if (!r.target) errors.push(`unknown ID '${r.id}' in ${r.field}`);
      else if (!r.kinds.includes(r.target.kind)) errors.push(`'${r.id}' in ${r.field} is ${withArticle(r.target.kind)}`);
  }
  const acc = item.data.acceptance;
  const accepted =
    item.kind === 'threat' && status === 'accepted' && acc && typeof acc.by === 'string' && acc.by && typeof acc.rationale === 'string' && acc.rationale.trim()
      ? `${acc.rationale.trim()} (approved by ${acc.by})`
      : undefined;
  const suppressions: string[] = [];
  for (const s of ix.suppressedOn(item)) if (TRACE_CATEGORIES.has(findRule(s.code)?.meta.category ?? '')) suppressions.push(`${s.code}: ${s.justification}`);
  const childrenRequired = (item.kind === 'threat' && !UNCONTROLLED_TREATMENTS.has(String(status ?? 'open'))) || item.kind === 'zone' || item.kind === 'conduit';
  const children: { label: string; status: StatusDecision['status'] }[] = [];
  for (const id of ix.childrenOf(item)) {
    const c = ix.item(id);
    if (c) children.push({ label: id, status: ix.statusOf(c).status });
  }
  return {
    requires: { implementation: ev.implementation, verification: ev.verification, children: childrenRequired },
    errors,
    accepted,
    suppressions,
    implementation: ix.implementationOf(item).map((l) => new CodeEvidence(l)),
    implementationClaim: item.kind === 'control' && (status === 'implemented' || status === 'verified') ? `status: ${status}` : undefined,
    verifiers: ix.verifiersOf(item),
    children,
    reviewsInUse: ix.reviewsInUse,
  };
}

/** An implementing link as evidence: its label is built only when a reason names it (most decisions name none). */
class CodeEvidence implements LinkEvidence {
  readonly review: LinkReview;
  constructor(private readonly link: MatrixCodeLink) {
    this.review = link.review;
  }
  get label(): string {
    return codeLabel(this.link);
  }
}
