// @spdf implements SPDF-LSP-MULTIROOT
/**
 * The workspace roots the language server serves (`spdf/roots`) and which one a command is about: the one named (a
 * tree node's), else the active editor's (the last file editor while a webview has the focus), else the only one,
 * else the user picks (undefined: cancelled).
 */
import * as vscode from 'vscode';
import type { RootInfo } from '../protocol';
import { rootOfPath } from './status-view';
import { shownRoots } from './tree';

export class Roots implements vscode.Disposable {
  private cached: Promise<RootInfo[]> | undefined;
  private lastFile: vscode.Uri | undefined;
  private readonly following: vscode.Disposable;

  constructor(private readonly fetch: () => Promise<RootInfo[]> | undefined) {
    const follow = (e: vscode.TextEditor | undefined) => {
      if (e?.document.uri.scheme === 'file') this.lastFile = e.document.uri;
    };
    follow(vscode.window.activeTextEditor);
    this.following = vscode.window.onDidChangeActiveTextEditor(follow);
  }

  dispose(): void {
    this.following.dispose();
  }

  /** The active file editor's document; while a webview has the focus, the last one if it is still open in a tab. */
  activeFile(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.uri.scheme === 'file') return doc.uri;
    const last = this.lastFile?.toString();
    const open = last !== undefined && vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === last));
    return open ? this.lastFile : undefined;
  }

  /** The roots the panels show (asked once per status change). */
  list(): Promise<RootInfo[]> {
    if (this.cached) return this.cached;
    const p = this.fetch();
    if (!p) return Promise.resolve([]);
    this.cached = p.then(shownRoots, () => ((this.cached = undefined), []));
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** The root of the active editor's document, if it is in one. */
  async ofActiveEditor(): Promise<RootInfo | undefined> {
    const file = this.activeFile();
    if (!file) return undefined;
    const roots = await this.list();
    const r = rootOfPath(
      roots.map((x) => x.root),
      file.fsPath,
    );
    return roots.find((x) => x.root === r);
  }

  /** `{ root }` to ask for (root undefined: the workspace has one root, or none is indexed yet); undefined when the user cancelled. */
  async choose(purpose: string, named?: string): Promise<{ root: RootInfo | undefined } | undefined> {
    const roots = await this.list();
    if (roots.length <= 1) return { root: roots[0] };
    const root = roots.find((r) => r.root === named) ?? (await this.ofActiveEditor());
    if (root) return { root };
    const pick = await vscode.window.showQuickPick(
      roots.map((r) => ({ label: r.name, description: r.root, detail: r.config ? undefined : 'no spdf.config.yaml: the defaults apply', r })),
      { title: purpose, placeHolder: 'Which workspace folder?', matchOnDescription: true },
    );
    return pick && { root: pick.r };
  }
}
