import ExcelJS from 'exceljs';
import type { ImportNote, SourcePos, TableRow } from '../core/import/types';
import { XLSX_LIMITS, zipLimitProblem, type ZipLimits } from './zip-limits';

/** A cell as the text the sheet shows it was typed as: a formula is its `=` text (never its value), a date its ISO date. */
function cellText(v: ExcelJS.CellValue): { text: string; formula?: boolean } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v) };
  if (v instanceof Date) return { text: v.toISOString().replace(/T00:00:00\.000Z$/, '') };
  if ('formula' in v && typeof v.formula === 'string') return { text: `=${v.formula}`, formula: true };
  if ('sharedFormula' in v && typeof v.sharedFormula === 'string') return { text: `=${v.sharedFormula}`, formula: true };
  if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
  if ('text' in v && typeof v.text === 'string') return { text: v.text };
  if ('error' in v) return { text: String(v.error) };
  return { text: '' };
}

/** The error of a workbook refused before loading. */
export const xlsxRefused = (file: string, why: string): ImportNote => ({ pos: { file, line: 1, col: 1 }, kind: 'error', message: `workbook not loaded: ${why}; nothing imported` });

/**
 * Rows of one worksheet of an XLSX workbook, each cell with its place as `file:row:column`. A file that is
 * not a readable workbook, or a sheet that does not exist, is an error note; other non-empty sheets are
 * reported as not read. A workbook over `limits` (size, inflated size, entry count, compression ratio) is an
 * error and is never handed to exceljs, which would inflate all of it into memory.
 */
export async function readXlsxRows(file: string, bytes: Uint8Array, sheet?: string, limits: ZipLimits = XLSX_LIMITS): Promise<{ rows: TableRow[]; notes: ImportNote[] }> {
  const at = (line: number, col: number): SourcePos => ({ file, line, col });
  const refused = zipLimitProblem(bytes, limits);
  if (refused?.unreadable) return { rows: [], notes: [{ pos: at(1, 1), kind: 'error', message: `not a readable XLSX workbook (${refused.reason}); nothing imported` }] };
  if (refused) return { rows: [], notes: [xlsxRefused(file, refused.reason)] };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { rows: [], notes: [{ pos: at(1, 1), kind: 'error', message: `not a readable XLSX workbook (${e instanceof Error ? e.message : String(e)}); nothing imported` }] };
  }
  const sheets = book.worksheets;
  const ws = sheet === undefined ? sheets[0] : sheets.find((w) => w.name === sheet);
  if (!ws)
    return {
      rows: [],
      notes: [
        {
          pos: at(1, 1),
          kind: 'error',
          message: sheet === undefined ? 'the workbook has no worksheet; nothing imported' : `no worksheet '${sheet}' (sheets: ${sheets.map((w) => w.name).join(', ')}); nothing imported`,
        },
      ],
    };
  // Without --sheet the other sheets may hold requirements nobody chose to leave out: dropped, not excluded.
  const notes: ImportNote[] = sheets
    .filter((w) => w !== ws && w.actualRowCount > 0)
    .map((w) =>
      sheet === undefined
        ? { pos: at(1, 1), kind: 'skipped', subject: 'element', message: `worksheet '${w.name}' not read (one sheet is imported: --sheet NAME chooses it and leaves the others out)` }
        : { pos: at(1, 1), kind: 'skipped', subject: 'excluded', message: `worksheet '${w.name}' not read (--sheet ${sheet} chose another)` },
    );
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const { text, formula } = cellText(row.getCell(c).value);
      if (formula) notes.push({ pos: at(r, c), kind: 'lost', subject: 'changed', message: `cell is a formula: its text '${text}' is imported, never its value` });
      cells.push({ value: text, pos: at(r, c) });
    }
    rows.push({ cells, pos: at(r, 1) });
  });
  return { rows, notes };
}
