import type { Graph, ModelItem } from '../model/graph';
import type { Finding, SuppressedFinding } from '../types';
import { countBelow } from '../sorted';

interface Span {
  start: number;
  end: number;
  item: ModelItem;
}

/** The lint result by item: each finding and suppressed finding belongs to the item whose source span holds its line. */
export class ItemFindings {
  private readonly spans = new Map<string, Span[]>();
  private readonly findingsOf = new Map<ModelItem, Finding[]>();
  private readonly suppressedOf = new Map<ModelItem, SuppressedFinding[]>();

  constructor(graph: Graph, lint: { findings: readonly Finding[]; suppressed: readonly SuppressedFinding[] }) {
    for (const item of graph.items) {
      const src = graph.fileByPath.get(item.file)?.source;
      if (!src) continue;
      const span = { start: src.positionAt(item.node.start).line, end: src.positionAt(item.node.end).line, item };
      (this.spans.get(item.file) ?? this.spans.set(item.file, []).get(item.file)!).push(span);
    }
    for (const list of this.spans.values()) list.sort((a, b) => a.start - b.start);
    const put = <T>(m: Map<ModelItem, T[]>, f: T & Finding) => {
      const item = this.itemAt(f.file, f.range.start.line);
      if (!item) return;
      (m.get(item) ?? m.set(item, []).get(item)!).push(f);
    };
    for (const f of lint.findings) put(this.findingsOf, f);
    for (const f of lint.suppressed) put(this.suppressedOf, f);
  }

  /** The item whose source span holds a 0-based line of a model file. */
  itemAt(file: string, line: number): ModelItem | undefined {
    const list = this.spans.get(file);
    if (!list) return undefined;
    const found = list[countBelow(list.length, (i) => list[i].start <= line) - 1];
    return found && found.end >= line ? found.item : undefined;
  }

  findingsOn(item: ModelItem): Finding[] {
    return this.findingsOf.get(item) ?? [];
  }
  suppressedOn(item: ModelItem): SuppressedFinding[] {
    return this.suppressedOf.get(item) ?? [];
  }
}
