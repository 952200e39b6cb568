// @spdf implements SPDF-BASE-002
import type { BaselineMatch } from '../core/baseline/match';
import { applyBaseline, baselineDisplay, baselinePathOf, readBaselineFile, type BaselineFileProblem } from '../node/baseline-file';
import type { NodeCheck } from '../node/workspace';

/** Flags of the commands that honour a baseline (lint, check): one definition. */
export const BASELINE_FLAGS = {
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean', default: false },
  'pass-on-unpruned-baseline': { type: 'boolean', default: false },
} as const;

export const BASELINE_FLAGS_USAGE = `--baseline FILE                 report only findings not in this baseline (default: baseline of spdf.config.yaml)
  --no-baseline                   ignore the baseline of spdf.config.yaml
  --pass-on-unpruned-baseline     do not fail on baseline entries that no longer occur (spdf baseline --prune removes them)`;

export interface BaselineFlagValues {
  baseline?: string;
  'no-baseline'?: boolean;
  'pass-on-unpruned-baseline'?: boolean;
}

/** The baseline of one run: none, a match, or problems (then every finding stays reported and the run fails). */
export interface BaselineUse {
  file: string;
  match?: BaselineMatch;
  problems: BaselineFileProblem[];
  /** Entries that no longer occur fail the run unless --pass-on-unpruned-baseline. */
  failOnUnused: boolean;
}

export async function useBaseline(check: NodeCheck, values: BaselineFlagValues, findings = check.result.findings): Promise<BaselineUse | undefined> {
  let abs: string | undefined;
  try {
    abs = baselinePathOf(check.root, check.workspace.config, values['no-baseline'] ? false : values.baseline);
  } catch (e) {
    return { file: 'spdf.config.yaml', problems: [{ file: 'spdf.config.yaml', line: 1, column: 1, message: (e as Error).message }], failOnUnused: true };
  }
  if (abs === undefined) return undefined;
  const { baseline, problems } = await readBaselineFile(check.root, abs);
  const file = baselineDisplay(check.root, abs);
  const failOnUnused = !values['pass-on-unpruned-baseline'];
  if (!baseline) return { file, problems, failOnUnused };
  return { file, match: applyBaseline({ graph: check.workspace.graph, ruleInputs: check.ruleInputs, findings }, baseline), problems, failOnUnused };
}
