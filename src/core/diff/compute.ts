// @spdf implements SPDF-CMD-DIFF
import type { CodeLink } from '../codelinks/model';
import { NORMATIVE_FIELDS, targetHash } from '../codelinks/normative-fields';
import { crashedRuleProblem, requirementCoverage } from '../matrix/build';
import { TRACED_KINDS, type Coverage } from '../matrix/decide';
import type { MatrixCodeLink } from '../matrix/links';
import { lineOf, type TraceIndex } from '../matrix/trace-index';
import { traceIndexFromInputs } from '../matrix/trace-matrix';
import type { ModelItem } from '../model/graph';
import { Fingerprinter } from '../baseline/fingerprint';
import { fingerprintKey } from '../baseline/format';
import type { Finding } from '../types';
import { idsOfSymbol, impactOfItems } from './impact';
import { DIFF_FORMAT_VERSION, type CoverageSide, type DiffSide, type EvidenceDiff, type Impact, type ItemChange, type ItemRef, type LinkRef, type StatusChange } from './model';

interface SideLink {
  link: MatrixCodeLink;
  codeHash: string;
}

const byIdKind = (a: { id: string; kind: string }, b: { id: string; kind: string }) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const linkKey = (l: { id: string; relation: string; file: string; symbol: string | null }) => `${l.id}\u0000${l.relation}\u0000${l.file}\u0000${l.symbol ?? ''}`;
const linkRef = (l: MatrixCodeLink): LinkRef => ({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, line: l.line });
const byLink = (a: LinkRef, b: LinkRef) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.relation < b.relation ? -1 : 1);

/** Field values compared the way link fingerprints compare them (whitespace runs collapsed, key order ignored). */
const fieldHash = (value: unknown) => targetHash({ v: value ?? null });

/** The code links of one side with their code fingerprints (the trace index keeps the review state, the index the hash). */
function sideLinks(ix: TraceIndex, code: { files: readonly { links: readonly CodeLink[] }[] } | undefined): Map<string, SideLink> {
  const raw = (code?.files ?? []).flatMap((f) => f.links);
  const out = new Map<string, SideLink>();
  (ix.inputs.code?.links ?? []).forEach((link, i) => {
    const k = linkKey(link);
    if (!out.has(k)) out.set(k, { link, codeHash: raw[i]?.codeHash ?? '' });
  });
  return out;
}

function itemRef(ix: TraceIndex, item: ModelItem): ItemRef {
  return { id: item.id, kind: item.kind, file: item.file, line: lineOf(ix.graph, item) };
}

function itemChange(ix: TraceIndex, before: ModelItem, after: ModelItem): ItemChange | undefined {
  const a = before.data as unknown as Record<string, unknown>;
  const b = after.data as unknown as Record<string, unknown>;
  const normativeSet = new Set(NORMATIVE_FIELDS[after.kind] ?? []);
  const normative: string[] = [];
  const other: string[] = [];
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b), ...normativeSet])].sort()) {
    if (field === 'id' || fieldHash(a[field]) === fieldHash(b[field])) continue;
    (normativeSet.has(field) ? normative : other).push(field);
  }
  if (before.kind !== after.kind) other.unshift('kind');
  return normative.length || other.length ? { ...itemRef(ix, after), normative, other } : undefined;
}

function coverageSide(c: Coverage): CoverageSide {
  return { total: c.total, okOrJustified: c.byStatus.OK + c.byStatus.JUSTIFIED, ...(c.percent !== undefined ? { percent: c.percent } : {}) };
}

/**
 * Findings of `a` not in `b`, matched on the baseline's fingerprint (rule, file, item or symbol, key path,
 * message without positions; never lines), counting repeats: "new" here is "new" against a baseline.
 */
