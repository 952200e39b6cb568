// @spdf implements SPDF-FC-GATE
import type { ModelItem } from '../model/graph';
import { matrixProblems } from './build';
import { coverageOf, TRACED_KINDS, type TraceStatus } from './decide';
import { MATRIX_FORMAT_VERSION, VIEW_TITLES, type Matrix, type MatrixRow, type ViewName } from './model';
import { lineOf, type TraceIndex } from './trace-index';
import { compareIds } from './view-context';

/**
 * The items each view the gate reads has a row for, in the order the gate reads the views (VIEWS without the
 * projections): the same selection as the view modules. `sbom` rows are components, which have no trace status.
 */
const GATE_ROW_ITEMS: readonly (readonly [ViewName, (ix: TraceIndex) => readonly ModelItem[]])[] = [
  ['requirements', (ix) => ix.graph.byKind.requirement.filter((r) => ix.inScope(r.id))],
  ['threats', (ix) => ix.graph.byKind.threat],
  ['hazards', (ix) => ix.graph.byKind.hazard],
  ['controls', (ix) => ix.graph.byKind.control],
  ['zones', (ix) => [...ix.graph.byKind.zone, ...ix.graph.byKind.conduit]],
];

/**
 * What the gate reads of the matrix, without building a row for every item: the headline coverage, the problems,
 * and per view only the rows of traced items whose status is in `failOn` (ID order, as the views sort). Each row
 * carries what a status offender needs (ID, kind, status, why, file, line). Proven equal to the gate over the full
 * views by test/matrix/gate-rows.test.ts.
 */
export function gateMatrix(ix: TraceIndex, failOn: readonly TraceStatus[]): Matrix {
  const views: Matrix['views'] = {};
  // The headline coverage counts the rows of the requirements view (requirementCoverage's selection), read here once.
  const requirementStatuses: TraceStatus[] = [];
  for (const [name, itemsOf] of GATE_ROW_ITEMS) {
    const rows: MatrixRow[] = [];
    for (const item of itemsOf(ix)) {
      if (ix.item(item.id) !== item || !TRACED_KINDS.includes(item.kind)) continue;
      const d = ix.statusOf(item);
      if (name === 'requirements') requirementStatuses.push(d.status);
      if (!failOn.includes(d.status)) continue;
      const line = ix.itemTarget(item.id)?.line ?? lineOf(ix.graph, item);
      rows.push({ id: item.id, kind: item.kind, status: d.status, file: item.file, line, cells: { why: d.reasons.map((text) => ({ text })) }, zones: [] });
    }
    rows.sort((a, b) => compareIds(a.id, b.id));
    views[name] = { name, title: VIEW_TITLES[name], columns: [], rows, coverage: coverageOf([]) };
  }
  return { version: MATRIX_FORMAT_VERSION, coverage: coverageOf(requirementStatuses), views, problems: matrixProblems(ix), severityNames: ix.config.severityNames };
}
