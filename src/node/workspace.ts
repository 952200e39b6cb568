import { relative, resolve } from 'node:path';
import { loadWorkspace, type Workspace } from '../core/model/load-workspace';
import { lint, type LintResult } from '../core/rules/engine';
import type { RuleInputs } from '../core/rules/types';
import { findWorkspaceRoot } from './find-root';
import { FsHost, toPosix, type WalkNote } from './fs-host';

export interface NodeCheck {
  root: string;
  host: FsHost;
  workspace: Workspace;
  result: LintResult;
  notes: WalkNote[];
}

export type InputProvider = (host: FsHost, workspace: Workspace) => Promise<Partial<RuleInputs>>;

/** Extra rule inputs (code index, git dates, test results) that other modules of src/node register. */
const providers: InputProvider[] = [];
export function registerInputProvider(p: InputProvider): void {
  providers.push(p);
}

/** Loads and checks the workspace that holds `start`, with every input the Node host can supply. */
export async function checkPath(start: string, opts: { trusted?: boolean } = {}): Promise<NodeCheck> {
  const root = findWorkspaceRoot(start);
  const host = new FsHost(root);
  const workspace = await loadWorkspace(host, { trusted: opts.trusted });
  const inputs: Partial<RuleInputs> = {};
  for (const p of providers) Object.assign(inputs, await p(host, workspace));
  const result = lint({ graph: workspace.graph, config: workspace.config, allFiles: workspace.allFiles, ...inputs });
  return { root, host, workspace, result, notes: host.notes };
}

/** Workspace-relative POSIX path of a user-given path, or undefined when it lies outside the root. */
export function toWorkspacePath(root: string, p: string): string | undefined {
  const rel = toPosix(relative(root, resolve(p)));
  return rel.startsWith('..') ? undefined : rel;
}
