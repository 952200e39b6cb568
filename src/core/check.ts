import type { Host } from './host';
import type { SbomSchemaValidator } from './sbom/types';
import { loadWorkspace, type Workspace } from './model/load-workspace';
import { lint, type LintOptions, type LintResult } from './rules/engine';
import { ruleInputs, type HostInputs } from './rules/inputs';

export interface CheckOptions extends LintOptions {
  trusted?: boolean;
  /** See LoadOptions.sbomValidator. */
  sbomValidator?: SbomSchemaValidator;
  /** Extra rule inputs supplied by the host (code index, git dates, test results, lock). */
  inputs?: HostInputs;
}

/** Loads the workspace through the host and runs every enabled rule. */
export async function checkWorkspace(host: Host, opts: CheckOptions = {}): Promise<{ workspace: Workspace; result: LintResult }> {
  const workspace = await loadWorkspace(host, { trusted: opts.trusted, sbomValidator: opts.sbomValidator });
  const result = lint(ruleInputs(workspace, opts.inputs), opts);
  return { workspace, result };
}
