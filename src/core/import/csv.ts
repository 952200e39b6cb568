import { itemsFromTable } from './table';
import type { ImportOptions, ParsedDocument, TableRow } from './types';

/** Comma, semicolon (European Excel) or tab: whichever one line of the first ten has most of, outside quotes (a banner line above the header may have none). */
function delimiterOf(text: string): string {
  let best = [',', 0] as [string, number];
  for (const line of text.split(/\r\n|\r|\n/, 10)) {
    const bare = line.replace(/"[^"]*"/g, '');
    for (const d of [',', ';', '\t']) {
      const n = bare.split(d).length - 1;
      if (n > best[1]) best = [d, n];
    }
  }
  return best[0];
}

/**
 * RFC 4180 CSV (quoted fields may hold delimiters, quotes as `""` and line breaks), read into rows of cells
 * with their positions; a quote that is never closed is an error at the opening quote and ends the reading.
 */
export function parseCsv(file: string, text: string, options: ImportOptions): ParsedDocument {
  const delim = delimiterOf(text);
  const rows: TableRow[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  let row: TableRow = { cells: [], pos: { file, line, col } };
  const advance = (ch: string) => (ch === '\n' ? ((line += 1), (col = 1)) : ch === '\r' ? undefined : (col += 1));
  while (i <= text.length) {
    const pos = { file, line, col };
    let value = '';
    if (text[i] === '"') {
      const open = pos;
      advance(text[i++]);
      for (;;) {
        if (i >= text.length) {
          const parsed = itemsFromTable(file, rows, options, 'CSV', true);
          parsed.notes.push({ pos: open, kind: 'error', message: "quoted field is never closed by a '\"'; this row and the rest of the file are not imported" });
          return parsed;
        }
        const ch = text[i];
        if (ch === '"' && text[i + 1] === '"') {
          value += '"';
          advance(ch);
          advance(ch);
          i += 2;
        } else if (ch === '"') {
          advance(text[i++]);
          break;
        } else {
          if (ch === '\r' && text[i + 1] === '\n') {
            i++;
            continue;
          }
          value += ch === '\r' ? '\n' : ch;
          advance(ch === '\r' ? '\n' : ch);
          i++;
        }
      }
      while (i < text.length && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        advance(text[i++]);
      }
    } else
      while (i < text.length && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        advance(text[i++]);
      }
    row.cells.push({ value, pos });
    if (i < text.length && text[i] === delim) {
      advance(text[i++]);
      continue;
    }
    rows.push(row);
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line += 1;
    col = 1;
    if (i >= text.length) break;
    row = { cells: [], pos: { file, line, col } };
  }
  return itemsFromTable(file, rows, options, 'CSV', true);
}
