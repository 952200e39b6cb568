import { requiredBy, srCoverage } from '../analysis/iec62443-coverage';
import type { ModelItem } from '../model/graph';
import { slVector } from '../analysis/security-levels';
import { FOUNDATIONAL_REQUIREMENTS, FRS, type FR } from '../vocab/iec62443';
import { slText } from './field-values';
import { lineOf, type TraceIndex } from './trace-index';
import { coverageOf, STATUS_SEVERITY, type TraceStatus } from './decide';
import { VIEW_TITLES, type Cell, type Column, type MatrixRow, type MatrixView } from './model';

/** `id` and `title` first: the matrix panel keeps those two at the left edge. */
const COLUMNS: Column[] = [
  { key: 'id', title: 'Zone / conduit' },
  { key: 'title', title: 'SR / RE: short title' },
  { key: 'slt', title: 'SL-T' },
  { key: 'sr', title: 'SR / RE' },
  { key: 'fr', title: 'FR' },
  { key: 'sl', title: 'Required from SL' },
  { key: 'status', title: 'Status' },
  { key: 'why', title: 'Why' },
  { key: 'coveredBy', title: 'Covering requirements and controls (status)' },
  { key: 'counts', title: 'Zone totals (required / covered / verified)' },
  { key: 'confidence', title: 'SL figure' },
];

const collator = new Intl.Collator('en', { numeric: true });
const verified = (s: TraceStatus | undefined) => s === 'OK' || s === 'JUSTIFIED';

/**
 * The IEC 62443 zone compliance view: one row per zone or conduit and SR/RE its SL-T requires, with the
 * requirements and controls that map to it and their trace status. The row is as good as its best
 * covering item (one verified item meets the SR/RE); MISSING when nothing maps to it. A zone or conduit
 * without a readable SL-T gets one MISSING row, and one per FR its SL-T mapping leaves out: what they
 * require is unknown, so the zone cannot look complete.
 */
export function iec62443View(ix: TraceIndex): MatrixView {
  const cov = srCoverage(ix.graph);
  const items = [...ix.graph.byKind.zone, ...ix.graph.byKind.conduit].filter((z) => ix.item(z.id) === z).sort((a, b) => collator.compare(a.id, b.id));
  const rows: MatrixRow[] = [];
  for (const z of items) {
    const target = ix.itemTarget(z.id);
    const zoneVal = { text: z.id, ...(target ? { target } : {}), ...(ix.statusOfId(z.id) ? { status: ix.statusOfId(z.id) } : {}) };
    const zones = z.kind === 'zone' ? [z.id] : (Array.isArray(z.data.zones) ? z.data.zones : []).filter((x: unknown): x is string => typeof x === 'string');
    const base = (id: string, status: TraceStatus, cells: Record<string, Cell>): MatrixRow => ({
      id,
      kind: z.kind,
      status,
      file: z.file,
      line: target?.line ?? lineOf(ix.graph, z),
      cells: { id: [zoneVal], slt: [{ text: slText(z.data.sl_t) }], status: [{ text: status, status }], ...cells },
      zones,
    });
    const sl = slVector(z.data.sl_t);
    if (!sl) {
      rows.push(
        base(`${z.id} ?`, 'MISSING', { title: [{ text: '? (no SL-T)' }], sr: [{ text: '?' }], why: [{ text: `no readable SL-T on this ${z.kind}: the SRs and REs it requires are unknown` }] }),
      );
      continue;
    }
    const required = requiredBy(z);
    for (const fr of FRS.filter((_, i) => sl[i] === undefined))
      rows.push(
        base(`${z.id} ${fr} ?`, 'MISSING', {
          title: [{ text: `? (no SL-T on ${fr})` }],
          sr: [{ text: '?' }],
          fr: [{ text: frLabel(fr) }],
          why: [{ text: `SL-T on ${fr} is not stated: the SRs and REs it requires are unknown` }],
        }),
      );
    const perEntry = required.map((r) => {
      const coverers = cov.coverers.get(r.entry.id) ?? [];
      const statuses = coverers.map((c) => ix.statusOfId(c.id));
      return { r, coverers, statuses };
    });
    const covered = perEntry.filter((p) => p.coverers.length).length;
    const verifiedCount = perEntry.filter((p) => p.statuses.some(verified)).length;
    const counts = [{ text: `${required.length} required / ${covered} covered / ${verifiedCount} verified` }];
    for (const { r, coverers, statuses } of perEntry) {
      const status = best(statuses);
      rows.push(
        base(`${z.id} ${r.entry.id}`, status, {
          sr: [{ text: r.entry.id }],
          fr: [{ text: frLabel(r.entry.fr) }],
          title: [{ text: `${r.entry.id}: ${r.entry.title}` }],
          sl: [{ text: String(r.entry.sl) }],
          why: [{ text: why(r.entry.id, r.entry.fr, r.level, coverers, status) }],
          coveredBy: coverers.map((c, i) => coverVal(ix, c, statuses[i])),
          counts,
          confidence: [{ text: r.entry.confidence }],
        }),
      );
    }
  }
  return { name: 'iec62443', title: VIEW_TITLES.iec62443, columns: COLUMNS, rows, coverage: coverageOf(rows.map((r) => r.status)) };
}

function frLabel(fr: FR): string {
  return `${fr} ${FOUNDATIONAL_REQUIREMENTS[fr].toLowerCase()}`;
}

function best(statuses: (TraceStatus | undefined)[]): TraceStatus {
  const known = statuses.filter((s): s is TraceStatus => !!s);
  if (!known.length) return 'MISSING';
  return known.reduce((a, b) => (STATUS_SEVERITY[b] < STATUS_SEVERITY[a] ? b : a));
}

function why(id: string, fr: string, level: number, coverers: ModelItem[], status: TraceStatus): string {
  if (!coverers.length) return `SL-T ${level} on ${fr} requires ${id}; no requirement or control maps to it`;
  return verified(status) ? `met by ${coverers.length === 1 ? 'a verified item' : 'at least one verified item'}` : `mapped, but no covering item is verified (best: ${status})`;
}

function coverVal(ix: TraceIndex, item: ModelItem, status: TraceStatus | undefined) {
  const target = ix.itemTarget(item.id);
  return { text: `${item.id}${status ? ` (${status})` : ''}`, ...(target ? { target } : {}), ...(status ? { status } : {}) };
}
