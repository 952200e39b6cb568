/**
 * The matrix: the registry of views and `buildMatrix`, which projects them from one `TraceIndex`.
 * Registering a view: its name and title in `model.ts` (`VIEWS`, `VIEW_TITLES`), its module
 * (`<name>-view.ts`, a function from the `ViewContext` to a `MatrixView`) and one line in `VIEW_BUILDERS`.
 * A view module imports from `trace-index.ts` and `view-context.ts`, never from this file (that would be an
 * import circle).
 */
import { problemLine } from '../problem-line';
import { controlsView } from './controls-view';
import { coverageOf } from './decide';
import { fdaView } from './fda-view';
import { hazardsView } from './hazards-view';
import { iec62443View } from './iec62443-view';
import { MATRIX_FORMAT_VERSION, VIEWS, type Matrix, type MatrixView, type ViewName } from './model';
import { requirementsView } from './requirements-view';
import { sbomView } from './sbom-view';
import { threatsView } from './threats-view';
import { TraceIndex, type MatrixInputs } from './trace-index';
import { ViewContext } from './view-context';
import { zonesView } from './zones-view';

export { TraceIndex, type MatrixInputs } from './trace-index';

/** Every view by name; the type makes a name of `VIEWS` without a builder a compile error. */
export const VIEW_BUILDERS: { readonly [V in ViewName]: (v: ViewContext) => MatrixView } = {
  requirements: requirementsView,
  threats: threatsView,
  hazards: hazardsView,
  controls: controlsView,
  zones: zonesView,
  iec62443: (v) => iec62443View(v.ix),
  fda: fdaView,
  sbom: sbomView,
};

/** Builds the requested views (all by default) and the headline coverage. */
export function buildMatrix(inputs: MatrixInputs, views: readonly ViewName[] = VIEWS): Matrix {
  return buildMatrixFrom(new TraceIndex(inputs), views);
}

export function buildMatrixFrom(ix: TraceIndex, views: readonly ViewName[] = VIEWS): Matrix {
  const context = new ViewContext(ix);
  const out: Matrix['views'] = {};
  for (const v of views) out[v] = VIEW_BUILDERS[v](context);
  return {
    version: MATRIX_FORMAT_VERSION,
    ...(ix.inputs.commit ? { commit: ix.inputs.commit } : {}),
    coverage: requirementCoverage(ix),
    views: out,
    problems: [...matrixProblems(ix), ...crashedRules(ix)],
    severityNames: ix.config.severityNames,
  };
}

/** A rule that crashed reported nothing: the findings that would make items ERROR may be missing from the matrix. */
function crashedRules(ix: TraceIndex): string[] {
  return (ix.inputs.lint?.internalErrors ?? []).map(crashedRuleProblem);
}

/** How a crashed rule is listed among the inputs not understood (first line of its message only: no stack). */
export function crashedRuleProblem(e: { code: string; message: string }): string {
  return `internal error in rule ${e.code}: ${e.message.split('\n')[0]} (its findings are missing)`;
}

/** Load problems of the model and problems of the other inputs (lock, code index, JUnit files), each once. */
export function matrixProblems(ix: TraceIndex): string[] {
  return [...new Set([...ix.graph.problems.map(problemLine), ...(ix.inputs.problems ?? []), ...(ix.inputs.testResults?.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)])];
}

/** A model or config load problem as a matrix problem line: the matrix of a model that did not load must not look complete. */
export { problemLine };

/** Headline coverage: (OK + JUSTIFIED) / requirements in scope (first definition of each ID, not obsolete). */
export function requirementCoverage(ix: TraceIndex) {
  return coverageOf(ix.graph.byKind.requirement.filter((r) => ix.inScope(r.id) && ix.item(r.id) === r).map((r) => ix.statusOf(r).status));
}
