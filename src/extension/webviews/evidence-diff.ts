import * as vscode from 'vscode';
import type { EvidenceDiffResult } from '../../protocol';
import { DIFF_VIEW_TYPE, diffHtml } from './html';
import { diffMessage } from './messages';
import type { Roots } from '../roots';
import { registerPanel, ShownRoot } from './panel';

export const COMPARE_COMMAND = 'spdf.compareWithBranch';

/** What the page shows: the diff (or why there is none) of `base` against the working tree. */
export interface DiffPageData extends EvidenceDiffResult {
  base: string;
  /** Warnings the page shows above the report (unsaved editors are not part of the working tree on disk). */
  notes: string[];
}

/**
 * "SPDF: Compare evidence with branch...": the workspace folder (as the matrix chooses it), a quick pick of its
 * repository's branches, then `spdf diff BRANCH` (run by the server against that folder's working tree on disk) in
 * a webview titled with the folder's name when there are several. A failure (not a git repository, unknown branch, a
 * model that does not load, an untrusted workspace) is shown as such, never as an empty diff.
 */
export function registerEvidenceDiffPanel(
  context: vscode.ExtensionContext,
  branches: (root: string | undefined) => Promise<{ branches: string[]; error?: string }>,
  diff: (base: string, root: string | undefined) => Promise<EvidenceDiffResult>,
  roots: Roots,
): { shown: () => string | undefined; data: () => DiffPageData | undefined } {
  let current: DiffPageData | undefined;
  const shown = new ShownRoot('SPDF Evidence Diff');
  const panel = registerPanel<DiffPageData | undefined>(context, {
    viewType: DIFF_VIEW_TYPE,
    title: 'SPDF Evidence Diff',
    command: COMPARE_COMMAND,
    html: diffHtml,
    getData: () => Promise.resolve(current),
    message: diffMessage,
    root: () => shown.uri(),
  });
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_COMMAND, async (base?: string, rootPath?: unknown) => {
      const chosen = await roots.choose('Compare the evidence of', typeof rootPath === 'string' ? rootPath : undefined);
      if (!chosen) return;
      const root = chosen.root?.root;
      if (typeof base !== 'string' || !base) {
        const list = await branches(root);
        if (list.error) return void vscode.window.showErrorMessage(`SPDF: ${list.error}`);
        base = await vscode.window.showQuickPick(list.branches, { placeHolder: 'Compare the evidence of the working tree with the branch...' });
        if (!base) return;
      }
      const notes = vscode.workspace.textDocuments.some((d) => d.isDirty) ? ['Unsaved editors are not included: the working tree is read from disk. Save, then compare again.'] : [];
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `SPDF: comparing evidence with ${base}...` }, () => diff(base, root));
      current = { ...result, base, notes };
      shown.set(chosen.root, (await roots.list()).length > 1);
      if (result.error) void vscode.window.showErrorMessage(`SPDF: no evidence diff against ${base}: ${result.error}`);
      if (panel.current()) panel.refresh();
      panel.show();
      shown.retitle(panel.current());
    }),
  );
  return { shown: () => shown.root?.root, data: () => current };
}
