import type { Graph, LoadProblem } from '../model/graph';

/**
 * Loader problems that mean part of the model was not read or understood: a syntax error, an unreadable
 * file, a schema error (which can drop a section, an item or a value), a file named like a model file or the
 * config that is not read (TM013), a
 * sub-project's config this run does not apply (TM014: its ID patterns or rule settings may differ). Fixes computed over such a partial graph act on what they could not see (a
 * stub for an ID whose file failed to load, a new ID that clashes with one in the unread file), so none is applied.
 */
const BLOCKING_CODES = new Set(['TM000', 'TM008', 'TM009', 'TM013', 'TM014']);

type Problem = Pick<LoadProblem, 'file' | 'range' | 'message'> & { code?: string };

/** The blocking problems among the model's load problems and a host's input problems (the editor lists TM013 and TM014 there). */
export function fixBlockers(graph: Graph, inputs: readonly Problem[] = []): Problem[] {
  return [...graph.problems, ...inputs].filter((p) => p.code !== undefined && BLOCKING_CODES.has(p.code));
}
