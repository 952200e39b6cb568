import { parseYaml } from '../yaml/parse';
import { deref, type YMap, type YNode, type YSeq } from '../yaml/ynode';
import { LineIndex } from '../text';
import type { ImportNote, SourcePos } from './types';

/** A JSON or YAML source read through the YAML layer (JSON is YAML), with positions for every node. */
export interface SourceTree {
  root: YNode | null;
  notes: ImportNote[];
  pos(offset: number): SourcePos;
}

export function readTree(file: string, text: string): SourceTree {
  const lines = new LineIndex(text);
  const pos = (offset: number): SourcePos => {
    const p = lines.position(offset);
    return { file, line: p.line + 1, col: p.character + 1 };
  };
  const parsed = parseYaml(text);
  const notes: ImportNote[] = parsed.problems.map((p) => ({ pos: pos(p.start), kind: 'error', message: `not readable: ${p.message.length > 160 ? p.message.slice(0, 160) + '...' : p.message}` }));
  if (parsed.roots.length > 1) notes.push({ pos: pos(0), kind: 'error', message: `${parsed.roots.length} documents in one file; only one is read` });
  return { root: notes.length ? null : (parsed.roots[0] ?? null), notes, pos };
}

export const map = (n: YNode | null | undefined): YMap | null => {
  const d = deref(n);
  return d && d.kind === 'map' ? d : null;
};
export const seq = (n: YNode | null | undefined): YSeq | null => {
  const d = deref(n);
  return d && d.kind === 'seq' ? d : null;
};
/** The value under a key; YAML merge keys (`<<: *base`, used by Threagile models) are followed a few levels deep. */
export function get(m: YMap | null, key: string, depth = 0): YNode | null | undefined {
  const pair = m?.pairs.find((p) => p.key.value === key);
  if (pair || !m || depth > 8) return pair?.value;
  const merge = m.pairs.find((p) => p.key.value === '<<')?.value;
  const bases = seq(merge)?.items ?? [merge];
  for (const b of bases) {
    const v = get(map(b), key, depth + 1);
    if (v !== undefined) return v;
  }
  return undefined;
}
export const str = (n: YNode | null | undefined): string | undefined => {
  const d = deref(n);
  return d && d.kind === 'scalar' && d.value !== null && typeof d.value !== 'boolean' ? String(d.value) : undefined;
};
export const num = (n: YNode | null | undefined): number | undefined => {
  const d = deref(n);
  return d && d.kind === 'scalar' && typeof d.value === 'number' ? d.value : undefined;
};
export const bool = (n: YNode | null | undefined): boolean | undefined => {
  const d = deref(n);
  return d && d.kind === 'scalar' && typeof d.value === 'boolean' ? d.value : undefined;
};
/** Entries of a list, or of a map keyed by ID (Threagile), each with its key when it has one. */
export function entries(n: YNode | null | undefined): { key?: string; node: YNode; start: number }[] {
  const s = seq(n);
  if (s) return s.items.filter((i): i is YNode => i !== null).map((node) => ({ node, start: node.start }));
  const m = map(n);
  return m ? m.pairs.filter((p) => p.value !== null).map((p) => ({ key: String(p.key.value), node: p.value!, start: p.key.start })) : [];
}
export const strings = (n: YNode | null | undefined): string[] => (seq(n)?.items ?? []).map(str).filter((s): s is string => s !== undefined);
