import type { LintResult } from '../rules/engine';
import type { RuleInputs } from '../rules/types';
import { buildMatrixFrom } from './build';
import { matrixLinksFromCode } from './links';
import { VIEWS, type Matrix, type ViewName } from './model';
import { TraceIndex } from './trace-index';

export interface TraceMatrixOptions {
  views?: readonly ViewName[];
  commit?: string;
  /** Problems with inputs other than the model (lock, code index, JUnit files), as messages. */
  problems?: string[];
}

/** The trace index of a lint run, from the same assembled inputs the rules saw (src/core/rules/inputs.ts). */
export function traceIndexFromInputs(inputs: RuleInputs, lint: LintResult, opts: Omit<TraceMatrixOptions, 'views'> = {}): TraceIndex {
  return new TraceIndex({
    graph: inputs.graph,
    config: inputs.config,
    lint,
    code: inputs.code ? matrixLinksFromCode(inputs.code, inputs.lock, inputs.graph) : undefined,
    testResults: inputs.testResults,
    allFiles: inputs.allFiles,
    unusableEvidence: inputs.unusableEvidence,
    commit: opts.commit,
    problems: opts.problems,
  });
}

export function traceMatrix(inputs: RuleInputs, lint: LintResult, opts: TraceMatrixOptions = {}): Matrix {
  return buildMatrixFrom(traceIndexFromInputs(inputs, lint, opts), opts.views ?? VIEWS);
}
