// @spdf implements SPDF-FC-IMPORT-DROPPED
import type { ImportedItem, ImportNote, ImportOptions, ParsedDocument, TableRow } from './types';

export const COLUMN_ROLES = ['id', 'title', 'text', 'status', 'derived_from'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Header names ALM exports commonly use for each role, compared without case, spaces, dashes or underscores. */
const SYNONYMS: Record<ColumnRole, string[]> = {
  id: ['id', 'reqid', 'requirementid', 'identifier', 'key', 'uid', 'foreignid', 'reqifforeignid', 'itemid'],
  title: ['title', 'name', 'summary', 'heading', 'shorttext', 'reqifname'],
  text: ['text', 'description', 'statement', 'body', 'reqiftext', 'content'],
  status: ['status', 'state'],
  derived_from: ['derivedfrom', 'parent', 'parents', 'parentid', 'tracesto', 'derived'],
};
const STATUS: Record<string, ImportedItem['status']> = {
  draft: 'draft',
  new: 'draft',
  open: 'draft',
  proposed: 'draft',
  approved: 'approved',
  active: 'approved',
  accepted: 'approved',
  released: 'approved',
  obsolete: 'obsolete',
  deprecated: 'obsolete',
  rejected: 'obsolete',
  deleted: 'obsolete',
};
const HEADER_SEARCH_ROWS = 10;
/** Spreadsheet formula triggers: such text is imported as text, never evaluated, and the report says so. */
const FORMULA = /^[=+\-@\t\r]/;

const norm = (s: string) => s.toLowerCase().replace(/[\s_.\-]+/g, '');

/** Which column holds each role: the mapping given (`--columns role=Header`) first, then the usual names. */
function mapHeader(row: TableRow, mapping: Partial<Record<ColumnRole, string>>): Map<ColumnRole, number> | string {
  const found = new Map<ColumnRole, number>();
  const names = row.cells.map((c) => norm(c.value));
  for (const role of COLUMN_ROLES) {
    const wanted = mapping[role];
    const at = wanted !== undefined ? names.indexOf(norm(wanted)) : names.findIndex((n) => SYNONYMS[role].includes(n));
    if (at >= 0) found.set(role, at);
    else if (wanted !== undefined) return `no column '${wanted}' for ${role}`;
  }
  return found.has('id') ? found : 'no ID column';
}

/**
 * Requirements from the rows of a table (CSV, a spreadsheet): the header row is the first of the first ten
 * non-empty rows that names an ID column; each row below it with an ID is one requirement. With `sameWidth` (CSV,
 * where every line has the header's number of fields), a row of another width is an error and not imported: a file
 * cut mid-row, or a delimiter written unquoted in a field that shifts the cells after it. A spreadsheet leaves out
 * trailing empty cells, so its rows may be shorter.
 */
export function itemsFromTable(file: string, rows: TableRow[], options: ImportOptions, what: string, sameWidth = false): ParsedDocument {
  const items: ImportedItem[] = [];
  const notes: ImportNote[] = [];
  const mapping = options.columns ?? {};
  const filled = rows.filter((r) => r.cells.some((c) => c.value.trim()));
  let header: { row: TableRow; roles: Map<ColumnRole, number> } | undefined;
  let why = 'the table is empty';
  for (const row of filled.slice(0, HEADER_SEARCH_ROWS)) {
    const roles = mapHeader(row, mapping);
    if (typeof roles !== 'string') {
      header = { row, roles };
      break;
    }
    why = roles;
  }
  if (!header) {
    const hint = Object.keys(mapping).length ? '' : `; name the columns with --columns id=HEADER,title=HEADER,...`;
    notes.push({
      pos: filled[0]?.pos ?? { file, line: 1, col: 1 },
      kind: 'error',
      message: `no header row found in the first ${HEADER_SEARCH_ROWS} rows of this ${what} (${why})${hint}; nothing imported`,
    });
    return { items, notes };
  }
  const { roles } = header;
  const headerNames = header.row.cells.map((c) => c.value.trim());
  const before = filled.indexOf(header.row);
  for (const row of filled.slice(0, before)) notes.push({ pos: row.pos, kind: 'skipped', subject: 'metadata', message: `row above the header row; not imported` });
  const used = new Set(roles.values());
  const width = header.row.cells.length;
  for (const row of filled.slice(before + 1)) {
    if (sameWidth && row.cells.length !== width) {
      notes.push({
        pos: row.pos,
        kind: 'error',
        message: `row has ${row.cells.length} fields where the header row (line ${header.row.pos.line}) has ${width}: a row cut short, or a field holding the delimiter unquoted; not imported`,
      });
      continue;
    }
    const get = (role: ColumnRole) => {
      const i = roles.get(role);
      return i === undefined ? undefined : row.cells[i];
    };
    const idCell = get('id');
    const id = idCell?.value.trim();
    if (!id) {
      notes.push({ pos: row.pos, kind: 'error', message: `row without a value in the ID column '${headerNames[roles.get('id')!]}'; not imported` });
      continue;
    }
    if (/\s/.test(id)) {
      notes.push({ pos: idCell!.pos, kind: 'error', message: `ID '${id}' contains white space; not imported` });
      continue;
    }
    const item: ImportedItem = { id, element: `${what} row`, derivedFrom: [], children: [], lost: [], pos: idCell!.pos };
    const title = get('title')?.value.trim();
    if (title) item.title = title;
    else item.lost.push('no title in the source; the ID is the title');
    const text = get('text')?.value.trim();
    if (text) item.text = text;
    const status = get('status')?.value.trim();
    if (status) {
      item.status = STATUS[status.toLowerCase()];
      if (!item.status) item.lost.push(`status '${status}' not kept (the model knows draft, approved, obsolete)`);
      else if (item.status !== status.toLowerCase()) item.lost.push(`status '${status}' kept as ${item.status}`);
    }
    const parents = get('derived_from');
    if (parents?.value.trim()) for (const p of parents.value.split(/[\s,;]+/).filter(Boolean)) item.derivedFrom.push({ id: p, pos: parents.pos, via: headerNames[roles.get('derived_from')!] });
    const other = row.cells.flatMap((c, i) => (!used.has(i) && c.value.trim() ? [headerNames[i] || `column ${i + 1}`] : []));
    if (other.length) item.lost.push(`columns not kept: ${other.join(', ')}`);
    for (const role of ['title', 'text'] as const) {
      const v = role === 'title' ? item.title : item.text;
      if (v !== undefined && FORMULA.test(v)) item.lost.push(`${role} begins with '${JSON.stringify(v[0]).slice(1, -1)}': imported as text, never evaluated as a formula`);
    }
    items.push(item);
  }
  return { items, notes };
}
