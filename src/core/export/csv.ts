// @spdf implements SPDF-EXP-CSV
import type { MatrixView } from '../matrix/model';
import { neutralizeFormula } from './text';
import { flatten } from './table';

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; formula starts neutralised. */
export function csvField(text: string): string {
  const t = neutralizeFormula(text);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * RFC 4180 CSV of one view: CRLF line ends, a header row, every cell a neutralised string. With input problems (files
 * not read or not understood) a last row says INCOMPLETE: a table has no other place to say that rows may be missing.
 */
export function toCsv(view: MatrixView, problems: readonly string[] = []): string {
  const { header, rows } = flatten(view);
  const incomplete = problems.length
    ? [['INCOMPLETE', `${problems.length} input problem${problems.length === 1 ? '' : 's'}: files not read or not understood are missing from this table`, ...problems.slice(0, 1)]]
    : [];
  const lines = [header, ...rows, ...incomplete].map((r) => r.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
