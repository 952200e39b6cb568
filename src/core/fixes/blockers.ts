import type { Graph, LoadProblem } from '../model/graph';

/**
 * Loader problems that mean part of the model was not read or understood: a syntax error, an unreadable
 * file, a schema error (which can drop a section, an item or a value). Fixes computed over such a partial
 * graph act on what they could not see (a stub for an ID whose file failed to load), so none is applied.
 */
const BLOCKING_CODES = new Set(['TM000', 'TM008', 'TM009']);

export function fixBlockers(graph: Graph): LoadProblem[] {
  return graph.problems.filter((p) => BLOCKING_CODES.has(p.code));
}
