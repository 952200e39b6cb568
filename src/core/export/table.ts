import { cellText, VIEWS, type Matrix, type MatrixView } from '../matrix/model';
import { formatPercent } from '../matrix/decide';
import { incompleteText } from './incomplete';

/** The views of a matrix in the standard order, restricted to those present. */
export function viewsOf(m: Matrix): MatrixView[] {
  return VIEWS.flatMap((v) => (m.views[v] ? [m.views[v]] : []));
}

/** A view as plain strings: the header row and one row per matrix row (multi-valued cells joined with `; `). */
export function flatten(view: MatrixView, sep = '; '): { header: string[]; rows: string[][] } {
  const header = [...view.columns.map((c) => c.title), 'File', 'Line'];
  const rows = view.rows.map((r) => [...view.columns.map((c) => cellText(r.cells[c.key], sep)), r.file, String(r.line)]);
  return { header, rows };
}

export function coverageLine(m: Matrix): string {
  const c = m.coverage;
  const parts = (['OK', 'JUSTIFIED', 'PARTIAL', 'MISSING', 'SUSPECT', 'ERROR'] as const).map((s) => `${s} ${c.byStatus[s]}`);
  const incomplete = m.problems.length ? ` -- ${incompleteText(m.problems.length)}` : '';
  return `Coverage ${formatPercent(c.percent)} of ${c.total} requirements in scope (${parts.join(', ')})${incomplete}`;
}
