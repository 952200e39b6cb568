// @spdf implements SPDF-EXP-XLSX
import ExcelJS from 'exceljs';
import type { Matrix } from '../matrix/model';
import { flatten, viewsOf } from './table';
import { codePointHex, neutralizeFormula, XML_UNREPRESENTABLE } from './text';

/**
 * OOXML string escape (ECMA-376 ST_Xstring): CR would be normalised to LF by every XML reader, and characters
 * XML cannot hold (control characters, lone surrogates) would be dropped by the writer, so each is written as
 * `_xHHHH_`; text that already looks like such an escape gets its underscore escaped.
 */
export function ooxmlText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/\r/g, '_x000D_')
    .replace(XML_UNREPRESENTABLE, (c) => `_x${codePointHex(c)}_`);
}

/** The most characters an Excel cell holds (Excel's specifications and limits): Excel does not keep a longer string as written. */
export const XLSX_CELL_MAX = 32767;

/**
 * One cell's text as written: formula starts neutralised, cut to what a cell holds with a visible note of how
 * much is left out (never silently), then OOXML-escaped.
 */
export function xlsxCellText(text: string): string {
  let t = neutralizeFormula(text);
  if (t.length > XLSX_CELL_MAX) {
    const note = (n: number) => ` … [${n} more characters not shown: an Excel cell holds at most ${XLSX_CELL_MAX}]`;
    let keep = XLSX_CELL_MAX - note(t.length).length;
    if (/[\ud800-\udbff]/.test(t[keep - 1])) keep--;
    t = t.slice(0, keep) + note(t.length - keep);
  }
  return ooxmlText(t);
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  for (let i = 2; used.has(base.toLowerCase()); i++) base = `${base.slice(0, 28)} ${i}`;
  used.add(base.toLowerCase());
  return base;
}

/**
 * XLSX workbook in memory (no file IO): one sheet per view, frozen header row, auto filter. Every cell is a
 * string; a value a spreadsheet may take for a formula is written as `'` + text, so no cell is ever a formula.
 * CR, `_xHHHH_` look-alikes and characters XML cannot hold are OOXML-escaped so every cell reads back exactly;
 * a cell over 32,767 characters is cut with a note saying so (see xlsxCellText).
 */
export async function toXlsx(m: Matrix): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'spdf-workbench';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const used = new Set<string>();
  if (m.problems.length) {
    // First sheet: a workbook built from files that did not load must not look complete.
    const ws = wb.addWorksheet(sheetName('INCOMPLETE - input problems', used));
    ws.addRow([`INCOMPLETE: ${m.problems.length} input problem${m.problems.length === 1 ? '' : 's'}; files not read or not understood are missing from every sheet`]).font = { bold: true };
    for (const p of m.problems) ws.addRow([xlsxCellText(p)]);
    ws.getColumn(1).width = 120;
  }
  for (const v of viewsOf(m)) {
    const ws = wb.addWorksheet(sheetName(v.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const { header, rows } = flatten(v, '\n');
    ws.addRow(header.map(xlsxCellText)).font = { bold: true };
    for (const r of rows) ws.addRow(r.map(xlsxCellText));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: header.length } };
    header.forEach((h, i) => {
      const width = Math.min(60, Math.max(8, h.length + 2, ...rows.slice(0, 200).map((r) => Math.min(60, (r[i] ?? '').split('\n')[0].length + 2))));
      ws.getColumn(i + 1).width = width;
      ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
