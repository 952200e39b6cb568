/**
 * Matrix export from the editor through the CLI's exporters (src/core/export). Loaded on first use (it pulls in
 * the XLSX writer); no `vscode` import, so tests run it directly.
 */
import { toCsv } from '../../core/export/csv';
import { toHtml } from '../../core/export/html';
import { toXlsx } from '../../core/export/xlsx';
import type { Matrix, ViewName } from '../../core/matrix/model';

export const EXPORT_FORMATS = ['html', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The bytes of an export of the whole matrix (every row, whatever the page filters): HTML and XLSX hold every
 * view, CSV the one view `view` (as `spdf trace --format csv --view`). Throws when that view is absent.
 */
export async function matrixExport(m: Matrix, format: ExportFormat, view: ViewName, subtitle: string): Promise<Uint8Array> {
  if (format === 'xlsx') return toXlsx(m);
  if (format === 'html') return new TextEncoder().encode(toHtml(m, { subtitle }));
  const v = m.views[view];
  if (!v) throw new Error(`the matrix has no '${view}' view`);
  return new TextEncoder().encode(toCsv(v, m.problems));
}
