import { loadWorkspace } from '../../src/core/model/load-workspace';
import { MemoryHost } from '../../src/core/host';
import type { Graph } from '../../src/core/model/graph';

/** The merged graph of one in-memory model file. */
export async function graphOf(yaml: string): Promise<Graph> {
  const ws = await loadWorkspace(new MemoryHost(new Map([['model.spdf.yaml', yaml]])));
  return ws.graph;
}

/** A zone line with only what the analyses read. */
export const z = (id: string, cls: string, extra = '') => `  - {id: ${id}, name: ${id}, class: ${cls}${extra ? `, ${extra}` : ''}}\n`;
/** A conduit line. */
export const c = (id: string, zones: string[], extra = '') => `  - {id: ${id}, zones: [${zones.join(', ')}]${extra ? `, ${extra}` : ''}}\n`;
