import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph, Suppression } from '../core/model/graph';
import { modelFileMatcher } from '../core/model/load-workspace';
import { lint, type LintResult } from '../core/rules/engine';
import { ruleInputs } from '../core/rules/inputs';
import { RULES } from '../core/rules/registry';
import type { Rule, RuleInputs } from '../core/rules/types';
import type { Finding } from '../core/types';
import type { RuleReuse } from './rule-reuse';

/** Rules that read the code index are re-run on a code edit; the others only when the model changes. */
export const CODE_RULES: Rule[] = RULES.filter((r) => r.meta.needs?.includes('code'));
export const MODEL_RULES: Rule[] = RULES.filter((r) => !r.meta.needs?.includes('code'));

/** The code rules (and TM010 over code suppressions); `reuse` keeps the findings of those whose reads an edit left unchanged. */
export function lintCode(inputs: RuleInputs, suppressions: Suppression[], reuse: RuleReuse): LintResult {
  if (!CODE_RULES.length) return EMPTY_LINT_RESULT;
  const outcomes = reuse.store(inputs.graph, [inputs.config, inputs.allFiles, inputs.lock, inputs.testResults, inputs.fileDates, inputs.code?.files.length, ...(inputs.code?.files ?? [])]);
  return lint(inputs, { rules: [...CODE_RULES, ...RULES.filter((r) => r.meta.code === 'TM010')], suppressions, outcomes });
}

export const EMPTY_LINT_RESULT: LintResult = { findings: [], suppressed: [], internalErrors: [] };

/**
 * Model-rule findings plus code-rule findings; the code run's TM010 repeats the model run's on model files. The
 * code rules' suppressed findings in model files stay (a justified RQ002 on a requirement makes it JUSTIFIED).
 */
export function mergeLintRuns(a: LintResult, b: LintResult, isCodeFile: (file: string) => boolean): LintResult {
  const extra = b.findings.filter((f) => f.code !== 'TM010' || isCodeFile(f.file));
  const suppressed = b.suppressed.filter((f) => f.code !== 'TM010' || isCodeFile(f.file));
  return { findings: extra.length ? [...a.findings, ...extra] : a.findings, suppressed: [...a.suppressed, ...suppressed], internalErrors: [...a.internalErrors, ...b.internalErrors] };
}

export function findingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    let l = byFile.get(f.file);
    if (!l) byFile.set(f.file, (l = []));
    l.push(f);
  }
  return byFile;
}

/**
 * TM012 for open model-looking documents the config leaves out of the model: a warning in the editor (opening a
 * file is not asking for a gate, unlike naming it to `spdf lint`), never silence.
 */
export function openOutsideModel(graph: Graph, config: ResolvedConfig, allFiles: string[], openPaths: Iterable<string>): Finding[] {
  const rule = RULES.find((r) => r.meta.code === 'TM012');
  const inInclude = modelFileMatcher({ ...config, exclude: [] });
  const open = [...openPaths].filter((p) => /\.spdf\.ya?ml$/i.test(p) || inInclude(p));
  if (!rule || open.length === 0) return [];
  const found = lint(ruleInputs({ graph, config, allFiles }, { explicitFiles: open }), { rules: [rule] }).findings;
  return found.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' } : f));
}
