import type { ModelItem, ModelFile } from '../model/graph';
import { SECTION_OF, type ItemKind } from '../model/kinds';
import { asSeq, deref, pairOf, type YMap } from '../yaml/ynode';
import type { TextEdit } from '../types';

/** Column of the first character of the line holding `offset`. */
function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/** Column of `offset` in its line (for a key after `- `, the key's column, not the dash's). */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset just after the line that contains `offset` (start of the next line). */
function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1));
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Inserts `key: value` into an item's mapping, after its last key at the same indentation.
 * `value` is YAML text for a scalar or flow collection; `comment` lands after it (e.g. a TODO).
 */
export function insertKeyEdit(file: ModelFile, item: ModelItem, key: string, value: string, comment?: string): TextEdit {
  const text = file.source.text;
  const map = item.node;
  const first = map.pairs[0];
  const last = map.pairs[map.pairs.length - 1];
  const nl = eol(text);
  const line = `${key}: ${value}${comment ? `  # ${comment}` : ''}`;
  if (text[map.start] === '{' || !first) {
    // Flow mapping: add before the closing brace.
    const at = map.end - 1;
    const pos = file.source.positionAt(at);
    return { file: file.path, range: { start: pos, end: pos }, newText: `, ${key}: ${value}` };
  }
  const indent = columnOf(text, first.key.start);
  const end = afterLine(text, Math.max(last.value ? (deref(last.value)?.end ?? last.key.end) : last.key.end, last.key.end));
  const insertAt = end > text.length ? text.length : end;
  const pos = file.source.positionAt(insertAt);
  const prefix = insertAt === text.length && !text.endsWith('\n') ? nl : '';
  return { file: file.path, range: { start: pos, end: pos }, newText: `${prefix}${' '.repeat(indent)}${line}${nl}` };
}

/**
 * Appends a new item (given as `key: value` lines, `id` first) to the file's section for its kind,
 * creating the section at the end of the file when the file has none.
 */
export function appendItemEdit(file: ModelFile, kind: ItemKind, lines: string[]): TextEdit {
  const text = file.source.text;
  const nl = eol(text);
  const section = SECTION_OF[kind];
  const rootMap = file.roots.map((r) => deref(r)).find((r): r is YMap => r?.kind === 'map');
  const seq = asSeq(pairOf(rootMap, section)?.value);
  const lastItem = seq?.items[seq.items.length - 1];
  const lastNode = deref(lastItem);
  if (seq && lastNode && text[seq.start] !== '[') {
    const dashCol = indentAt(text, seq.start);
    const body = lines.map((l, i) => `${' '.repeat(dashCol)}${i === 0 ? '- ' : '  '}${l}`).join(nl) + nl;
    const insertAt = afterLine(text, lastNode.end);
    const at = Math.min(insertAt, text.length);
    const pos = file.source.positionAt(at);
    const prefix = at === text.length && !text.endsWith('\n') ? nl : '';
    return { file: file.path, range: { start: pos, end: pos }, newText: prefix + body };
  }
  const pos = file.source.positionAt(text.length);
  const sep = text.length === 0 || text.endsWith('\n') ? '' : nl;
  const body = lines.map((l, i) => `  ${i === 0 ? '- ' : '  '}${l}`).join(nl);
  const header = seq ? '' : `${section}:${nl}`;
  if (seq) {
    // Flow or empty sequence: a second block of the same section would be a duplicate key; add a YAML document instead.
    return { file: file.path, range: { start: pos, end: pos }, newText: `${sep}---${nl}${section}:${nl}${body}${nl}` };
  }
  return { file: file.path, range: { start: pos, end: pos }, newText: `${sep}${header}${body}${nl}` };
}

/** Quotes a string for YAML when plain style would change its meaning. */
export function yamlString(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 _./()-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^[0-9.]+$/.test(s) ? s : JSON.stringify(s);
}
