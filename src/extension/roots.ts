// @spdf implements SPDF-LSP-MULTIROOT
/**
 * The workspace roots the language server serves (`spdf/roots`) and which one a command is about: the one named (a
 * tree node's), else the active editor's, else the only one, else the user picks (undefined: cancelled).
 */
import * as vscode from 'vscode';
import type { RootInfo } from '../protocol';
import { rootOfPath } from './status-view';
import { shownRoots } from './tree';

export class Roots {
  private cached: Promise<RootInfo[]> | undefined;

  constructor(private readonly fetch: () => Promise<RootInfo[]> | undefined) {}

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
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.uri.scheme !== 'file') return undefined;
    const roots = await this.list();
    const r = rootOfPath(
      roots.map((x) => x.root),
      doc.uri.fsPath,
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
