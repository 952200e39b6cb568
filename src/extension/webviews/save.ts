import * as vscode from 'vscode';
import { makeNonce } from './html';
import { tempSibling, writeAtomic } from './atomic-write';

/** Every file a webview exports is written here: atomically (temporary sibling, then rename), errors shown. */
export async function saveAtomic(target: vscode.Uri, data: Uint8Array): Promise<boolean> {
  const temp = target.with({ path: tempSibling(target.path, makeNonce().slice(0, 8)) });
  try {
    await writeAtomic(vscode.workspace.fs, target, temp, data);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(`SPDF: could not write ${target.fsPath || target.toString()}: ${(e as Error).message}`);
    return false;
  }
}
