// @spdf implements SPDF-BASE-001
/**
 * The fingerprint of a finding that survives line moves: rule code, file, the model item or code symbol it
 * lies in, the key path inside that item, and the message with its volatile parts (positions, "did you mean"
 * guesses) removed. Never a line or column.
 */
import type { CodeFileIndex } from '../codelinks/model';
import type { Graph, ModelItem } from '../model/graph';
import type { Finding, Position, Range } from '../types';
import { deref, type YNode } from '../yaml/ynode';
import { countBelow } from '../sorted';

export interface Fingerprint {
  code: string;
  file: string;
  /** ID of the model item holding the finding. */
  item?: string;
  /** Qualified name of the code symbol holding the finding (`<file>` for a tag on the whole file). */
  symbol?: string;
  /** Key path inside the item (or the file, outside items), sequence positions left out: `channels.protocol`. */
  field?: string;
  message: string;
}

/** What fingerprints are computed from: the model graph and, when indexed, the code. */
export interface FingerprintSource {
  graph: Graph;
  code?: { files: readonly CodeFileIndex[] };
}

/** Text a message keeps in its fingerprint: positions and "did you mean" guesses change when unrelated lines or items do. */
export function normaliseMessage(message: string): string {
  return message
    .replace(/\s*\(did you mean [^)]*\)/g, '')
    .replace(/;\s*did you mean [^?]*\?/g, '')
    .replace(/\b\d+:\d+\b/g, '#:#')
    .replace(/\bline \d+\b/g, 'line #')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fingerprints of many findings over one source, sharing the per-file lookups. */
export class Fingerprinter {
  private readonly itemsByFile = new Map<string, ModelItem[]>();
  private readonly codeByFile = new Map<string, CodeFileIndex>();

  constructor(private readonly src: FingerprintSource) {
    for (const item of src.graph.items) (this.itemsByFile.get(item.file) ?? this.itemsByFile.set(item.file, []).get(item.file)!).push(item);
    for (const list of this.itemsByFile.values()) list.sort((a, b) => a.node.start - b.node.start);
    for (const f of src.code?.files ?? []) this.codeByFile.set(f.file, f);
  }

  of(f: Finding): Fingerprint {
    const base = { code: f.code, file: f.file, message: normaliseMessage(f.message) };
    const model = this.src.graph.fileByPath.get(f.file);
    if (model) {
      const offset = model.source.offsetAt(f.range.start);
      const item = itemAt(this.itemsByFile.get(f.file) ?? [], offset);
      const root = item ? item.node : model.roots.find((r) => r && r.start <= offset && offset <= r.end);
      const field = root ? keyPath(root, offset) : '';
      return { ...base, ...(item ? { item: item.id } : {}), ...(field ? { field } : {}) };
    }
    const code = this.codeByFile.get(f.file);
    const symbol = code ? symbolAt(code, f.range.start) : undefined;
    return { ...base, ...(symbol !== undefined ? { symbol } : {}) };
  }
}

/** The item whose mapping holds an offset (items of one file sorted by start; they do not nest). */
function itemAt(items: readonly ModelItem[], offset: number): ModelItem | undefined {
  const found = items[countBelow(items.length, (i) => items[i].node.start <= offset) - 1];
  return found && offset < Math.max(found.node.end, found.node.start + 1) ? found : undefined;
}

/** Keys from `node` down to the deepest node holding `offset`; sequence positions are left out so reordering keeps the path. */
function keyPath(node: YNode, offset: number): string {
  const keys: string[] = [];
  let n = deref(node);
  for (let depth = 0; n && depth < 64; depth++) {
    let next: YNode | null = null;
    if (n.kind === 'map') {
      const pair = n.pairs.find((p) => (p.key.start <= offset && offset <= p.key.end) || (p.value && p.value.start <= offset && offset < Math.max(p.value.end, p.value.start + 1)));
      if (!pair) break;
      keys.push(String(pair.key.value));
      next = pair.key.start <= offset && offset <= pair.key.end ? null : pair.value;
    } else if (n.kind === 'seq') next = n.items.find((i) => i && i.start <= offset && offset < Math.max(i.end, i.start + 1)) ?? null;
    n = next && next.kind !== 'alias' ? next : null;
  }
  return keys.join('.');
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (p: Position, r: Range) => before(r.start, p) && before(p, r.end);

/** The symbol a finding in source code belongs to: the symbol of the tag it stands on, else the innermost symbol (or its doc comment) around it. */
function symbolAt(code: CodeFileIndex, p: Position): string | undefined {
  const tag = [...code.tags, ...code.orphanTags].find((t) => within(p, t.tagRange) || within(p, t.idRange));
  if (tag && tag.symbol !== undefined) return tag.symbol ?? '<file>';
  let best: { name: string; size: number } | undefined;
  for (const s of code.symbols)
    if (within(p, s.range) || s.docRanges.some((r) => within(p, r))) {
      const size = (s.range.end.line - s.range.start.line) * 1e6 + (s.range.end.character - s.range.start.character);
      if (!best || size < best.size) best = { name: s.qualifiedName, size };
    }
  return best?.name;
}
