// @spdf implements SPDF-LSP-READS
import { isDeepStrictEqual } from 'node:util';
import type { LoadedFile } from '../core/model/load-file';
import type { Finding, Range } from '../core/types';
import type { YNode } from '../core/yaml/ynode';

/**
 * What an edit of one model file changed, item by item (the items keep their kinds and IDs): the data fields whose
 * values differ, `problems` when the file's load problems differ, and always `file`. A rule whose `meta.reads` names
 * none of them reports the same, up to the positions of the edited file's nodes (`FileRemap`).
 */
export function changedFields(before: LoadedFile, after: LoadedFile): Set<string> {
  const changed = new Set<string>(['file']);
  for (let j = 0; j < after.items.length; j++) {
    const a = before.items[j].data as unknown as Record<string, unknown>;
    const b = after.items[j].data as unknown as Record<string, unknown>;
    for (const k of Object.keys(a)) if (!(k in b) || !isDeepStrictEqual(a[k], b[k])) changed.add(k);
    for (const k of Object.keys(b)) if (!(k in a)) changed.add(k);
  }
  if (!isDeepStrictEqual(before.problems, after.problems)) changed.add('problems');
  return changed;
}

const key = (r: Range) => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;

/**
 * The item nodes of an edited model file before the edit, each with the same node after it (the same key path in
 * the same item): a position before the edit that is a node's moves with it. A range two nodes share that moved
 * differently maps to nothing.
 */
export class FileRemap {
  /** Node pairs (before, after) by the start offset before the edit. */
  private readonly byStart = new Map<number, [YNode, YNode][]>();

  constructor(
    readonly path: string,
    private readonly before: LoadedFile,
    private readonly after: LoadedFile,
  ) {
    for (let j = 0; j < after.items.length; j++) this.walk(before.items[j].node, after.items[j].node);
  }

  private add(a: YNode, b: YNode): void {
    const l = this.byStart.get(a.start);
    if (l) l.push([a, b]);
    else this.byStart.set(a.start, [[a, b]]);
  }

  private walk(a: YNode | null, b: YNode | null): void {
    if (!a || !b || a.kind !== b.kind) return;
    this.add(a, b);
    if (a.kind === 'map' && b.kind === 'map') {
      for (const p of a.pairs) {
        const same = b.pairs.filter((q) => q.key.value === p.key.value);
        if (same.length !== 1 || a.pairs.filter((q) => q.key.value === p.key.value).length !== 1) continue;
        this.add(p.key, same[0].key);
        this.walk(p.value, same[0].value);
      }
    } else if (a.kind === 'seq' && b.kind === 'seq' && a.items.length === b.items.length) {
      a.items.forEach((x, i) => this.walk(x, b.items[i]));
    }
  }

  private range(r: Range): Range | undefined {
    const was = key(r);
    let to: Range | undefined;
    for (const [a, b] of this.byStart.get(this.before.file.source.offsetAt(r.start)) ?? []) {
      if (key(this.before.file.source.range(a.start, a.end)) !== was) continue;
      const now = this.after.file.source.range(b.start, b.end);
      if (to && key(to) !== key(now)) return undefined;
      to = now;
    }
    return to;
  }

  /** The findings with their positions in the edited file moved with their nodes; undefined when one cannot be moved (the rule re-runs). */
  findings(findings: readonly Finding[]): Finding[] | undefined {
    const out: Finding[] = [];
    for (const f of findings) {
      const edits = [...(f.fix?.edits ?? []), ...(f.suggestions ?? []).flatMap((s) => s.edits)];
      if (edits.some((e) => e.file === this.path)) return undefined;
      const inFile = f.file === this.path;
      const related = f.related?.some((r) => r.file === this.path);
      if (!inFile && !related) {
        out.push(f);
        continue;
      }
      const range = inFile ? this.range(f.range) : f.range;
      if (!range) return undefined;
      const moved: Finding = { ...f, range };
      if (f.related && related) {
        const rel: NonNullable<Finding['related']> = [];
        for (const r of f.related) {
          const to = r.file === this.path ? this.range(r.range) : r.range;
          if (!to) return undefined;
          rel.push({ ...r, range: to });
        }
        moved.related = rel;
      }
      out.push(moved);
    }
    return out;
  }
}
