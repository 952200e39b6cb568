import type { TraceIndex } from '../core/matrix/build';
import type { CodeLink, CodeProblem } from '../core/codelinks/model';
import { skippedInEveryRun } from '../core/codelinks/skipped-tests';
import type { LinkReviewStatus } from '../core/codelinks/review-status';
import { traceIndexOf, traceItems, type ItemTrace, type StatusLink, type TraceInputs } from '../core/matrix/status';
import type { LintResult } from '../core/rules/engine';
import { matrixProblemsOf, type ProblemSource } from './input-problems';

/** The trace index and the trace statuses by kinds of one lint result: computed on first use, kept until cleared. */
export class TraceCache {
  private readonly byKinds = new Map<string, ItemTrace[]>();
  private indexed?: { inputs: TraceInputs; index: TraceIndex };

  clear(): void {
    this.byKinds.clear();
    this.indexed = undefined;
  }

  /** `problems`: the input problems now; the index (and the matrix's problem list) is rebuilt when they changed. */
  index(inputs: () => TraceInputs, problems?: readonly string[]): { inputs: TraceInputs; index: TraceIndex } {
    if (this.indexed && (problems === undefined || this.indexed.inputs.problems === problems)) return this.indexed;
    const current = inputs();
    this.indexed = { inputs: current, index: traceIndexOf(current) };
    return this.indexed;
  }

  traces(kinds: readonly string[], inputs: () => TraceInputs): ItemTrace[] {
    const key = kinds.join(',');
    const hit = this.byKinds.get(key);
    if (hit) return hit;
    const { inputs: current, index } = this.index(inputs);
    const traces = traceItems(current, kinds as never, index);
    this.byKinds.set(key, traces);
    return traces;
  }
}

/** Code links as the trace status reads them, each with its review state. */
export function statusLinks(
  links: readonly CodeLink[],
  review: (l: CodeLink) => LinkReviewStatus['state'],
  symbolsOf?: (file: string) => readonly string[],
  problemsOf?: (file: string) => readonly CodeProblem[] | undefined,
): StatusLink[] {
  return links.map((l) => ({
    id: l.id,
    relation: l.relation,
    file: l.file,
    symbol: l.symbol,
    range: l.range,
    symbolRange: l.symbolRange,
    ...(l.lines ? { lines: l.lines } : {}),
    review: review(l),
    ...(l.symbol === null && symbolsOf ? { fileSymbols: () => symbolsOf(l.file) } : {}),
    ...(problemsOf && skippedInEveryRun(l, problemsOf(l.file)) ? { skippedInEveryRun: true as const } : {}),
  }));
}

/** What `traceInputsOf` reads of a workspace state (src/server/state.ts). */
export interface TraceSource extends ProblemSource {
  readonly code: ProblemSource['code'] & { links(): CodeLink[]; symbolsOf(file: string): readonly string[] };
  readonly graph: TraceInputs['graph'];
  readonly result: LintResult;
  reviewOf(link: CodeLink): LinkReviewStatus;
  readonly evidence: { readonly gaps: ReadonlyMap<string, string> };
}

/** What the trace index of a workspace state is built from: its graph, latest lint result and code links. */
export function traceInputsOf(state: TraceSource): TraceInputs {
  const links = state.opts.codeLinks
    ? statusLinks(
        state.code.links(),
        (l) => state.reviewOf(l).state,
        (file) => state.code.symbolsOf(file),
        (file) => state.code.files.get(file)?.problems,
      )
    : [];
  const { graph, config, testResults, result } = state;
  return {
    graph,
    config,
    findings: result.findings,
    suppressed: result.suppressed,
    links,
    testResults,
    allFiles: state.allFiles(),
    unusableEvidence: state.evidence.gaps,
    problems: matrixProblemsOf(state),
  };
}
