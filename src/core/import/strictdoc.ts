import type { ImportedItem, ImportNote, ParsedDocument, Relation, SourcePos } from './types';

const HEADER = /^\[(\[)?(\/)?([A-Z][A-Z0-9_]*)\]\1?\]?\s*$/;
const FIELD = /^([A-Z][A-Z0-9_]*):(?:[ \t]+(.*?))?\s*$/;
const RELATION_ITEM = /^-\s+([A-Z][A-Z0-9_]*):\s*(.*?)\s*$/;
const RELATION_MORE = /^\s+([A-Z][A-Z0-9_]*):\s*(.*?)\s*$/;
/** Document structure and prose, not requirements. */
const STRUCTURE = new Set(['DOCUMENT', 'GRAMMAR', 'SECTION', 'TEXT', 'FREETEXT', 'DOCUMENT_FROM_FILE', 'DOCUMENT_CONFIG', 'DOCUMENT_VIEW']);
const TEXT_FIELDS = ['STATEMENT', 'CONTENT', 'DESCRIPTION'];
const STATUS: Record<string, ImportedItem['status']> = { draft: 'draft', active: 'approved', approved: 'approved', obsolete: 'obsolete', deprecated: 'obsolete' };

interface Element {
  tag: string;
  pos: SourcePos;
  fields: Map<string, { value: string; pos: SourcePos }>;
  relations: { type: string; value: string; role?: string; pos: SourcePos }[];
  broken?: ImportNote;
}

/**
 * StrictDoc `.sdoc`: `[REQUIREMENT]` (and any other non-structural element) with `UID`, `TITLE`, `STATEMENT`
 * (one line or `>>>` ... `<<<`), `STATUS` and `RELATIONS` (`- TYPE: Parent|Child|File`, `VALUE` or a File's `PATH`,
 * `ROLE`). File relations become the requirement's `code` globs.
 */
