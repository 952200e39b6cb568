import * as vscode from 'vscode';
import { makeNonce } from './html';

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
  /** Extra page messages (e.g. saveSvg). */
  onMessage?(msg: { type?: unknown; [k: string]: unknown }): void | Promise<void>;
  root(): vscode.Uri | undefined;
}

/**
 * A singleton webview panel: scripts only from media/ (localResourceRoots), CSP with a fresh nonce per load,
 * restored after a reload by a serializer (the page restores its own filters and scroll via setState).
 */
export function registerPanel<T>(context: vscode.ExtensionContext, spec: PanelSpec<T>): { show(post?: unknown): void; refresh(): void } {
  let panel: vscode.WebviewPanel | undefined;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const setup = (p: vscode.WebviewPanel) => {
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
    p.webview.onDidReceiveMessage(async (msg: { type?: unknown; target?: OpenTarget; [k: string]: unknown }) => {
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'ready') await post();
      else if (msg.type === 'open' && msg.target) await openTarget(spec.root(), msg.target);
      else await spec.onMessage?.(msg);
    }, undefined, context.subscriptions);
    p.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(spec.viewType, {
      async deserializeWebviewPanel(p: vscode.WebviewPanel) {
        setup(p);
      },
    }),
  );
  const show = (postAfter?: unknown) => {
    if (panel) panel.reveal();
    else setup(vscode.window.createWebviewPanel(spec.viewType, spec.title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] }));
    if (postAfter !== undefined) void panel!.webview.postMessage(postAfter);
  };
  return {
    show,
    refresh() {
      if (panel) void spec.getData().then((d) => panel?.webview.postMessage(spec.message(d)));
    },
  };
}
