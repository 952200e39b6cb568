// @spdf implements SPDF-LSP-TREE
/** Rows of the requirements tree view and the matrix, built from the core's trace statuses. */
import type { ModelItem } from '../core/model/graph';
import { itemTitle } from '../core/query/completion';
import type { ItemTrace } from '../core/matrix/status';
import { requirementCoverage } from '../core/matrix/build';
import type { CoverageSummary, TraceChild, TraceFilter, TraceRow } from '../protocol';
import { lspRange, type Paths } from './convert';
import { testResultLabel } from './test-result-label';
import type { WorkspaceState } from './state';

export function loc(state: WorkspaceState, paths: Paths, item: ModelItem) {
  const mf = state.graph.fileByPath.get(item.file);
  // The graph holds only items of loaded files: a miss is a bug, answered by the request's empty result.
  if (!mf) throw new Error(`${item.file} is not a loaded model file`);
  return { uri: paths.toUri(item.file), range: lspRange(mf.source.range(item.idNode.start, item.idNode.end)) };
}

/** Items `item` points to or that point to it, of one kind. */
function related(state: WorkspaceState, item: ModelItem, kind: string): ModelItem[] {
  const out = new Set<ModelItem>();
  for (const r of state.graph.refsOf.get(item) ?? []) if (r.target?.kind === kind) out.add(r.target);
  for (const r of state.graph.refsTo.get(item.id) ?? []) if (r.from.kind === kind) out.add(r.from);
  return [...out];
}

function threatsOf(state: WorkspaceState, item: ModelItem): ModelItem[] {
  const direct = related(state, item, 'threat');
  // Through the requirement's controls.
  for (const c of related(state, item, 'control')) for (const t of related(state, c, 'threat')) if (!direct.includes(t)) direct.push(t);
  return direct;
}

function zonesOf(state: WorkspaceState, threats: ModelItem[]): string[] {
  const zones = new Set<string>();
  for (const t of threats)
    for (const r of state.graph.refsOf.get(t) ?? []) {
      if (!r.target) continue;
      if (r.target.kind === 'zone') zones.add(r.target.id);
      if (r.target.kind === 'asset') for (const z of state.graph.zonesOfAsset.get(r.target.id) ?? []) zones.add(z);
      if (r.target.kind === 'conduit' && Array.isArray(r.target.data.zones)) for (const z of r.target.data.zones) if (typeof z === 'string') zones.add(z);
    }
  return [...zones].sort();
}

export function traceRow(state: WorkspaceState, paths: Paths, t: ItemTrace): TraceRow {
  const item = t.item;
  const threats = item.kind === 'threat' ? [item] : threatsOf(state, item);
  const hazards = new Set<ModelItem>(item.kind === 'hazard' ? [] : related(state, item, 'hazard'));
  for (const th of threats) for (const h of related(state, th, 'hazard')) hazards.add(h);
  const severities = [...hazards].map((h) => h.data.severity).filter((s): s is number => typeof s === 'number');
  const children: TraceChild[] = [];
  for (const th of threats) if (th !== item) children.push({ kind: 'threat', label: th.id, description: itemTitle(th), location: loc(state, paths, th) });
  for (const h of hazards)
    children.push({ kind: 'hazard', label: h.id, description: `${itemTitle(h)}${typeof h.data.severity === 'number' ? ` · severity ${h.data.severity}` : ''}`, location: loc(state, paths, h) });
  if (item.kind !== 'control') for (const c of related(state, item, 'control')) children.push({ kind: 'control', label: c.id, description: itemTitle(c), location: loc(state, paths, c) });
  for (const l of [...t.implementedBy, ...t.verifiedByLinks])
    children.push({
      kind: 'symbol',
      label: l.symbol ?? l.file,
      description: `${l.relation} · ${l.file}:${l.range.start.line + 1}`,
      relation: l.relation,
      review: l.review,
      location: { uri: paths.toUri(l.file), range: lspRange(l.symbolRange ?? l.range) },
      link: { id: item.id, relation: l.relation, file: l.file, symbol: l.symbol },
    });
  for (const test of t.tests) {
    const shown = testResultLabel(state, test);
    children.push({ kind: 'test', label: test.id, description: `${itemTitle(test)}${shown.text ? ` · ${shown.text}` : ''}`, result: shown.outcome, location: loc(state, paths, test) });
  }
  return {
    id: item.id,
    kind: item.kind,
    title: itemTitle(item),
    status: t.status,
    reason: t.reason,
    location: loc(state, paths, item),
    zones: zonesOf(state, threats),
    hazardSeverity: severities.length ? Math.max(...severities) : undefined,
    children,
  };
}

export function rowsFor(state: WorkspaceState, paths: Paths, kinds: string[], filter: TraceFilter = {}): TraceRow[] {
  const text = filter.text?.toLowerCase();
  const rows: TraceRow[] = [];
  for (const t of state.traces(kinds)) {
    if (text && !t.item.id.toLowerCase().includes(text) && !itemTitle(t.item).toLowerCase().includes(text)) continue;
    const row = traceRow(state, paths, t);
    if (filter.zone && !row.zones.includes(filter.zone)) continue;
    if (filter.minHazardSeverity !== undefined && (row.hazardSeverity ?? 0) < filter.minHazardSeverity) continue;
    rows.push(row);
  }
  return rows;
}

/**
 * The headline coverage, as `spdf check` and `spdf trace` compute it (requirementCoverage over the same trace index):
 * from the statuses alone, without the per-item traces (links, tests) the tree and the lenses read.
 */
export function coverageSummary(state: WorkspaceState): CoverageSummary {
  const c = requirementCoverage(state.traceIndex().index);
  return { percent: c.percent, total: c.total, byStatus: c.byStatus };
}
