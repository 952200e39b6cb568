import type { ModelItem } from '../model/graph';
import { deref, nodeAt, pairOf } from '../yaml/ynode';
import type { Range } from '../types';
import type { Report, RuleContext, RuleInputs } from './types';

export function makeContext(inputs: RuleInputs, report: (r: Report) => void, sharedCache: Map<string, unknown>): RuleContext {
  const fileOf = (item: ModelItem) => inputs.graph.fileByPath.get(item.file)!.source;
  const idRange = (item: ModelItem): Range => fileOf(item).range(item.idNode.start, item.idNode.end);
  return {
    ...inputs,
    report,
    rangeOf(item, path = ['id']) {
      // The item's own ID (most findings' range): its node is the one the loader took the ID from.
      const n = path.length === 1 && path[0] === 'id' ? item.idNode : deref(nodeAt(item.node, path));
      if (n) return fileOf(item).range(n.start, n.end);
      return this.keyRangeOf(item, path);
    },
    keyRangeOf(item, path) {
      const parent = deref(nodeAt(item.node, path.slice(0, -1)));
      const last = path[path.length - 1];
      if (parent?.kind === 'map' && typeof last === 'string') {
        const p = pairOf(parent, last);
        if (p) return fileOf(item).range(p.key.start, p.key.end);
      }
      return idRange(item);
    },
    shared<T>(key: string, compute: () => T): T {
      if (!sharedCache.has(key)) sharedCache.set(key, compute());
      return sharedCache.get(key) as T;
    },
  };
}
