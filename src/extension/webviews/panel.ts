import * as vscode from 'vscode';
import type { RootInfo } from '../../protocol';
import { makeNonce } from './html';

/**
 * Which workspace root a panel shows (undefined: the only one, or the server's first), and the title that names it.
 * The choice is kept in the workspace's memento, so a panel VS Code revives after a reload shows the same folder.
 */
export class ShownRoot {
  root: RootInfo | undefined;
  private named = false;

  constructor(
    private readonly title: string,
    private readonly memory?: { memento: vscode.Memento; key: string },
  ) {}

  /** Sets the root; true when it changed. `named`: put the folder's name into the title (several roots). */
  set(root: RootInfo | undefined, named: boolean): boolean {
    const changed = root?.root !== this.root?.root;
    this.root = root;
    this.named = named;
    void this.memory?.memento.update(this.memory.key, root?.root);
    return changed;
  }

  /** After a reload: the remembered folder again, if the server still serves it (else the default). */
  restore(roots: RootInfo[]): void {
    const saved = this.memory?.memento.get<unknown>(this.memory.key);
    this.root = roots.find((r) => r.root === saved);
    this.named = roots.length > 1;
  }

  /** What a reload loses: the folder held in memory (the memento keeps it). */
  forget(): void {
    this.root = undefined;
    this.named = false;
  }

  retitle(panel: vscode.WebviewPanel | undefined): void {
    if (panel) panel.title = this.named && this.root ? `${this.title} — ${this.root.name}` : this.title;
  }

  /** Folder that click targets and save dialogs are relative to: the root shown, else the first workspace folder. */
  uri(): vscode.Uri | undefined {
    return this.root ? vscode.Uri.file(this.root.root) : vscode.workspace.workspaceFolders?.[0]?.uri;
  }
}

/** Where a click in a webview leads (see src/core/matrix/model.ts Target); lines are 1-based. */
export interface OpenTarget {
  type: 'item' | 'code';
  id?: string;
  file: string;
  line: number;
  symbol?: string;
}

/** Opens a workspace-relative file at a 1-based line. Rejects paths that leave the workspace. */
export async function openTarget(root: vscode.Uri | undefined, t: OpenTarget): Promise<void> {
  if (!root || typeof t?.file !== 'string' || t.file.startsWith('/') || t.file.split(/[\\/]/).includes('..')) return;
  const uri = vscode.Uri.joinPath(root, ...t.file.split('/'));
  const line = Math.max(0, (Number(t.line) || 1) - 1);
  const doc = await vscode.workspace.openTextDocument(uri);
  const pos = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
}

export interface PanelSpec<T> {
  viewType: string;
  title: string;
  command: string;
  /** HTML shell for a webview (see html.ts). */
  html(cspSource: string, nonce: string, asUri: (mediaPath: string) => string): string;
  /** Fetches the data the page shows (from the language server). */
  getData(): Promise<T>;
  /** Message that carries the data to the page. */
  message(data: T): unknown;
  /** Extra page messages (e.g. saveSvg), with the panel that sent them. */
  onMessage?(msg: { type?: unknown; [k: string]: unknown }, panel: vscode.WebviewPanel): void | Promise<void>;
  root(): vscode.Uri | undefined;
  /** Before a revived panel asks for its data: restore what it showed (its folder). */
  revived?(panel: vscode.WebviewPanel): Promise<void>;
}

export interface Panel {
  show(post?: unknown): void;
  refresh(): void;
  /** The open panel, if any. */
  current(): vscode.WebviewPanel | undefined;
  /**
   * Disposes the open panel and revives a new one through the serializer with `state`, as a window reload
   * does (extension-host tests; VS Code itself calls the serializer after a reload).
   */
  revive(state: unknown): vscode.WebviewPanel;
}

/**
 * A singleton webview panel: scripts only from media/ (localResourceRoots), CSP with a fresh nonce per load,
 * restored after a reload by a serializer (the page restores its own filters and scroll via setState). A page
 * that says `{ type: 'ready', hasState: false }` in a panel revived with a state gets `{ type: 'restore', state }`
 * before its data (VS Code normally hands the state to the page itself).
 */
export function registerPanel<T>(context: vscode.ExtensionContext, spec: PanelSpec<T>): Panel {
  let panel: vscode.WebviewPanel | undefined;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const setup = (p: vscode.WebviewPanel, restore?: unknown) => {
    panel = p;
    p.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const asUri = (mp: string) => p.webview.asWebviewUri(vscode.Uri.joinPath(media, ...mp.split('/'))).toString();
    p.webview.html = spec.html(p.webview.cspSource, makeNonce(), asUri);
    const post = async () => {
      try {
        await p.webview.postMessage(spec.message(await spec.getData()));
      } catch (e) {
        void vscode.window.showErrorMessage(`SPDF: ${spec.title}: ${(e as Error).message}`);
      }
    };
    p.webview.onDidReceiveMessage(
      async (msg: { type?: unknown; target?: OpenTarget; [k: string]: unknown }) => {
        if (!msg || typeof msg !== 'object') return;
        if (msg.type === 'ready') {
          if (msg.hasState === false && restore && typeof restore === 'object') await p.webview.postMessage({ type: 'restore', state: restore });
          await post();
        } else if (msg.type === 'open' && msg.target) await openTarget(spec.root(), msg.target);
        else await spec.onMessage?.(msg, p);
      },
      undefined,
      context.subscriptions,
    );
    p.onDidDispose(
      () => {
        if (panel === p) panel = undefined;
      },
      undefined,
      context.subscriptions,
    );
  };
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(p: vscode.WebviewPanel, state: unknown) {
      await spec.revived?.(p).catch(() => undefined);
      setup(p, state);
    },
  };
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(spec.viewType, serializer));
  const create = () => vscode.window.createWebviewPanel(spec.viewType, spec.title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
  const show = (postAfter?: unknown) => {
    if (panel) panel.reveal();
    else setup(create());
    if (postAfter !== undefined) void panel!.webview.postMessage(postAfter);
  };
  return {
    show,
    refresh() {
      if (panel)
        void spec.getData().then(
          (d) => panel?.webview.postMessage(spec.message(d)),
          (e: Error) => void vscode.window.showErrorMessage(`SPDF: ${spec.title}: ${e.message}`),
        );
    },
    current: () => panel,
    revive(state: unknown) {
      panel?.dispose();
      const p = create();
      void serializer.deserializeWebviewPanel(p, state);
      return p;
    },
  };
}
