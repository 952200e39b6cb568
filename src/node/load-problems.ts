import { isDeclaredProtocol } from '../core/model/config-protocols';
import type { LoadProblem } from '../core/model/graph';
import { loadProblemRule } from '../core/rules/load-problem-rules';
import { effectiveSeverity } from '../core/rules/rule-severity';
import type { Severity } from '../core/types';
import type { Workspace } from '../core/model/load-workspace';

export interface ShownLoadProblem extends LoadProblem {
  severity: Severity;
}

/**
 * Every problem met reading the workspace (spdf.config.yaml and the model files: syntax, schema, unreadable
 * files), with the severity the config gives its rule; rules set to off are left out, as lint leaves them out.
 */
export function loadProblems(check: { workspace: Workspace }): ShownLoadProblem[] {
  const { config, graph } = check.workspace;
  const out: ShownLoadProblem[] = [];
  for (const p of graph.problems) {
    if (isDeclaredProtocol(p, config.protocols)) continue;
    const rule = loadProblemRule(p.code);
    const severity = rule ? effectiveSeverity(rule, { config }) : 'error';
    if (severity !== 'off') out.push({ ...p, severity });
  }
  return out;
}

/** `file:line:col: severity CODE message`, 1-based as editors show positions. */
export function formatLoadProblem(p: ShownLoadProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code} ${p.message}`;
}
