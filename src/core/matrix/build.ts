import type { ResolvedConfig } from '../model/config-def';
import type { Graph, Item, LoadProblem } from '../model/graph';
import type { ItemKind } from '../model/kinds';
import { findRule } from '../rules/registry';
import type { Finding, SuppressedFinding } from '../types';
import type { MatrixCodeInput, MatrixCodeLink } from './links';
import {
  MATRIX_FORMAT_VERSION,
  VIEWS,
  VIEW_TITLES,
  type Cell,
  type CellValue,
  type Column,
  type Matrix,
  type MatrixRow,
  type MatrixView,
  type Target,
  type ViewName,
} from './model';
import { coverageOf, decideStatus, type StatusDecision, type StatusEvidence, type TestOutcome, type TraceStatus, type VerifierEvidence } from './decide';
import { TestResultIndex, combineOutcomes, type TestResultsInput } from './test-results';
import { isImplementationLink, testEvidenceGap, VerificationIndex } from '../analysis/verification';
import { iec62443View } from './iec62443-view';
import { withArticle } from '../article';

export interface MatrixInputs {
  graph: Graph;
  config: ResolvedConfig;
  /** Lint result: error-level structure findings make items ERROR, trace-related suppressions JUSTIFIED. */
  lint?: { findings: readonly Finding[]; suppressed: readonly SuppressedFinding[] };
  code?: MatrixCodeInput;
  testResults?: TestResultsInput;
  /** Every workspace file: a test's `evidence` path must name one (without the list, paths are not checked). */
  allFiles?: readonly string[];
  commit?: string;
  problems?: string[];
}

/** Kinds that have a trace status. */
export const TRACED_KINDS: readonly ItemKind[] = ['requirement', 'control', 'threat', 'hazard', 'zone', 'conduit'];

/** Rule categories whose suppressions justify missing trace evidence (JUSTIFIED). */
export const TRACE_CATEGORIES: ReadonlySet<string> = new Set(['requirements', 'tests', 'controls', 'threats', 'code-links']);

/** Threat treatments that need no control (the risk is not reduced by a control of ours). */
const UNCONTROLLED_TREATMENTS = new Set(['accepted', 'transferred', 'avoided', 'n/a']);

