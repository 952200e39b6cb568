import * as vscode from 'vscode';
import type { Matrix, ViewName } from '../../core/matrix/model';
import { MATRIX_VIEW_TYPE, matrixHtml } from './html';
import { registerPanel } from './panel';

export const SHOW_MATRIX_COMMAND = 'spdf.showMatrix';

/**
 * Registers the traceability matrix webview and the `spdf.showMatrix` command. `getData` fetches the
 * matrix (the `spdf/traceMatrix` request of src/protocol.ts). The command takes an optional item ID
 * ("Show in matrix" from the requirements panel) and view.
 */
export function registerMatrixPanel(context: vscode.ExtensionContext, getData: () => Promise<Matrix>): { refresh(): void } {
  const root = () => vscode.workspace.workspaceFolders?.[0]?.uri;
  const panel = registerPanel<Matrix>(context, {
    viewType: MATRIX_VIEW_TYPE,
    title: 'SPDF Traceability Matrix',
    command: SHOW_MATRIX_COMMAND,
    html: matrixHtml,
    getData,
    message: (matrix) => ({ type: 'data', matrix }),
    root,
  });
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, (id?: unknown, view?: unknown) => {
      const text = typeof id === 'string' ? id : undefined;
      panel.show(text ? { type: 'show', text, ...(typeof view === 'string' ? { view: view as ViewName } : {}) } : undefined);
    }),
  );
  return panel;
}