function findingsOnlyIn(a: DiffSide, b: DiffSide): Finding[] {
  const keyIn = (side: DiffSide) => {
    const fp = new Fingerprinter({ graph: side.inputs.graph, code: side.inputs.code });
    return (f: Finding) => fingerprintKey(fp.of(f));
  };
  const keyA = keyIn(a);
  const keyB = keyIn(b);
  const left = new Map<string, number>();
  for (const f of b.lint.findings) left.set(keyB(f), (left.get(keyB(f)) ?? 0) + 1);
  return a.lint.findings.filter((f) => {
    const k = keyA(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

/**
 * The change of security and safety evidence between two loaded revisions: items, code links, statuses,
 * coverage, findings, and what each changed item or symbol reaches. Pure and linear in the size of both sides
 * (plus the impact walk per changed subject).
 */
export function diffEvidence(base: DiffSide, head: DiffSide): EvidenceDiff {
  const ixA = traceIndexFromInputs(base.inputs, base.lint);
  const ixB = traceIndexFromInputs(head.inputs, head.lint);
  const gA = ixA.graph;
  const gB = ixB.graph;

  const added: ItemRef[] = [];
  const removed: ItemRef[] = [];
  const changed: ItemChange[] = [];
  for (const [id, item] of gB.byId) {
    const old = gA.byId.get(id);
    if (!old) added.push(itemRef(ixB, item));
    else {
      const c = itemChange(ixB, old, item);
      if (c) changed.push(c);
    }
  }
  for (const [id, item] of gA.byId) if (!gB.byId.has(id)) removed.push(itemRef(ixA, item));

  const linksA = sideLinks(ixA, base.inputs.code);
  const linksB = sideLinks(ixB, head.inputs.code);
  const linksAdded: LinkRef[] = [];
  const linksRemoved: LinkRef[] = [];
  const becameSuspect: LinkRef[] = [];
  const symbolsChanged: LinkRef[] = [];
  for (const [k, b] of linksB) {
    const a = linksA.get(k);
    if (!a) linksAdded.push(linkRef(b.link));
    else if (a.codeHash !== b.codeHash) symbolsChanged.push(linkRef(b.link));
    if (b.link.review === 'suspect' && a?.link.review !== 'suspect') becameSuspect.push(linkRef(b.link));
  }
  for (const [k, a] of linksA) if (!linksB.has(k)) linksRemoved.push(linkRef(a.link));

  const statuses: StatusChange[] = [];
  const traced = new Map<string, string>();
  for (const g of [gA, gB]) for (const [id, item] of g.byId) if (TRACED_KINDS.includes(item.kind)) traced.set(id, item.kind);
  for (const [id, kind] of traced) {
    const before = ixA.statusOfId(id);
    const after = ixB.statusOfId(id);
    if (before !== after) statuses.push({ id, kind, ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }

  const covA = coverageSide(requirementCoverage(ixA));
  const covB = coverageSide(requirementCoverage(ixB));
  const delta = covA.percent !== undefined && covB.percent !== undefined ? covB.percent - covA.percent : undefined;

  const impact: Impact[] = [];
  const itemImpact = (ix: TraceIndex, id: string, reason: string) => impact.push({ subject: id, type: 'item', reason, ...impactOfItems(ix, [id]) });
  for (const r of added) itemImpact(ixB, r.id, 'added');
  for (const r of removed) itemImpact(ixA, r.id, 'removed');
  for (const c of changed) itemImpact(ixB, c.id, c.normative.length ? `normative change: ${c.normative.join(', ')}` : `changed: ${c.other.join(', ')}`);
  const symbols = new Map<string, { file: string; symbol: string | null; reasons: Set<string> }>();
  const touch = (l: LinkRef, reason: string) => {
    const k = `${l.file}#${l.symbol ?? ''}`;
    const s = symbols.get(k) ?? { file: l.file, symbol: l.symbol, reasons: new Set<string>() };
    s.reasons.add(reason);
    symbols.set(k, s);
  };
  for (const l of symbolsChanged) touch(l, 'code changed');
  for (const l of linksAdded) touch(l, 'link added');
  for (const l of linksRemoved) touch(l, 'link removed');
  for (const [, s] of [...symbols].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ids = new Set([...idsOfSymbol(ixB, s.file, s.symbol), ...idsOfSymbol(ixA, s.file, s.symbol)]);
    const reach = impactOfItems(
      ixB,
      [...ids].filter((id) => ixB.item(id)),
    );
    const gone = impactOfItems(
      ixA,
      [...ids].filter((id) => !ixB.item(id)),
    );
    const merge = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort();
    impact.push({
      subject: s.symbol === null ? s.file : `${s.file}#${s.symbol}`,
      type: 'symbol',
      reason: [...s.reasons].sort().join(', '),
      hazards: merge(reach.hazards, gone.hazards),
      threats: merge(reach.threats, gone.threats),
      controls: merge(reach.controls, gone.controls),
      requirements: merge(reach.requirements, gone.requirements),
      tests: merge(reach.tests, gone.tests),
    });
  }

  return {
    version: DIFF_FORMAT_VERSION,
    base: { label: base.label, ...(base.commit ? { commit: base.commit } : {}) },
    head: { label: head.label, ...(head.commit ? { commit: head.commit } : {}) },
    items: { added: added.sort(byIdKind), removed: removed.sort(byIdKind), changed: changed.sort(byIdKind) },
    links: { added: linksAdded.sort(byLink), removed: linksRemoved.sort(byLink), becameSuspect: becameSuspect.sort(byLink), symbolsChanged: symbolsChanged.sort(byLink) },
    statuses: statuses.sort(byIdKind),
    coverage: { before: covA, after: covB, ...(delta !== undefined ? { delta } : {}) },
    findings: { new: findingsOnlyIn(head, base), resolved: findingsOnlyIn(base, head) },
    impact,
    problems: [base, head].flatMap((s) => [...s.problems, ...s.lint.internalErrors.map(crashedRuleProblem)].map((p) => `${s.label}: ${p}`)),
  };
}