type Multi = Map<string, Set<string>>;
function add(m: Multi, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
const get = (m: Multi, k: string): Iterable<string> => m.get(k) ?? [];

interface Span {
  start: number;
  end: number;
  item: Item;
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Trace statuses of every traced item, and the relations the views project. Built once per model
 * version in time linear in items + references + code links + test cases.
 */
export class TraceIndex {
  readonly graph: Graph;
  readonly config: ResolvedConfig;
  private readonly results: TestResultIndex;
  private readonly controlsOfThreat: Multi = new Map();
  private readonly threatsOfControl: Multi = new Map();
  private readonly reqsOfControl: Multi = new Map();
  private readonly controlsOfReq: Multi = new Map();
  private readonly threatsOfReqDirect: Multi = new Map();
  private readonly hazardsOfReqDirect: Multi = new Map();
  private readonly reqsOfThreatDirect: Multi = new Map();
  private readonly hazardsOfThreat: Multi = new Map();
  private readonly threatsOfHazard: Multi = new Map();
  private readonly targetsOfThreat: Multi = new Map();
  private readonly threatsOfZone: Multi = new Map();
  private readonly threatsOfConduit: Multi = new Map();
  private readonly targetsOfControl: Multi = new Map();
  /** Verification evidence: the one definition (src/core/analysis/verification.ts). */
  readonly verification: VerificationIndex<MatrixCodeLink>;
  private readonly conduitOfFlow = new Map<string, string>();
  private readonly codeOf = new Map<string, MatrixCodeLink[]>();
  private readonly findingsOf = new Map<Item, Finding[]>();
  private readonly suppressedOf = new Map<Item, SuppressedFinding[]>();
  private readonly decisions = new Map<Item, StatusDecision>();
  private readonly outcomes = new Map<string, TestOutcome>();
  readonly reviewsInUse: boolean;
  private readonly files?: ReadonlySet<string>;

  constructor(readonly inputs: MatrixInputs) {
    this.graph = inputs.graph;
    this.config = inputs.config;
    this.results = new TestResultIndex(inputs.testResults);
    this.reviewsInUse = !!inputs.code?.reviewsInUse;
    this.files = inputs.allFiles ? new Set(inputs.allFiles) : undefined;
    this.indexRefs();
    this.verification = new VerificationIndex(this.graph, this.config, inputs.code?.links ?? []);
    for (const l of inputs.code?.links ?? []) {
      const list = this.codeOf.get(l.id);
      if (list) list.push(l);
      else this.codeOf.set(l.id, [l]);
    }
    if (inputs.lint) this.indexFindings(inputs.lint);
  }

  private indexRefs(): void {
    const g = this.graph;
    for (const ref of g.refs) {
      const to = ref.target;
      if (!to || !ref.kinds.includes(to.kind)) continue;
      const from = ref.from;
      const field = ref.field.split('.')[0];
      switch (`${from.kind}.${field}`) {
        case 'threat.controls':
          if (to.kind === 'control') this.linkTC(from.id, to.id);
          break;
        case 'control.threats':
          this.linkTC(to.id, from.id);
          break;
        case 'control.implements':
          this.linkCR(from.id, to.id);
          break;
        case 'requirement.controls':
          this.linkCR(to.id, from.id);
          break;
        case 'requirement.derived_from':
          if (to.kind === 'control') this.linkCR(to.id, from.id);
          else if (to.kind === 'threat') {
            add(this.threatsOfReqDirect, from.id, to.id);
            add(this.reqsOfThreatDirect, to.id, from.id);
          }
          else if (to.kind === 'hazard') add(this.hazardsOfReqDirect, from.id, to.id);
          break;
        case 'threat.hazards':
          add(this.hazardsOfThreat, from.id, to.id);
          add(this.threatsOfHazard, to.id, from.id);
          break;
        case 'threat.targets':
          add(this.targetsOfThreat, from.id, to.id);
          break;
        case 'control.applies_to':
          add(this.targetsOfControl, from.id, to.id);
          break;
        case 'flow.conduit':
          this.conduitOfFlow.set(from.id, to.id);
          break;
        case 'conduit.flows':
          if (!this.conduitOfFlow.has(to.id)) this.conduitOfFlow.set(to.id, from.id);
          break;
        default:
          break;
      }
    }
    for (const [threat, targets] of this.targetsOfThreat)
      for (const t of targets) {
        for (const z of this.zonesOfTarget(t)) add(this.threatsOfZone, z, threat);
        for (const c of this.conduitsOfTarget(t)) add(this.threatsOfConduit, c, threat);
      }
  }

  private linkTC(threat: string, control: string) {
    add(this.controlsOfThreat, threat, control);
    add(this.threatsOfControl, control, threat);
  }
  private linkCR(control: string, req: string) {
    add(this.reqsOfControl, control, req);
    add(this.controlsOfReq, req, control);
  }

  private indexFindings(lint: NonNullable<MatrixInputs['lint']>): void {
    const spans = new Map<string, Span[]>();
    for (const item of this.graph.items) {
      const src = this.graph.fileByPath.get(item.file)?.source;
      if (!src) continue;
      const span = { start: src.positionAt(item.node.start).line, end: src.positionAt(item.node.end).line, item };
      (spans.get(item.file) ?? spans.set(item.file, []).get(item.file)!).push(span);
    }
    for (const list of spans.values()) list.sort((a, b) => a.start - b.start);
    this.spans = spans;
    const put = <T>(m: Map<Item, T[]>, f: T & Finding) => {
      const item = this.itemAt(f.file, f.range.start.line);
      if (!item) return;
      (m.get(item) ?? m.set(item, []).get(item)!).push(f);
    };
    for (const f of lint.findings) put(this.findingsOf, f);
    for (const f of lint.suppressed) put(this.suppressedOf, f);
  }

  private spans?: Map<string, Span[]>;

  /** The item whose source span holds a 0-based line of a model file (spans are indexed with the lint result). */
  itemAt(file: string, line: number): Item | undefined {
    const list = this.spans?.get(file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: Span | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= line) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.end >= line ? found.item : undefined;
  }

  // ---- relations -------------------------------------------------------------------------------

  item(id: string): Item | undefined {
    return this.graph.byId.get(id);
  }

  zonesOfTarget(id: string): string[] {
    const t = this.item(id);
    if (!t) return [];
    if (t.kind === 'zone') return [id];
    if (t.kind === 'asset') return [...(this.graph.zonesOfAsset.get(id) ?? [])];
    if (t.kind === 'conduit') return strs(t.data.zones);
    if (t.kind === 'flow') return [...new Set([t.data.source, t.data.destination].flatMap((a) => (typeof a === 'string' ? [...(this.graph.zonesOfAsset.get(a) ?? [])] : [])))];
    return [];
  }

  conduitsOfTarget(id: string): string[] {
    const t = this.item(id);
    if (t?.kind === 'conduit') return [id];
    if (t?.kind === 'flow') {
      const c = this.conduitOfFlow.get(id);
      return c ? [c] : [];
    }
    return [];
  }

  controlsOf(threat: string): string[] {
    return [...get(this.controlsOfThreat, threat)];
  }
  threatsOfCtrl(control: string): string[] {
    return [...get(this.threatsOfControl, control)];
  }
  requirementsOf(control: string): string[] {
    return [...get(this.reqsOfControl, control)].filter((r) => this.inScope(r));
  }
  controlsOfRequirement(req: string): string[] {
    return [...get(this.controlsOfReq, req)];
  }
  threatsOfRequirement(req: string): string[] {
    const out = new Set(get(this.threatsOfReqDirect, req));
    for (const c of get(this.controlsOfReq, req)) for (const t of get(this.threatsOfControl, c)) out.add(t);
    return [...out];
  }
  /** Requirements that name the threat in `derived_from`. */
  requirementsOfThreatDirect(threat: string): string[] {
    return [...get(this.reqsOfThreatDirect, threat)].filter((r) => this.inScope(r));
  }
  hazardsOf(threat: string): string[] {
    return [...get(this.hazardsOfThreat, threat)];
  }
  threatsOfHaz(hazard: string): string[] {
    return [...get(this.threatsOfHazard, hazard)];
  }
  hazardsOfThreats(threats: Iterable<string>, direct: Iterable<string> = []): string[] {
    const out = new Set(direct);
    for (const t of threats) for (const h of get(this.hazardsOfThreat, t)) out.add(h);
    return [...out];
  }
  hazardsOfRequirement(req: string): string[] {
    return this.hazardsOfThreats(this.threatsOfRequirement(req), get(this.hazardsOfReqDirect, req));
  }
  targetsOf(threat: string): string[] {
    return [...get(this.targetsOfThreat, threat)];
  }
  appliesTo(control: string): string[] {
    return [...get(this.targetsOfControl, control)];
  }
  threatsOfZoneOrConduit(item: Item): string[] {
    return [...get(item.kind === 'zone' ? this.threatsOfZone : this.threatsOfConduit, item.id)];
  }
  findingsOn(item: Item): Finding[] {
    return this.findingsOf.get(item) ?? [];
  }
  suppressedOn(item: Item): SuppressedFinding[] {
    return this.suppressedOf.get(item) ?? [];
  }

  /** Requirements with `status: obsolete` are out of scope: no row, not counted. */
  inScope(id: string): boolean {
    const it = this.item(id);
    return !(it?.kind === 'requirement' && it.data.status === 'obsolete');
  }

  // ---- test outcomes ---------------------------------------------------------------------------

  /** Latest result of a YAML test item: JUnit (via `junit:`) overrides `result`. */
  testOutcome(testId: string): TestOutcome {
    const key = `t\u0000${testId}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    let o: TestOutcome;
    const t = this.item(testId);
    const j = t?.data.junit;
    const named = !!j && typeof j === 'object' && (typeof j.classname === 'string' || typeof j.name === 'string');
    const cases = named ? this.results.byJUnitName(typeof j.classname === 'string' ? j.classname : undefined, typeof j.name === 'string' ? j.name : undefined) : [];
    const r = t?.data.result;
    if (cases.length) o = combineOutcomes(cases);
    else if (r === 'pass' || r === 'fail' || r === 'not-run' || r === 'blocked') o = r;
    else o = named && this.results.active ? 'not-run' : 'none';
    this.outcomes.set(key, o);
    return o;
  }

  /** Latest result of a test symbol tagged `verifies`: the JUnit case(s) matching its qualified name. */
  symbolOutcome(l: MatrixCodeLink): TestOutcome {
    if (!l.symbol) return 'none';
    const key = `s\u0000${l.file}\u0000${l.symbol}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    const cases = this.results.bySymbol(l.symbol, l.file);
    const o: TestOutcome = cases.length ? combineOutcomes(cases) : this.results.active ? 'not-run' : 'none';
    this.outcomes.set(key, o);
    return o;
  }

  // ---- status ----------------------------------------------------------------------------------

  /** The trace status of a traced item (requirement, control, threat, hazard, zone, conduit). */
  statusOf(item: Item): StatusDecision {
    let d = this.decisions.get(item);
    if (!d) {
      d = decideStatus(this.evidenceOf(item));
      this.decisions.set(item, d);
    }
    return d;
  }

  statusOfId(id: string): TraceStatus | undefined {
    const it = this.item(id);
    return it && TRACED_KINDS.includes(it.kind) ? this.statusOf(it).status : undefined;
  }

  verifiersOf(item: Item): (VerifierEvidence & { target?: Target; id?: string })[] {
    const seen = new Set<string>();
    const out: (VerifierEvidence & { target?: Target; id?: string })[] = [];
    for (const id of this.verification.subjects(item)) {
      for (const test of this.verification.testsOf.get(id) ?? []) {
        const t = test.id;
        if (seen.has(t)) continue;
        seen.add(t);
        const gap = testEvidenceGap(test, this.files);
        out.push({ label: t, outcome: this.testOutcome(t), target: this.itemTarget(t), id: t, ...(gap ? { unproven: gap.message } : {}) });
      }
      for (const l of this.verification.codeOf.get(id) ?? []) {
        const label = codeLabel(l);
        if (seen.has(label)) continue;
        seen.add(label);
        out.push({ label, outcome: this.symbolOutcome(l), review: l.review, target: { type: 'code', file: l.file, line: l.line, ...(l.symbol ? { symbol: l.symbol } : {}) } });
      }
    }
    return out;
  }

  /** Verifying code links of the item itself (in test files only). */
  verifyingLinksOf(item: Item): MatrixCodeLink[] {
    return this.verification.codeOf.get(item.id) ?? [];
  }

  implementationOf(item: Item): MatrixCodeLink[] {
    const ids = item.kind === 'control' ? [item.id, ...this.requirementsOf(item.id)] : [item.id];
    const seen = new Set<string>();
    const out: MatrixCodeLink[] = [];
    for (const id of ids)
      for (const l of this.codeOf.get(id) ?? []) {
        if (!isImplementationLink(l, this.item(id))) continue;
        const k = `${l.file}\u0000${l.symbol}\u0000${l.line}`;
        if (!seen.has(k)) {
          seen.add(k);
          out.push(l);
        }
      }
    return out;
  }

  childrenOf(item: Item): string[] {
    switch (item.kind) {
      case 'threat':
        return [...this.controlsOf(item.id), ...this.requirementsOfThreatDirect(item.id)];
      case 'hazard':
        return this.threatsOfHaz(item.id);
      case 'control':
        return this.requirementsOf(item.id);
      case 'zone':
      case 'conduit':
        return this.threatsOfZoneOrConduit(item);
      default:
        return [];
    }
  }

  private evidenceOf(item: Item): StatusEvidence {
    const ev = this.config.evidence[item.kind] ?? { implementation: false, verification: false };
    const status = item.data.status;
    const errors: string[] = [];
    if (this.inputs.lint) {
      for (const f of this.findingsOn(item))
        if (f.severity === 'error' && findRule(f.code)?.meta.category === 'structure') errors.push(`${f.code}: ${f.message}`);
    } else {
      for (const r of this.graph.refsOf.get(item) ?? [])
        if (!r.target) errors.push(`unknown ID '${r.id}' in ${r.field}`);
        else if (!r.kinds.includes(r.target.kind)) errors.push(`'${r.id}' in ${r.field} is ${withArticle(r.target.kind)}`);
    }
    const acc = item.data.acceptance;
    const accepted =
      item.kind === 'threat' && status === 'accepted' && acc && typeof acc.by === 'string' && acc.by && typeof acc.rationale === 'string' && acc.rationale.trim()
        ? `${acc.rationale.trim()} (approved by ${acc.by})`
        : undefined;
    const suppressions = this.suppressedOn(item)
      .filter((s) => TRACE_CATEGORIES.has(findRule(s.code)?.meta.category ?? ''))
      .map((s) => `${s.code}: ${s.justification}`);
    const childrenRequired =
      (item.kind === 'threat' && !UNCONTROLLED_TREATMENTS.has(String(status ?? 'open'))) || item.kind === 'zone' || item.kind === 'conduit';
    const children = this.childrenOf(item).flatMap((id) => {
      const c = this.item(id);
      return c ? [{ label: id, status: this.statusOf(c).status }] : [];
    });
    return {
      requires: { implementation: ev.implementation, verification: ev.verification, children: childrenRequired },
      errors,
      accepted,
      suppressions,
      implementation: this.implementationOf(item).map((l) => ({ label: codeLabel(l), review: l.review })),
      implementationClaim: item.kind === 'control' && (status === 'implemented' || status === 'verified') ? `status: ${status}` : undefined,
      verifiers: this.verifiersOf(item),
      children,
      reviewsInUse: this.reviewsInUse,
    };
  }

  private readonly targets = new Map<string, Target | undefined>();
  /** Where an item is (shared objects: rows of many views point at the same target). */
  itemTarget(id: string): Target | undefined {
    if (this.targets.has(id)) return this.targets.get(id);
    const it = this.item(id);
    const t: Target | undefined = it ? { type: 'item', id, kind: it.kind, file: it.file, line: lineOf(this.graph, it) } : undefined;
    this.targets.set(id, t);
    return t;
  }
}

export function codeLabel(l: MatrixCodeLink): string {
  return `${l.file}:${l.line}${l.symbol ? ` ${l.symbol}` : ''}`;
}

export function lineOf(graph: Graph, item: Item): number {
  const src = graph.fileByPath.get(item.file)?.source;
  return src ? src.positionAt(item.idNode.start).line + 1 : 1;
}

function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

// ---- views -----------------------------------------------------------------------------------

const COLS = {
  id: 'ID',
  title: 'Title',
  status: 'Status',
  why: 'Why',
  threats: 'Source threats (pre -> post)',
  hazards: 'Hazards (severity)',
  controls: 'Controls',
  requirements: 'Requirements',
  zones: 'Zones',
  conduits: 'Conduits',
  implementation: 'Implementing code',
  verification: 'Verifying tests (result)',
  findings: 'Findings',
  suppressions: 'Suppressions and acceptance',
} as const;

function columns(keys: string[], extra: Record<string, string> = {}): Column[] {
  return keys.map((key) => ({ key, title: extra[key] ?? (COLS as Record<string, string>)[key] ?? key }));
}

class ViewBuilder {
  constructor(readonly ix: TraceIndex) {}

  private readonly vals = new Map<string, CellValue>();
  /** A linked item as a cell value; cached, since the same item appears in many rows (extra is a function of the ID). */
  itemVal(id: string, extra?: string): CellValue {
    const key = extra === undefined ? id : `${id}\u0000${extra}`;
    let v = this.vals.get(key);
    if (!v) {
      const target = this.ix.itemTarget(id);
      const status = this.ix.statusOfId(id);
      v = { text: extra ? `${id} (${extra})` : id, ...(target ? { target } : {}), ...(status ? { status } : {}) };
      this.vals.set(key, v);
    }
    return v;
  }
  score(threat: string): string {
    const s = this.ix.item(threat)?.data.score ?? {};
    const f = (v: unknown) => (typeof v === 'number' ? String(v) : '?');
    return `${f(s.pre)} -> ${f(s.post)}`;
  }
  sevName(sev: unknown): string {
    if (typeof sev !== 'number') return '?';
    const name = this.ix.config.severityNames[sev - 1];
    return name ? `${sev} ${name}` : String(sev);
  }
  threatVals(ids: Iterable<string>): Cell {
    return sortIds(ids).map((t) => this.itemVal(t, this.score(t)));
  }
  hazardVals(ids: Iterable<string>): Cell {
    return sortIds(ids).map((h) => this.itemVal(h, this.sevName(this.ix.item(h)?.data.severity)));
  }
  idVals(ids: Iterable<string>): Cell {
    return sortIds(ids).map((i) => this.itemVal(i));
  }
  maxSeverity(hazards: Iterable<string>): number | undefined {
    let m: number | undefined;
    for (const h of hazards) {
      const s = this.ix.item(h)?.data.severity;
      if (typeof s === 'number' && (m === undefined || s > m)) m = s;
    }
    return m;
  }
  implVals(item: Item): Cell {
    return this.ix.implementationOf(item).map((l) => ({
      text: `${codeLabel(l)}${l.review === 'suspect' ? ' [suspect]' : ''}`,
      target: { type: 'code', file: l.file, line: l.line, ...(l.symbol ? { symbol: l.symbol } : {}) },
    }));
  }
  verifVals(item: Item): Cell {
    return this.ix.verifiersOf(item).map((v) => ({ text: `${v.label}: ${v.outcome === 'none' ? 'no result' : v.outcome}${v.review === 'suspect' ? ' [suspect]' : ''}`, ...(v.target ? { target: v.target } : {}), status: v.outcome }));
  }
  findingVals(item: Item): Cell {
    return this.ix.findingsOn(item).map((f) => ({ text: `${f.code} ${f.severity}: ${f.message}`, target: { type: 'code', file: f.file, line: f.range.start.line + 1 } }));
  }
  suppressionVals(item: Item): Cell {
    const out: Cell = this.ix.suppressedOn(item).map((s) => ({ text: `${s.code} suppressed: ${s.justification}`, target: { type: 'code', file: s.suppressionFile, line: s.suppressionLine + 1 } }));
    const acc = item.data.acceptance;
    if (item.kind === 'threat' && item.data.status === 'accepted' && acc && typeof acc === 'object')
      out.push({ text: `accepted by ${acc.by ?? '?'}${acc.on ? ` on ${acc.on}` : ''}: ${acc.rationale ?? '(no rationale)'}` });
    return out;
  }
  base(item: Item, title: unknown, extra: Record<string, Cell>, zones: Iterable<string>, severity?: number): MatrixRow {
    const d = this.ix.statusOf(item);
    return {
      id: item.id,
      kind: item.kind,
      status: d.status,
      file: item.file,
      line: this.ix.itemTarget(item.id)?.line ?? lineOf(this.ix.graph, item),
      cells: {
        id: [this.itemVal(item.id)],
        title: [{ text: typeof title === 'string' ? title : title == null ? '' : String(title) }],
        status: [{ text: d.status, status: d.status }],
        why: d.reasons.map((r) => ({ text: r })),
        ...extra,
        findings: this.findingVals(item),
        suppressions: this.suppressionVals(item),
      },
      zones: sortIds(new Set(zones)),
      ...(severity !== undefined ? { severity } : {}),
    };
  }
  zonesOfThreats(threats: Iterable<string>): { zones: Set<string>; conduits: Set<string> } {
    const zones = new Set<string>();
    const conduits = new Set<string>();
    for (const t of threats)
      for (const target of this.ix.targetsOf(t)) {
        for (const z of this.ix.zonesOfTarget(target)) zones.add(z);
        for (const c of this.ix.conduitsOfTarget(target)) conduits.add(c);
      }
    return { zones, conduits };
  }
  addControlTargets(controls: Iterable<string>, into: { zones: Set<string>; conduits: Set<string> }) {
    for (const c of controls)
      for (const t of this.ix.appliesTo(c)) {
        for (const z of this.ix.zonesOfTarget(t)) into.zones.add(z);
        for (const x of this.ix.conduitsOfTarget(t)) into.conduits.add(x);
      }
  }

  requirements(): MatrixView {
    const rows = this.ix.graph.byKind.requirement.filter((r) => this.ix.inScope(r.id) && this.ix.item(r.id) === r).map((r) => {
      const threats = this.ix.threatsOfRequirement(r.id);
      const hazards = this.ix.hazardsOfRequirement(r.id);
      const controls = this.ix.controlsOfRequirement(r.id);
      const where = this.zonesOfThreats(threats);
      this.addControlTargets(controls, where);
      return this.base(
        r,
        r.data.title ?? r.data.text,
        {
          threats: this.threatVals(threats),
          hazards: this.hazardVals(hazards),
          controls: this.idVals(controls),
          zones: this.idVals(where.zones),
          conduits: this.idVals(where.conduits),
          implementation: this.implVals(r),
          verification: this.verifVals(r),
        },
        [...where.zones, ...[...where.conduits].flatMap((c) => this.ix.zonesOfTarget(c))],
        this.maxSeverity(hazards),
      );
    });
    return this.view('requirements', ['id', 'title', 'status', 'why', 'threats', 'hazards', 'controls', 'zones', 'conduits', 'implementation', 'verification', 'findings', 'suppressions'], rows);
  }

  controls(): MatrixView {
    const rows = this.ix.graph.byKind.control.filter((c) => this.ix.item(c.id) === c).map((c) => {
      const threats = this.ix.threatsOfCtrl(c.id);
      const hazards = this.ix.hazardsOfThreats(threats);
      const where = this.zonesOfThreats(threats);
      this.addControlTargets([c.id], where);
      return this.base(
        c,
        c.data.title,
        {
          type: [{ text: [c.data.type, c.data.fda_category].filter((x) => typeof x === 'string').join(' / ') }],
          threats: this.threatVals(threats),
          hazards: this.hazardVals(hazards),
          requirements: this.idVals(this.ix.requirementsOf(c.id)),
          zones: this.idVals(where.zones),
          conduits: this.idVals(where.conduits),
          implementation: this.implVals(c),
          verification: this.verifVals(c),
        },
        [...where.zones, ...[...where.conduits].flatMap((x) => this.ix.zonesOfTarget(x))],
        this.maxSeverity(hazards),
      );
    });
    return this.view('controls', ['id', 'title', 'status', 'why', 'type', 'threats', 'hazards', 'requirements', 'zones', 'conduits', 'implementation', 'verification', 'findings', 'suppressions'], rows, { type: 'Type / FDA category' });
  }

  threatRow(t: Item, fda: boolean): MatrixRow {
    const controls = this.ix.controlsOf(t.id);
    const hazards = this.ix.hazardsOf(t.id);
    const reqs = new Set<string>();
    for (const c of controls) for (const r of this.ix.requirementsOf(c)) reqs.add(r);
    for (const r of this.ix.requirementsOfThreatDirect(t.id)) reqs.add(r);
    const where = this.zonesOfThreats([t.id]);
    const s = t.data.score ?? {};
    const num = (v: unknown) => (typeof v === 'number' ? String(v) : '');
    const pre = [num(s.pre), typeof s.exploitability === 'string' ? `exploitability ${s.exploitability}` : ''].filter(Boolean).join(', ');
    const post = [num(s.post), typeof s.post_exploitability === 'string' ? `exploitability ${s.post_exploitability}` : ''].filter(Boolean).join(', ');
    const acc = t.data.acceptance ?? {};
    const residual = [
      `treatment: ${t.data.status ?? 'open'}`,
      ...(acc.by || acc.rationale ? [`accepted by ${acc.by ?? '?'}${acc.on ? ` on ${acc.on}` : ''}: ${acc.rationale ?? '(no rationale)'}`] : []),
    ];
    const tests: Cell = [];
    const seen = new Set<string>();
    for (const r of sortIds(reqs)) {
      const it = this.ix.item(r);
      if (!it) continue;
      for (const v of this.verifVals(it)) if (!seen.has(v.text)) (seen.add(v.text), tests.push(v));
    }
    for (const c of controls) {
      const it = this.ix.item(c);
      if (!it) continue;
      for (const v of this.verifVals(it)) if (!seen.has(v.text)) (seen.add(v.text), tests.push(v));
    }
    const cells: Record<string, Cell> = {
      stride: [{ text: strs(t.data.stride).join(' ') }],
      targets: this.idVals(this.ix.targetsOf(t.id)),
      pre: [{ text: pre }],
      hazards: this.hazardVals(hazards),
      controls: this.idVals(controls),
      requirements: this.idVals(reqs),
      tests,
      post: [{ text: post }],
      residual: residual.map((text) => ({ text })),
    };
    void fda;
    return this.base(t, t.data.title, cells, [...where.zones, ...[...where.conduits].flatMap((x) => this.ix.zonesOfTarget(x))], this.maxSeverity(hazards));
  }

  threats(): MatrixView {
    const rows = this.ix.graph.byKind.threat.filter((t) => this.ix.item(t.id) === t).map((t) => this.threatRow(t, false));
    return this.view('threats', ['id', 'title', 'status', 'why', 'stride', 'targets', 'pre', 'post', 'hazards', 'controls', 'requirements', 'residual', 'findings', 'suppressions'], rows, THREAT_TITLES);
  }

  fda(): MatrixView {
    const rows = this.ix.graph.byKind.threat.filter((t) => this.ix.item(t.id) === t).map((t) => this.threatRow(t, true));
    return this.view('fda', ['id', 'title', 'pre', 'hazards', 'controls', 'requirements', 'tests', 'post', 'residual', 'status', 'why', 'suppressions'], rows, THREAT_TITLES);
  }

  hazards(): MatrixView {
    const rows = this.ix.graph.byKind.hazard.filter((h) => this.ix.item(h.id) === h).map((h) => {
      const threats = this.ix.threatsOfHaz(h.id);
      const controls = new Set<string>();
      for (const t of threats) for (const c of this.ix.controlsOf(t)) controls.add(c);
      const reqs = new Set<string>();
      for (const c of controls) for (const r of this.ix.requirementsOf(c)) reqs.add(r);
      const where = this.zonesOfThreats(threats);
      const sev = typeof h.data.severity === 'number' ? h.data.severity : undefined;
      return this.base(
        h,
        h.data.hazard,
        {
          severity: [{ text: this.sevName(h.data.severity) }],
          situation: [{ text: [h.data.hazardous_situation, h.data.harm ? `harm: ${h.data.harm}` : ''].filter((x) => typeof x === 'string' && x).join('; ') }],
          threats: this.threatVals(threats),
          controls: this.idVals(controls),
          requirements: this.idVals(reqs),
          zones: this.idVals(where.zones),
        },
        [...where.zones, ...[...where.conduits].flatMap((x) => this.ix.zonesOfTarget(x))],
        sev,
      );
    });
    return this.view('hazards', ['id', 'title', 'status', 'why', 'severity', 'situation', 'threats', 'controls', 'requirements', 'zones', 'findings', 'suppressions'], rows, {
      title: 'Hazard',
      severity: 'Severity',
      situation: 'Hazardous situation / harm',
    });
  }

  zones(): MatrixView {
    const items = [...this.ix.graph.byKind.zone, ...this.ix.graph.byKind.conduit].filter((z) => this.ix.item(z.id) === z);
    const rows = items.map((z) => {
      const threats = this.ix.threatsOfZoneOrConduit(z);
      const hazards = this.ix.hazardsOfThreats(threats);
      const controls = new Set<string>(strs(z.data.compensating_controls));
      for (const t of threats) for (const c of this.ix.controlsOf(t)) controls.add(c);
      let members: Cell;
      let details: Cell;
      let zones: string[];
      if (z.kind === 'zone') {
        const assets = this.assetsOf(z.id);
        members = this.idVals(assets);
        const flags = ['safety_designation', 'wireless', 'temporarily_connected'].filter((f) => z.data[f] === true).map((f) => f.replace(/_/g, ' '));
        details = [{ text: `class ${z.data.class ?? '?'}` }, ...flags.map((text) => ({ text }))];
        zones = [z.id];
      } else {
        zones = strs(z.data.zones);
        members = this.idVals(zones);
        const classes = zones.map((id) => this.ix.item(id)?.data.class);
        const channels = Array.isArray(z.data.channels) ? z.data.channels : [];
        details = [
          { text: classes.includes('dmz') ? 'via DMZ' : 'direct (no DMZ zone)' },
          ...channels.map((ch: any) => ({
            text: `${ch?.protocol ?? '?'}${ch?.port !== undefined ? `:${ch.port}` : ''} ${ch?.encrypted === true ? 'encrypted' : ch?.encrypted === false ? 'unencrypted' : 'encryption unknown'}${ch?.authentication ? `, auth ${ch.authentication}` : ''}`,
          })),
        ];
      }
      return this.base(
        z,
        z.data.name,
        {
          type: [{ text: z.kind }],
          slt: [{ text: slText(z.data.sl_t) }],
          members,
          details,
          threats: this.threatVals(threats),
          hazards: this.hazardVals(hazards),
          controls: this.idVals(controls),
        },
        zones,
        this.maxSeverity(hazards),
      );
    });
    return this.view('zones', ['id', 'title', 'type', 'status', 'why', 'slt', 'members', 'details', 'threats', 'hazards', 'controls', 'findings', 'suppressions'], rows, {
      title: 'Name',
      type: 'Kind',
      slt: 'SL-T',
      members: 'Assets / zones joined',
      details: 'Class / channels',
    });
  }

  private assetsCache?: Map<string, string[]>;
  assetsOf(zone: string): string[] {
    if (!this.assetsCache) {
      this.assetsCache = new Map();
      for (const [asset, zones] of this.ix.graph.zonesOfAsset) for (const z of zones) (this.assetsCache.get(z) ?? this.assetsCache.set(z, []).get(z)!).push(asset);
    }
    return this.assetsCache.get(zone) ?? [];
  }

  iec62443(): MatrixView {
    return iec62443View(this.ix);
  }

  view(name: ViewName, keys: string[], rows: MatrixRow[], titles: Record<string, string> = {}): MatrixView {
    rows.sort((a, b) => collator.compare(a.id, b.id));
    return { name, title: VIEW_TITLES[name], columns: columns(keys, titles), rows, coverage: coverageOf(rows.map((r) => r.status)) };
  }
}

const THREAT_TITLES = {
  stride: 'STRIDE',
  targets: 'Targets',
  pre: 'Pre-mitigation score',
  post: 'Post-mitigation score',
  hazards: 'Hazards (severity)',
  controls: 'Controls',
  requirements: 'Requirements',
  tests: 'Tests (result)',
  residual: 'Residual risk / acceptance',
};

export function slText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${x}`).join(', ');
  return '';
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort(collator.compare);
}

/** Builds the requested views (all by default) and the headline coverage. */
export function buildMatrix(inputs: MatrixInputs, views: readonly ViewName[] = VIEWS): Matrix {
  const ix = new TraceIndex(inputs);
  return buildMatrixFrom(ix, views);
}

export function buildMatrixFrom(ix: TraceIndex, views: readonly ViewName[] = VIEWS): Matrix {
  const b = new ViewBuilder(ix);
  const out: Matrix['views'] = {};
  for (const v of views) out[v] = b[v]();
  return {
    version: MATRIX_FORMAT_VERSION,
    ...(ix.inputs.commit ? { commit: ix.inputs.commit } : {}),
    coverage: requirementCoverage(ix),
    views: out,
    problems: uniq([
      ...ix.graph.problems.map(problemLine),
      ...(ix.inputs.problems ?? []),
      ...(ix.inputs.testResults?.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
    ]),
    severityNames: ix.config.severityNames,
  };
}

/** A model or config load problem as a matrix problem line: the matrix of a model that did not load must not look complete. */
export function problemLine(p: LoadProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.code} ${p.message}`;
}

/** Headline coverage: (OK + JUSTIFIED) / requirements in scope (first definition of each ID, not obsolete). */
export function requirementCoverage(ix: TraceIndex) {
  return coverageOf(ix.graph.byKind.requirement.filter((r) => ix.inScope(r.id) && ix.item(r.id) === r).map((r) => ix.statusOf(r).status));
}
