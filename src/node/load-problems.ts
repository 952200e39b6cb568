import { isDeclaredProtocol } from '../core/model/config-protocols';
import type { LoadProblem } from '../core/model/graph';
import { effectiveSeverity } from '../core/rules/engine';
import { findRule } from '../core/rules/registry';
import type { Severity } from '../core/types';
import type { NodeCheck } from './workspace';

export interface ShownLoadProblem extends LoadProblem {
  severity: Severity;
}

/**
 * Every problem met reading the workspace (spdf.config.yaml and the model files: syntax, schema, unreadable
 * files), with the severity the config gives its rule; rules set to off are left out, as lint leaves them out.
 */
export function loadProblems(check: Pick<NodeCheck, 'workspace'>): ShownLoadProblem[] {
  const { config, graph } = check.workspace;
  const out: ShownLoadProblem[] = [];
  for (const p of graph.problems) {
    if (isDeclaredProtocol(p, config.protocols)) continue;
    const rule = findRule(p.code);
    const severity = rule ? effectiveSeverity(rule, { config }) : 'error';
    if (severity !== 'off') out.push({ ...p, severity });
  }
  return out;
}

/** `file:line:col: severity CODE message`, 1-based as editors show positions. */
export function formatLoadProblem(p: ShownLoadProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code} ${p.message}`;
}