export function parseStrictDoc(file: string, text: string): ParsedDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const pos = (line: number, col: number): SourcePos => ({ file, line: line + 1, col: col + 1 });
  const elements: Element[] = [];
  let el: Element | undefined;
  let inRelations = false;
  /** Document-level problems: a file cut short or mis-nested is one StrictDoc refuses, never a shorter document. */
  const structure: ImportNote[] = [];
  /** `[[SECTION]]` blocks open at this line (StrictDoc requires each to end with its `[[/SECTION]]`). */
  const open: { tag: string; pos: SourcePos }[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const h = HEADER.exec(line);
    if (h) {
      el = undefined;
      inRelations = false;
      if (h[1] && h[2]) {
        if (open[open.length - 1]?.tag === h[3]) open.pop();
        else
          structure.push({
            pos: pos(n, 0),
            kind: 'error',
            message: `[[/${h[3]}]] closes no open [[${h[3]}]]${open.length ? ` (the open block is [[${open[open.length - 1].tag}]] at line ${open[open.length - 1].pos.line})` : ''}; the document structure cannot be read`,
          });
      } else if (h[1]) open.push({ tag: h[3], pos: pos(n, 0) });
      if (h[2]) continue;
      el = { tag: h[3], pos: pos(n, 0), fields: new Map(), relations: [] };
      if (!STRUCTURE.has(h[3])) elements.push(el);
      continue;
    }
    if (!el || !line.trim()) continue;
    const structural = STRUCTURE.has(el.tag);
    const f = FIELD.exec(line);
    if (f) {
      inRelations = f[1] === 'RELATIONS' && f[2] === undefined;
      if (f[2] === '>>>') {
        const start = n;
        const body: string[] = [];
        for (n++; n < lines.length && lines[n] !== '<<<'; n++) body.push(lines[n]);
        if (n >= lines.length) {
          const at = pos(start, line.indexOf('>>>'));
          if (!structural) el.broken = { pos: at, kind: 'error', message: `${f[1]}: '>>>' is never closed by a '<<<' line; element not imported` };
          // The unclosed text swallowed every line below it: elements written there were not read.
          else structure.push({ pos: at, kind: 'error', message: `${f[1]} of [${el.tag}]: '>>>' is never closed by a '<<<' line; nothing below it was read` });
          open.length = 0;
          break;
        }
        el.fields.set(f[1], { value: body.join('\n'), pos: pos(start, 0) });
      } else if (f[2] !== undefined) el.fields.set(f[1], { value: f[2], pos: pos(n, line.indexOf(f[2])) });
      continue;
    }
    if (structural) continue;
    const first = inRelations ? RELATION_ITEM.exec(line) : null;
    const more = inRelations && !first ? RELATION_MORE.exec(line) : null;
    if (first || more) {
      const [, key, value] = (first ?? more)!;
      if (first) el.relations.push({ type: '', value: '', pos: pos(n, 0) });
      const r = el.relations[el.relations.length - 1];
      if (!r) el.broken ??= { pos: pos(n, 0), kind: 'error', message: `relation field '${key}' outside a '- TYPE:' entry; element not imported` };
      else if (key === 'TYPE') r.type = value;
      else if (key === 'VALUE' || (key === 'PATH' && r.type === 'File')) {
        r.value = value;
        r.pos = pos(n, line.indexOf(value));
      } else if (key === 'ROLE') r.role = value;
      continue;
    }
    el.broken ??= { pos: pos(n, 0), kind: 'error', message: `cannot read '${line.trim()}' in [${el.tag}] (expected 'FIELD: value', 'FIELD: >>>' or a RELATIONS entry); element not imported` };
  }
  const items: ImportedItem[] = [];
  const notes: ImportNote[] = [...structure];
  for (const b of open) notes.push({ pos: b.pos, kind: 'error', message: `[[${b.tag}]] is never closed by a [[/${b.tag}]] line: the file may be cut short` });
  for (const e of elements) {
    if (e.broken) {
      notes.push(e.broken);
      continue;
    }
    const uid = e.fields.get('UID')?.value.trim();
    if (!uid) {
      notes.push({
        pos: e.pos,
        kind: 'skipped',
        subject: 'element',
        message: `[${e.tag}]${e.fields.get('TITLE') ? ` '${e.fields.get('TITLE')!.value}'` : ''} has no UID, so no code tag can name it; not imported`,
      });
      continue;
    }
    if (/\s/.test(uid)) {
      notes.push({ pos: e.fields.get('UID')!.pos, kind: 'error', message: `UID '${uid}' contains white space; not imported` });
      continue;
    }
    const item: ImportedItem = { id: uid, element: e.tag, derivedFrom: [], children: [], lost: [], pos: e.fields.get('UID')!.pos };
    const title = e.fields.get('TITLE')?.value.trim();
    if (title) item.title = title;
    else item.lost.push('no TITLE in the source; the UID is the title');
    const textField = TEXT_FIELDS.find((k) => e.fields.get(k)?.value.trim());
    if (textField) item.text = e.fields.get(textField)!.value.trim();
    const status = e.fields.get('STATUS')?.value.trim();
    if (status) {
      item.status = STATUS[status.toLowerCase()];
      if (!item.status) item.lost.push(`STATUS '${status}' not kept (the model knows draft, approved, obsolete)`);
      else if (item.status !== status.toLowerCase()) item.lost.push(`STATUS '${status}' kept as ${item.status}`);
    }
    const other = [...e.fields.keys()].filter((k) => !['UID', 'TITLE', 'STATUS', 'RELATIONS', textField].includes(k));
    if (other.length) item.lost.push(`fields not kept: ${other.join(', ')}`);
    const code: string[] = [];
    for (const r of e.relations) {
      const rel: Relation = { id: r.value, pos: r.pos, via: `${r.type}${r.role ? ` (role ${r.role})` : ''}` };
      if (!r.value) notes.push({ pos: r.pos, kind: 'lost', subject: 'relation', message: `${uid}: relation without VALUE; not kept` });
      else if (r.type === 'Parent') item.derivedFrom.push(rel);
      else if (r.type === 'Child') item.children.push(rel);
      else if (r.type === 'File') code.push(r.value);
      else notes.push({ pos: r.pos, kind: 'lost', subject: 'relation', message: `${uid}: ${r.type || 'untyped'} relation to '${r.value}' not kept` });
      if (r.role && r.value && (r.type === 'Parent' || r.type === 'Child')) item.lost.push(`role ${r.role} of the relation to '${r.value}' not kept`);
    }
    if (code.length) {
      item.fields = { code };
      item.lost.push(`File relations kept as code globs ${code.join(', ')} (StrictDoc paths are relative to its project root: check they are relative to the workspace root)`);
    }
    items.push(item);
  }
  return { items, notes };
}
