// @spdf implements SPDF-IMPORT-THREAGILE-INCLUDES
import type { YMap, YNode } from '../yaml/ynode';
import { where } from './assemble';
import type { ReadSource } from './model-types';
import { NO_REPEAT, ThreagileMerge } from './threagile-merge';
import { entries, get, map, readTree, seq, str, type SourceTree } from './tree';
import type { ImportNote, SourcePos } from './types';

/** A Threagile model with every file it includes merged in, positions kept per file. */
export interface ThreagileSources {
  /** The merged top level; null when the including file could not be read as a mapping. */
  root: YMap | null;
  /** Each file's own top level, in reading order (the including file first). */
  files: YMap[];
  /** Files read besides the including one, in reading order. */
  included: string[];
  /** Where a node is written: in the file it was read from. */
  at: (n: YNode) => SourcePos;
  notes: ImportNote[];
}

/** `dir/name` with `.` and `..` resolved; a leading `/` is read below `dir`, as Threagile's path join does. */
export function includePath(from: string, name: string): string {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const out: string[] = [];
  for (const part of `${dir}/${name}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Reads a Threagile model and, through `read`, the files its `includes` name (relative to the file naming
 * them, nested includes too), and merges them as Threagile does (`./threagile-merge`). A file that includes
 * one of the files including it (Threagile would recurse forever), a name that is not a file name, and a
 * file that cannot be read or parsed are errors; a file included a second time is read once (merging it
 * again changes nothing), unless it holds entries Threagile refuses to merge twice (an error).
 */
export async function readThreagileSources(file: string, text: string, read: ReadSource): Promise<ThreagileSources> {
  const origin = new WeakMap<object, SourceTree>();
  const main = readTree(file, text);
  const notes: ImportNote[] = [...main.notes];
  const at = (n: YNode): SourcePos => (origin.get(n) ?? main).pos(n.start);
  const adopt = <T extends YNode>(made: T, like: YNode): T => (origin.set(made, origin.get(like) ?? main), made);
  const merge = new ThreagileMerge(at, notes, adopt);
  const files: YMap[] = [];
  const firstRead = new Map<string, { by: YNode; root: YMap | null }>();
  const children = new Map<string, string[]>();
  const included: string[] = [];
  /** The top levels Threagile would merge again with a file: its own and those of every file it includes. */
  const mergedWith = (target: string): YMap[] => {
    const seen = new Set<string>();
    const todo = [target];
    for (let f = todo.pop(); f !== undefined; f = todo.pop())
      if (!seen.has(f)) {
        seen.add(f);
        todo.push(...(children.get(f) ?? []));
      }
    return [...seen].map((f) => firstRead.get(f)?.root).filter((r): r is YMap => !!r);
  };

  const visit = async (path: string, tree: SourceTree, chain: string[]): Promise<void> => {
    own(origin, tree);
    const root = map(tree.root);
    if (!root) return;
    files.push(root);
    merge.add(root);
    const list = get(root, 'includes');
    if (list && !seq(list) && str(list) !== undefined) notes.push({ pos: at(list), kind: 'error', message: `'includes' is not a list of file names; '${str(list)}' not read` });
    const mine: string[] = [];
    children.set(path, mine);
    for (const x of entries(list)) {
      const name = str(x.node);
      if (!name) {
        notes.push({ pos: at(x.node), kind: 'error', message: 'an included file that is not a file name; not read' });
        continue;
      }
      const target = includePath(path, name);
      const named = `included file '${name}' (${target})`;
      if (chain.includes(target)) {
        notes.push({ pos: at(x.node), kind: 'error', message: `${named} includes this file again (${[...chain, target].join(' -> ')}): Threagile would include it forever; not read again` });
        continue;
      }
      const prior = firstRead.get(target);
      if (prior) {
        mine.push(target);
        const p = where(at(prior.by));
        const again = Object.keys(NO_REPEAT).filter((k) => mergedWith(target).some((r) => entries(get(r, k)).length));
        notes.push(
          again.length
            ? {
                pos: at(x.node),
                kind: 'error',
                message: `${named} is included already (at ${p}) and holds, itself or through its includes, ${again.join(', ')}: Threagile refuses them merged twice; not read again`,
              }
            : { pos: at(x.node), kind: 'lost', subject: 'changed', message: `${named} is included already (at ${p}); read once (merging it again changes nothing)` },
        );
        continue;
      }
      const got = await read(target);
      if ('error' in got) {
        const pos = got.found ? { file: target, line: 1, col: 1 } : at(x.node);
        notes.push({ pos, kind: 'error', message: got.found ? `${got.error}; included at ${where(at(x.node))}, nothing of it imported` : `${named}: ${got.error}; nothing of it imported` });
        continue;
      }
      const sub = readTree(target, got.text.replace(/^\uFEFF/, ''));
      notes.push(...sub.notes);
      firstRead.set(target, { by: x.node, root: map(sub.root) });
      mine.push(target);
      included.push(target);
      if (sub.root && !map(sub.root)) notes.push({ pos: sub.pos(sub.root.start), kind: 'error', message: `${named} is not a Threagile model part: its top level is not a mapping; not merged` });
      await visit(target, sub, [...chain, target]);
    }
  };
  if (!main.notes.length && !map(main.root)) notes.push({ pos: main.pos(0), kind: 'error', message: 'not a Threagile model: the top level is not a mapping' });
  await visit(file, main, [file]);
  const first = files[0];
  return { root: first ? merge.root(first) : null, files, included, at, notes };
}

/** Marks every node of a file's tree (keys too) as read from that file. */
function own(origin: WeakMap<object, SourceTree>, tree: SourceTree): void {
  const todo: (YNode | null)[] = [tree.root];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    if (!n || origin.has(n)) continue;
    origin.set(n, tree);
    if (n.kind === 'map')
      for (const p of n.pairs) {
        origin.set(p.key, tree);
        todo.push(p.value);
      }
    else if (n.kind === 'seq') todo.push(...n.items);
    else if (n.kind === 'alias') todo.push(n.target);
  }
}
