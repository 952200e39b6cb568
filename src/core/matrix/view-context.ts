import type { ModelItem } from '../model/graph';
import { coverageOf } from './decide';
import { codeValue } from './evidence';
import { VIEW_TITLES, type Cell, type CellValue, type Column, type MatrixRow, type MatrixView, type ViewName } from './model';
import { lineOf, type TraceIndex } from './trace-index';
import { scalarText } from '../scalar-text';

const collator = new Intl.Collator('en', { numeric: true });

/** The order of IDs in every view (numeric parts compare as numbers). */
export const compareIds = (a: string, b: string): number => collator.compare(a, b);

export function sortIds(ids: Iterable<string>): string[] {
  const out = [...ids];
  return out.length > 1 ? out.sort(collator.compare) : out;
}

/**
 * The cell without values: one frozen array that every empty cell of every row shares (a requirement row has about
 * seven), so a large matrix does not keep one empty array per cell alive until it is written. Frozen: a cell is never
 * changed after its view is built, and a change of the shared one would throw rather than show in every row.
 */
export const NO_VALUES: Cell = Object.freeze([]) as unknown as Cell;

/** `values`, or the shared empty cell. */
const cellOf = (values: Cell): Cell => (values.length ? values : NO_VALUES);

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

/**
 * What every view builds its rows from: the trace index, and the cells they share (linked items with
 * their status, code, verifiers, findings), cached over all views of one matrix.
 */
export class ViewContext {
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
    return cellOf(sortIds(ids).map((t) => this.itemVal(t, this.score(t))));
  }
  hazardVals(ids: Iterable<string>): Cell {
    return cellOf(sortIds(ids).map((h) => this.itemVal(h, this.sevName(this.ix.item(h)?.data.severity))));
  }
  idVals(ids: Iterable<string>): Cell {
    return cellOf(sortIds(ids).map((i) => this.itemVal(i)));
  }
  maxSeverity(hazards: Iterable<string>): number | undefined {
    let m: number | undefined;
    for (const h of hazards) {
      const s = this.ix.item(h)?.data.severity;
      if (typeof s === 'number' && (m === undefined || s > m)) m = s;
    }
    return m;
  }
  implVals(item: ModelItem): Cell {
    return cellOf(this.ix.implementationOf(item).map((l) => codeValue(l, l.review === 'suspect' ? ' [suspect]' : '')));
  }
  verifVals(item: ModelItem): Cell {
    return cellOf(
      this.ix.verifiersOf(item).map((v) => ({
        text: `${v.label}: ${v.outcome === 'none' ? 'no result' : v.outcome}${v.review === 'suspect' ? ' [suspect]' : ''}`,
        ...(v.target ? { target: v.target } : {}),
        status: v.outcome,
      })),
    );
  }
  findingVals(item: ModelItem): Cell {
    return cellOf(this.ix.findingsOn(item).map((f) => ({ text: `${f.code} ${f.severity}: ${f.message}`, target: { type: 'code', file: f.file, line: f.range.start.line + 1 } })));
  }
  suppressionVals(item: ModelItem): Cell {
    const out: Cell = this.ix.suppressedOn(item).map((s) => ({ text: `${s.code} suppressed: ${s.justification}`, target: { type: 'code', file: s.suppressionFile, line: s.suppressionLine + 1 } }));
    const acc = item.data.acceptance;
    if (item.kind === 'threat' && item.data.status === 'accepted' && acc && typeof acc === 'object')
      out.push({ text: `accepted by ${acc.by ?? '?'}${acc.on ? ` on ${acc.on}` : ''}: ${acc.rationale ?? '(no rationale)'}` });
    return cellOf(out);
  }
  /** A row with the columns every view shares (id, title, status, why, findings, suppressions) around `extra`. */
  base(item: ModelItem, title: unknown, extra: Record<string, Cell>, zones: Iterable<string>, severity?: number): MatrixRow {
    const d = this.ix.statusOf(item);
    return {
      id: item.id,
      kind: item.kind,
      status: d.status,
      file: item.file,
      line: this.ix.itemTarget(item.id)?.line ?? lineOf(this.ix.graph, item),
      cells: {
        id: [this.itemVal(item.id)],
        title: [{ text: typeof title === 'string' ? title : title == null ? '' : scalarText(title) }],
        status: [{ text: d.status, status: d.status }],
        why: cellOf(d.reasons.map((r) => ({ text: r }))),
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
  /** The zones a row touches: its zones and those its conduits join. */
  rowZones(where: { zones: Iterable<string>; conduits: Iterable<string> }): string[] {
    return [...where.zones, ...[...where.conduits].flatMap((c) => this.ix.zonesOfTarget(c))];
  }

  /** The view of `rows` (sorted by ID) with the given columns and its coverage. */
  view(name: ViewName, keys: string[], rows: MatrixRow[], titles: Record<string, string> = {}): MatrixView {
    rows.sort((a, b) => collator.compare(a.id, b.id));
    return { name, title: VIEW_TITLES[name], columns: columns(keys, titles), rows, coverage: coverageOf(rows.map((r) => r.status)) };
  }
}
