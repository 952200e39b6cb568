// @spdf implements SPDF-EXP-CSV
import type { MatrixView } from '../matrix/model';
import { neutralizeFormula } from './text';
import { flatten } from './table';

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; formula starts neutralised. */
export function csvField(text: string): string {
  const t = neutralizeFormula(text);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** RFC 4180 CSV of one view: CRLF line ends, a header row, every cell a neutralised string. */
export function toCsv(view: MatrixView): string {
  const { header, rows } = flatten(view);
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
