// @spdf implements SPDF-IMPORT-MERGE
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { yamlString } from '../fixes/yaml-edits';
import { LineIndex } from '../text';
import type { SourcePos } from './types';

/** What a re-import did to one model file besides applying the source's changes. */
export interface MergeNote {
  pos: SourcePos;
  /** `conflict`: a hand edit kept although the source changed the same field; `kept`: an item the source removed or the user deleted, left as the user has it. */
  kind: 'conflict' | 'kept' | 'updated' | 'added';
  message: string;
}

export interface MergeResult {
  /** The merged file text, or undefined when the file could not be merged (see `error`). */
  text?: string;
  notes: MergeNote[];
  /** Why nothing was merged: the file on disk is not YAML the merge understands. */
  error?: string;
}

type Data = Record<string, unknown>;
interface Edit {
  start: number;
  end: number;
  text: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value as one-line YAML (flow collections, quoted strings), valid wherever a value stands. */
export function flowYaml(v: unknown): string {
  if (typeof v === 'string') return yamlString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(flowYaml).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${/^[A-Za-z_][\w.-]*$/.test(k) ? k : yamlString(k)}: ${flowYaml(x)}`)
      .join(', ')} }`;
  return 'null';
}

/** A value as YAML text that follows `key: `: a multi-line string as a literal block indented to `indent`, anything else on one line. */
function valueText(v: unknown, indent: number, eol: string): string {
  if (typeof v === 'string' && v.includes('\n') && !/^[ \t]/.test(v) && !/\n\n$/.test(v) && !/[ \t]\n|[\r\t]/.test(v)) {
    const body = v.endsWith('\n') ? v.slice(0, -1) : v;
    return `|${v.endsWith('\n') ? '' : '-'}${body
      .split('\n')
      .map((l) => `${eol}${l ? ' '.repeat(indent) + l : ''}`)
      .join('')}`;
  }
  return flowYaml(v);
}

/** Sections of a model file: top-level keys whose value is a list of items with an `id`. */
function sectionsOf(data: unknown): Map<string, Map<string, Data>> {
  const out = new Map<string, Map<string, Data>>();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [k, v] of Object.entries(data)) if (Array.isArray(v)) out.set(k, new Map(v.filter((i): i is Data => !!i && typeof i === 'object' && 'id' in i).map((i) => [String(i.id), i])));
  return out;
}

