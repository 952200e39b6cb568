import type { ImportedItem, ImportOptions, ParsedDocument, SourcePos } from './types';

/** `type~name~revision` as OpenFastTrace writes specification item IDs. */
const ID = String.raw`([A-Za-z]+)~([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)~(\d+)`;
const ID_LINE = new RegExp(String.raw`^\s{0,3}(?:<a\s+id="[^"]*"\s*>\s*</a>\s*)?\x60?${ID}\x60?`);
const ANY_ID = new RegExp(String.raw`(?<![\w~])${ID}(?![\w~])`);
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const UNDERLINE = /^\s{0,3}[=-]{3,}\s*$/;
const FENCE = /^\s*([`~]{3,})/;
const FORWARD = /^\s*`?([A-Za-z]+)\s*-->\s*([A-Za-z]+(?:\s*,\s*[A-Za-z]+)*)\s*:\s*/;
const BULLET = /^\s{0,3}[+*-]\s+(.*)$/;
const KEYWORD = /^(Description|Rationale|Comment|Covers|Depends|Needs|Tags|Status):\s*(.*)$/;
const STATUS: Record<string, ImportedItem['status']> = { approved: 'approved', proposed: 'draft', draft: 'draft', rejected: 'obsolete' };
/** Requirement-level types lose a shared name to lower-level ones, which are what code tags cover. */
const RANK: Record<string, number> = { feat: 2, req: 1 };
/** A forwarded item only passes coverage on: it never takes a shared name from the item it covers. */
const FORWARDED_RANK = 1.5;

/**
 * OpenFastTrace Markdown specification items: a heading (the title), then a line starting with the ID
 * `type~name~revision`, the description, and the sections Rationale, Comment, Covers, Depends, Needs,
 * Tags, Status. IDs inside fenced code blocks are examples, not items.
 */
export function parseOftSpec(file: string, text: string, options: ImportOptions = {}): ParsedDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const items: ImportedItem[] = [];
  const notes: ParsedDocument['notes'] = [];
  const pos = (line: number, col: number): SourcePos => ({ file, line: line + 1, col: col + 1 });
  let fence: string | undefined;
  /** Where the open fence starts, and the first line in it that would start an item outside it. */
  let fenceAt: { line: number; col: number; firstId?: { id: string; line: number } } | undefined;
  let off = false;
  let heading: string | undefined;
  let current: { item: ImportedItem; section: string; description: string[]; needs: string[]; tags: string[]; other: Set<string> } | undefined;
  const finish = () => {
    if (!current) return;
    const { item, description, needs, tags, other } = current;
    const body = description.join('\n').trim();
    if (body) item.text = body;
    if (needs.length) item.lost.push(`Needs: ${needs.join(', ')} not kept (the evidence a kind needs is set per kind in spdf.config.yaml \`evidence\`)`);
    if (tags.length) item.lost.push(`Tags: ${tags.join(', ')} not kept`);
    for (const s of other) item.lost.push(s === 'Rationale' || s === 'Comment' ? `${s} text not kept (a requirement has no ${s.toLowerCase()} field)` : `text after '${s}:' not kept`);
    current = undefined;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (/^\s*<!--\s*oft:off\s*-->/.test(line)) off = true;
    if (/^\s*<!--\s*oft:on\s*-->/.test(line)) off = false;
    if (off) {
      if (current?.section === 'Description') current.description.push(line);
      continue;
    }
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = undefined;
      else if (fenceAt && !fenceAt.firstId) {
        const inside = ID_LINE.exec(line);
        if (inside) fenceAt.firstId = { id: `${inside[1]}~${inside[2]}~${inside[3]}`, line: n };
      }
      if (current?.section === 'Description') current.description.push(line);
      continue;
    }
    if (f) {
      fence = f[1];
      fenceAt = { line: n, col: line.indexOf(f[1]) };
      if (current?.section === 'Description') current.description.push(line);
      continue;
    }
    const h = HEADING.exec(line);
    const underlined = n + 1 < lines.length && UNDERLINE.test(lines[n + 1]) && line.trim() !== '' && !BULLET.test(line);
    if (h || underlined) {
      finish();
      heading = h ? h[1] : line.trim();
      if (underlined) n++;
      continue;
    }
    const fwd = FORWARD.exec(line);
    const forwarded = fwd ? ANY_ID.exec(line.slice(fwd[0].length)) : null;
    if (fwd && forwarded) {
      // `arch --> dsn : req~x~1` is the item arch~x~1 covering req~x~1 and needing dsn, with no text of its own.
      finish();
      const [type, name, revision] = [fwd[1], forwarded[2], forwarded[3]];
      const target = `${forwarded[1]}~${name}~${revision}`;
      const item: ImportedItem = {
        id: `${type}~${name}~${revision}`,
        element: `${type} (forwarding)`,
        title: `${type} forwarded to ${fwd[2].replace(/\s+/g, '')}`,
        derivedFrom: [{ id: target, pos: pos(n, fwd[0].length + forwarded.index), via: 'forwarding' }],
        children: [],
        lost: [`Needs: ${fwd[2].replace(/\s+/g, '')} not kept (the evidence a kind needs is set per kind in spdf.config.yaml \`evidence\`)`],
        pos: pos(n, line.search(/\S/)),
      };
      if (options.oftIds === 'full') {
        item.shortId = `${type}~${name}`;
        item.fields = { revision: Number(revision) };
      } else {
        item.shortId = name;
        item.rank = FORWARDED_RANK;
        item.lost.push(`revision ${revision} not kept (tags link by name)`);
      }
      heading = undefined;
      items.push(item);
      continue;
    }
    const id = ID_LINE.exec(line);
    if (id) {
      finish();
      const [full, type, name, revision] = [`${id[1]}~${id[2]}~${id[3]}`, id[1], id[2], id[3]];
      const item: ImportedItem = { id: full, element: type, title: heading, derivedFrom: [], children: [], lost: [], pos: pos(n, line.indexOf(full)) };
      if (options.oftIds === 'full') {
        item.shortId = `${type}~${name}`;
        item.fields = { revision: Number(revision) };
      } else {
        item.shortId = name;
        item.rank = RANK[type] ?? 0;
        item.lost.push(`revision ${revision} not kept (tags link by name)`);
      }
      if (!heading) item.lost.push('no title in the source (a heading before the ID); the ID is the title');
      heading = undefined;
      items.push(item);
      current = { item, section: 'Description', description: [], needs: [], tags: [], other: new Set() };
      continue;
    }
    if (!current) continue;
    const k = KEYWORD.exec(line);
    if (k) {
      current.section = k[1];
      const rest = k[2].trim();
      if (k[1] === 'Description' && rest) current.description.push(rest);
      else if (k[1] === 'Needs' && rest)
        current.needs.push(
          ...rest
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      else if (k[1] === 'Tags' && rest)
        current.tags.push(
          ...rest
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      else if (k[1] === 'Status') {
        const status = STATUS[rest.toLowerCase()];
        if (status) current.item.status = status;
        else notes.push({ pos: pos(n, line.indexOf(k[2])), kind: 'lost', subject: 'changed', message: `${current.item.id}: status '${rest}' is not an OpenFastTrace status; not kept` });
        if (rest.toLowerCase() === 'rejected') current.item.lost.push('status rejected kept as obsolete');
        if (rest.toLowerCase() === 'proposed') current.item.lost.push('status proposed kept as draft');
      } else if ((k[1] === 'Rationale' || k[1] === 'Comment') && rest) current.other.add(k[1]);
      continue;
    }
    const b = BULLET.exec(line);
    const section = current.section;
    if (section === 'Covers' || section === 'Depends') {
      if (!line.trim()) continue;
      const ref = b ? ANY_ID.exec(b[1]) : null;
      if (!ref) {
        if (b) notes.push({ pos: pos(n, 0), kind: 'lost', subject: 'relation', message: `${current.item.id}: ${section} entry '${b[1].trim()}' has no specification item ID; not kept` });
        else {
          current.section = 'Description';
          current.description.push(line);
        }
        continue;
      }
      const target = `${ref[1]}~${ref[2]}~${ref[3]}`;
      if (section === 'Covers') current.item.derivedFrom.push({ id: target, pos: pos(n, line.indexOf(target)), via: 'Covers' });
      else
        notes.push({
          pos: pos(n, line.indexOf(target)),
          kind: 'lost',
          subject: 'relation',
          message: `${current.item.id}: Depends '${target}' not kept (the model has no dependency relation between requirements)`,
        });
    } else if (section === 'Needs' || section === 'Tags') {
      if (b) (section === 'Needs' ? current.needs : current.tags).push(b[1].trim());
      else if (line.trim()) {
        current.section = 'Description';
        current.description.push(line);
      }
    } else if (section === 'Description') current.description.push(line);
    else if (line.trim()) current.other.add(section);
  }
  finish();
  // A fence never closed makes the rest of the file code (CommonMark): with an item ID below it, the file was most
  // likely cut short or the closing fence lost, and those items would be dropped without a word.
  if (fence && fenceAt?.firstId)
    notes.push({
      pos: pos(fenceAt.line, fenceAt.col),
      kind: 'error',
      message: `code fence '${fence}' is never closed: the rest of the file is code, so the items below it (first: ${fenceAt.firstId.id} at line ${fenceAt.firstId.line + 1}) were not read; close the fence`,
    });
  return { items, notes };
}
