import { effectiveSeverity } from '../core/rules/engine';
import { findRule } from '../core/rules/registry';
import { FindingsCache } from './findings-cache';
import { gitFileDates, gitHistoryProblem } from './git-dates';
import { lintWithCodeSuppressions } from './code-suppressions';
import { finishPath, loadPath, noFindings, type CheckPathOptions, type MoreInputs, type NodeCheck } from './load-path';

export type { CheckPathOptions, NodeCheck, NodeInputs } from './load-path';
export { ruleInputs } from './load-path';
export { codeIndexOptions, safetyCriticalCodeGlobs, tagSyntaxOptions, toWorkspacePath } from './workspace-options';

/** Loads and checks the workspace that holds `start`, with every input the Node host can supply (load-path.ts), and runs the rules. */
export async function checkPath(start: string, opts: CheckPathOptions = {}): Promise<NodeCheck> {
  const loaded = await loadPath(start, opts, opts.rules !== false && opts.trusted !== false ? readFileDates : undefined);
  const { cacheDir, host, inputs } = loaded;
  const outcomes = cacheDir !== undefined && loaded.loaded && opts.rules !== false ? FindingsCache.open(cacheDir, loaded.loaded, opts.trusted !== false, inputs.code?.fileKeys) : undefined;
  const result = opts.rules === false ? noFindings() : await lintWithCodeSuppressions(host, loaded.ruleInputs, { outcomes, modelFilesOnly: opts.modelFindingsOnly });
  outcomes?.save();
  return finishPath(loaded, opts, result);
}

/** Git dates for TM007 (stale model) when it runs; without a usable history it does not: at error it gates, so the run says it could not (a note otherwise). */
const readFileDates: MoreInputs = (root, workspace, inputs) => {
  const stale = findRule('TM007');
  const staleSeverity = stale && effectiveSeverity(stale, { config: workspace.config });
  if (!staleSeverity || staleSeverity === 'off') return;
  const history = gitHistoryProblem(root);
  if (history === undefined) inputs.fileDates = gitFileDates(root);
  else inputs.historyProblem = { message: history, gates: staleSeverity === 'error' };
};
