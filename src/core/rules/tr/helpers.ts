/** Small readers shared by the domain rule families (TR, HZ, CT, RQ, VT, SB). */
import { workspaceFileExists } from '../../analysis/verification';
import type { Graph, ModelItem, ItemOf } from '../../model/graph';
import type { ItemKind } from '../../model/kinds';
import { insertKeyEdit } from '../../fixes/yaml-edits';
import type { TextEdit } from '../../types';
import { deref, pairOf } from '../../yaml/ynode';
import type { RuleContext } from '../types';

/**
 * The model fields the helpers below read (`referrers` and `targetsOf` read the reference field their caller names,
 * which the caller declares), spread into the `meta.reads` of the rules built on them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const TR_HELPERS_READS = ['cyber_device', 'severity', 'status'] as const;

/** String entries of a list field (ignores non-strings and empty strings). */
export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

/** A present, non-blank text value. */
export function hasText(v: unknown): boolean {
  return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';
}

/** Items of `kind` that reference `id` through `field` (resolved references only). */
export function referrers(graph: Graph, id: string, kind: ItemKind, field: string): ModelItem[] {
  const out: ModelItem[] = [];
  for (const r of graph.refsTo.get(id) ?? []) if (r.from.kind === kind && r.field === field && r.target) out.push(r.from);
  return out;
}

/** Resolved targets of an item's reference field. */
export function targetsOf(graph: Graph, item: ModelItem, field: string): ModelItem[] {
  const out: ModelItem[] = [];
  for (const r of graph.refsOf.get(item) ?? []) if (r.field === field && r.target) out.push(r.target);
  return out;
}

/** Treatment status of a threat; an absent status means nobody has treated it yet (open). */
export function threatStatus(threat: ItemOf<'threat'>): string {
  return typeof threat.data.status === 'string' ? threat.data.status : 'open';
}

/** Requirements with `status: obsolete` are out of every check. */
export function isObsolete(item: { data: { status?: unknown } }): boolean {
  return item.data.status === 'obsolete';
}

/** Hazard severity when it is an integer, else undefined. */
export function severityOf(hazard: ItemOf<'hazard'> | undefined): number | undefined {
  const s = hazard?.data.severity;
  return typeof s === 'number' && Number.isInteger(s) ? s : undefined;
}

/** The system item (first one), if the model has one. */
export function systemOf(graph: Graph): ItemOf<'system'> | undefined {
  return graph.byKind.system[0];
}

/** True when the model declares a cyber device (FD&C 524B): the SB rules apply only then. */
export function isCyberDevice(graph: Graph): boolean {
  return graph.byKind.system.some((s) => s.data.cyber_device === true);
}

/** Whether a path written in the model names a workspace file (see workspaceFileExists). */
export function fileExists(ctx: RuleContext, fromFile: string, p: string): boolean {
  return workspaceFileExists(
    ctx.shared('helpers/all-files', () => new Set(ctx.allFiles)),
    fromFile,
    p,
  );
}

/** Joins IDs for a message: `'A', 'B' and 'C'`. */
export function quoteList(ids: readonly string[]): string {
  const q = ids.map((i) => `'${i}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * Edit that gives `key` the YAML `value` in an item: inserts the key when absent (with `comment`),
 * or replaces an empty/null value in place.
 */
export function setKeyEdit(ctx: RuleContext, item: ModelItem, key: string, value: string, comment?: string): TextEdit {
  const file = ctx.graph.fileByPath.get(item.file)!;
  const pair = pairOf(item.node, key);
  const text = file.source.text;
  if (!pair) return insertKeyEdit(file, item, key, value, comment);
  const flow = text[item.node.start] === '{';
  const v = deref(pair.value);
  const newValue = `${value}${comment && !flow ? `  # ${comment}` : ''}`;
  if (v && v.end > v.start) {
    // A node's end may run past its line (trailing line break); replace only the value's own text.
    let end = v.end;
    const nlPos = text.indexOf('\n', v.start);
    if (nlPos >= 0 && nlPos < end) end = nlPos;
    while (end > v.start && /\s/.test(text[end - 1])) end--;
    return { file: item.file, range: file.source.range(v.start, end), newText: newValue };
  }
  const colon = text.indexOf(':', pair.key.end);
  const at = colon < 0 ? pair.key.end : colon + 1;
  return { file: item.file, range: file.source.range(at, v && v.end > at ? v.end : at), newText: ` ${newValue}` };
}