const plain = (text: string): unknown => {
  try {
    const doc = parseDocument(text);
    return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
};

/**
 * A re-import, three ways, item by item and field by field: `base` is what the previous import wrote (its
 * snapshot), `next` what the changed source gives now, `current` the file as the user has it. A field the user
 * left as the base had it takes the source's new value (or goes, when the source dropped it); a field the user
 * changed is kept, and reported as a conflict when the source changed it too; fields, items and comments the
 * user added are kept. A source item that is new is appended; one the source removed is kept and reported,
 * never deleted; one the user deleted stays deleted and is reported. Only the changed values and the added
 * lines are edited into `current` (located through the `yaml` Document API), so every other byte of the
 * file, comments and formatting included, stays as it was.
 */
export function mergeImport(file: string, base: string, next: string, current: string): MergeResult {
  const notes: MergeNote[] = [];
  const doc = parseDocument(current);
  if (doc.errors.length) return { notes, error: `not merged: the file is not valid YAML (${doc.errors[0].message.split('\n')[0]})` };
  const found: { at: Locator; kind: MergeNote['kind']; message: string }[] = [];
  const note = (at: Locator, kind: MergeNote['kind'], message: string) => found.push({ at, kind, message });
  const baseItems = sectionsOf(plain(base));
  const nextItems = sectionsOf(plain(next));
  const nextDoc = parseDocument(next);
  const root = doc.contents;
  if (!isMap(root)) return { notes, error: 'not merged: the top level of the file is not a mapping' };
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const appendAtEnd: string[] = [];

  for (const [section, items] of nextItems) {
    const before = baseItems.get(section) ?? new Map<string, Data>();
    const seqNode = root.get(section, true);
    const seq = isSeq(seqNode) ? (seqNode as YAMLSeq) : undefined;
    const mine = new Map<string, YAMLMap>();
    for (const n of seq?.items ?? []) if (isMap(n) && n.has('id')) mine.set(String(n.get('id')), n);
    const newItems: string[] = [];
    for (const [id, theirs] of items) {
      const node = mine.get(id);
      const was = before.get(id);
      if (!node) {
        if (was) note({ section }, 'kept', `${section} '${id}' was deleted by hand; the source still has it: not added again`);
        else {
          newItems.push(itemText(nextDoc, section, id));
          note({ section, id }, 'added', `${section} '${id}' is new in the source: added`);
        }
        continue;
      }
      mergeItem(node, section, id, was ?? {}, theirs, !!was);
    }
    for (const id of mine.keys()) if (before.has(id) && !items.has(id)) note({ section, id }, 'kept', `${section} '${id}' is no longer in the source: kept (delete it by hand if it should go)`);
    if (!newItems.length) continue;
    if (seq && !seq.flow && seq.items.length) {
      const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
      const at = lineEnd(current, contentEnd(current, last.range![1]));
      const indent = columnOf(current, (seq.items[0] as { range: [number, number, number] }).range[0]) - 2;
      edits.push({ start: at, text: newItems.map((t) => reindent(t, indent, eol)).join(''), end: at });
    } else if (!seqNode) appendAtEnd.push(`${section}:${eol}${newItems.map((t) => reindent(t, 2, eol)).join('')}`);
    else return { notes, error: `not merged: '${section}' is not a block list of items` };
  }
  for (const [section, items] of baseItems)
    if (!nextItems.has(section)) for (const [id] of items) note({ section, id }, 'kept', `${section} '${id}' is no longer in the source: kept (delete it by hand if it should go)`);

  function mergeItem(node: YAMLMap, section: string, id: string, was: Data, theirs: Data, imported: boolean) {
    const keys = new Set([...Object.keys(was), ...Object.keys(theirs)]);
    const additions: string[] = [];
    for (const key of keys) {
      if (key === 'id') continue;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<{ range?: [number, number, number] }, { range?: [number, number, number] } | null> | undefined;
      const mineData = pair ? toJs(pair.value) : undefined;
      const baseValue = was[key];
      const nextValue = theirs[key];
      if (same(mineData, nextValue)) continue;
      const untouched = imported ? same(mineData, baseValue) : mineData === undefined;
      const at: Locator = { section, id, key };
      if (!untouched) {
        if (!same(baseValue, nextValue))
          note(at, 'conflict', `${id}: '${key}' was edited by hand and the source changed it too: the hand edit is kept (source now: ${nextValue === undefined ? 'no value' : flowYaml(nextValue)})`);
        continue;
      }
      if (node.flow) {
        note(at, 'conflict', `${id}: '${key}' changed in the source, but the item is written in flow style: not edited (source now: ${flowYaml(nextValue)})`);
        continue;
      }
      if (pair && nextValue === undefined) {
        const start = lineStart(current, pair.key.range![0]);
        edits.push({ start, end: lineEnd(current, contentEnd(current, valueEnd(pair))), text: '' });
        note({ section, id }, 'updated', `${id}: '${key}' removed (the source no longer has it)`);
      } else if (pair && pair.value?.range && pair.key?.range) {
        // A value on lines of its own (a block list, map or scalar) is replaced from the end of its key on.
        const block = !!current.slice(pair.key.range[1], pair.value.range[0]).match(/\n/) || /^[|>]/.test(current.slice(pair.value.range[0]));
        const start = block ? pair.key.range[1] : pair.value.range[0];
        const rendered = valueText(nextValue, columnOf(current, pair.key.range[0]) + 2, eol);
        edits.push({ start, end: contentEnd(current, pair.value.range[1]), text: block ? `: ${rendered}` : rendered });
        note(at, 'updated', `${id}: '${key}' updated from the source`);
      } else if (!pair) {
        additions.push(`${key}: ${valueText(nextValue, columnOf(current, (node.items[0]?.key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0) + 2, eol)}`);
        note(at, 'updated', `${id}: '${key}' added from the source`);
      }
    }
    if (additions.length) {
      const last = node.items[node.items.length - 1];
      const at = lineEnd(current, contentEnd(current, valueEnd(last as Pair<{ range?: [number, number, number] }, { range?: [number, number, number] } | null>)));
      const indent = columnOf(current, (node.items[0].key as { range: [number, number, number] }).range[0]);
      edits.push({ start: at, end: at, text: additions.map((a) => `${' '.repeat(indent)}${a}${eol}`).join('') });
    }
  }

  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = current;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  if (appendAtEnd.length) text = (text.endsWith('\n') || !text ? text : text + eol) + appendAtEnd.join('');
  const locate = locator(file, text);
  for (const f of found) notes.push({ pos: locate(f.at), kind: f.kind, message: f.message });
  return { text, notes };
}

/** Where a note points: a section, an item of it, or one field of that item. */
interface Locator {
  section: string;
  id?: string;
  key?: string;
}

/** Positions in the merged text, so the report points at the file as it now is. */
function locator(file: string, text: string): (at: Locator) => SourcePos {
  const doc = parseDocument(text);
  const lines = new LineIndex(text);
  return (at) => {
    const seq = isMap(doc.contents) ? doc.contents.get(at.section, true) : undefined;
    const item = isSeq(seq) ? (seq.items.find((n) => isMap(n) && String(n.get('id')) === at.id) as YAMLMap | undefined) : undefined;
    const pair = item?.items.find((p) => isScalar(p.key) && String(p.key.value) === at.key);
    const node: { range?: [number, number, number] | null } | null | undefined = pair?.key ?? item ?? seq ?? doc.contents;
    const p = lines.position(node?.range?.[0] ?? 0);
    return { file, line: p.line + 1, col: p.character + 1 };
  };
}

function toJs(n: unknown): unknown {
  if (n === null || n === undefined) return null;
  try {
    return (n as { toJSON(): unknown }).toJSON();
  } catch {
    return undefined;
  }
}
function valueEnd(pair: Pair<{ range?: [number, number, number] }, { range?: [number, number, number] } | null>): number {
  return pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? 0;
}
/** End of a node's content: trailing blank space and line breaks (a block scalar's range holds them) not included. */
function contentEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
/** Offset just after the line break that ends the line holding `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The lines of one item of the generated file, from its `- ` to its last line, without indentation. */
function itemText(next: Document, section: string, id: string): string {
  const seq = next.get(section, true) as YAMLSeq | undefined;
  const item = seq?.items.find((n) => isMap(n) && String(n.get('id')) === id) as YAMLMap | undefined;
  const data = (item?.toJSON() ?? { id }) as Data;
  return Object.entries(data)
    .map(([k, v], i) => `${i ? '  ' : '- '}${k}: ${valueText(v, 4, '\n')}\n`)
    .join('');
}

function reindent(text: string, indent: number, eol: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${l ? ' '.repeat(indent) + l : ''}${eol}`)
    .join('');
}
