// @spdf implements SPDF-LSP-VIEWS
/**
 * The input problems the editor's views show (requirements tree, zone diagram): exactly the `problems` of the matrix
 * (`spdf trace`), each with the place the editor shows its diagnostic when there is one.
 */
import { buildMatrixFrom, problemLine } from '../core/matrix/build';
import type { Range } from '../core/types';
import type { InputNotice } from '../protocol';
import { lspRange, type Paths } from './convert';
import { inputProblemsOf, matrixProblemsOf, unreadCodeOfState } from './input-problems';
import type { WorkspaceState } from './state';

/** The matrix's problem lines (load problems, other inputs, rules that crashed), without building a view. */
export function viewProblemLines(state: WorkspaceState): string[] {
  return buildMatrixFrom(state.traceIndex().index, []).problems;
}

export function viewProblems(state: WorkspaceState, paths: Paths): InputNotice[] {
  const places = new Map<string, { file: string; range: Range }>();
  for (const p of state.graph.problems) places.set(problemLine(p), p);
  const lines = matrixProblemsOf(state);
  inputProblemsOf(state).forEach((p, i) => places.set(lines[i], p));
  const code = unreadCodeOfState(state);
  code.rows.forEach((r, i) => places.set(code.lines[i], r));
  return viewProblemLines(state).map((message) => {
    const at = places.get(message);
    return at ? { message, location: { uri: paths.toUri(at.file), range: lspRange(at.range) } } : { message };
  });
}
