import type { CodeLinksInput } from '../codelinks/rule-input';
import { parseReviewLock, type ReviewLock } from '../codelinks/review-lock';
import type { TestResultsInput } from '../matrix/test-results';
import type { Workspace } from '../model/load-workspace';
import type { RuleInputs } from './types';

/** What a host reads besides the model: each is optional, and a rule that needs a missing one stays silent. */
export interface HostInputs {
  /** The code-link index (buildCodeIndex's result, the server's per-file indexes as `{ files }`). */
  code?: CodeLinksInput;
  /** The review lock, as read (text) or parsed. */
  lock?: string | ReviewLock;
  testResults?: TestResultsInput;
  /** Last commit time (ms) per workspace file, from git. */
  fileDates?: Map<string, number>;
  /** Files the user named explicitly (CLI paths, documents open in the editor). */
  explicitFiles?: string[];
}

/** THE assembly of rule inputs: the CLI, the language server and the tests all call it, so every rule sees the same shapes. */
export function ruleInputs(workspace: Pick<Workspace, 'graph' | 'config' | 'allFiles' | 'unusableEvidence'>, host: HostInputs = {}): RuleInputs {
  const lock = typeof host.lock === 'string' ? parseReviewLock(host.lock).lock : host.lock;
  return {
    graph: workspace.graph,
    config: workspace.config,
    allFiles: workspace.allFiles,
    ...(workspace.unusableEvidence?.size ? { unusableEvidence: workspace.unusableEvidence } : {}),
    ...(host.code ? { code: host.code } : {}),
    ...(lock ? { lock } : {}),
    ...(host.testResults ? { testResults: host.testResults } : {}),
    ...(host.fileDates ? { fileDates: host.fileDates } : {}),
    ...(host.explicitFiles ? { explicitFiles: host.explicitFiles } : {}),
  };
}
