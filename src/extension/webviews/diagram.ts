import * as vscode from 'vscode';
import type { ZoneDiagramResult } from '../../protocol';
import { DIAGRAM_VIEW_TYPE, diagramHtml } from './html';
import { answered, diagramMessage, svgFileBytes } from './messages';
import type { Roots } from '../roots';
import { registerPanel, ShownRoot } from './panel';
import { saveAtomic } from './save';

export const SHOW_DIAGRAM_COMMAND = 'spdf.showZoneDiagram';

/**
 * Registers the zone diagram webview and the `spdf.showZoneDiagram` command. `getData` fetches the laid-out
 * diagram (the `spdf/zoneDiagram` request of src/protocol.ts). "Export SVG" asks where to save.
 */
export function registerZoneDiagramPanel(
  context: vscode.ExtensionContext,
  fetch: (root: string | undefined) => Promise<ZoneDiagramResult>,
  roots: Roots,
): { refresh(): void; shown(): string | undefined } {
  const shown = new ShownRoot('SPDF Zones and Conduits', { memento: context.workspaceState, key: `${DIAGRAM_VIEW_TYPE}.root` });
  const getData = async () => answered('zone diagram', await fetch(shown.root?.root));
  const root = () => shown.uri();
  const panel = registerPanel<ZoneDiagramResult>(context, {
    viewType: DIAGRAM_VIEW_TYPE,
    title: 'SPDF Zones and Conduits',
    command: SHOW_DIAGRAM_COMMAND,
    html: diagramHtml,
    getData,
    message: diagramMessage,
    root,
    async revived(p) {
      shown.restore(await roots.list());
      shown.retitle(p);
    },
    async onMessage(msg) {
      const bytes = msg.type === 'saveSvg' ? svgFileBytes(msg.svg) : undefined;
      if (!bytes) return;
      const base = root();
      const target = await vscode.window.showSaveDialog({ defaultUri: base ? vscode.Uri.joinPath(base, 'zones.svg') : undefined, filters: { SVG: ['svg'] } });
      if (target) await saveAtomic(target, bytes);
    },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, async (rootPath?: unknown) => {
      const chosen = await roots.choose('Zone diagram of', typeof rootPath === 'string' ? rootPath : undefined);
      if (!chosen) return;
      const changed = shown.set(chosen.root, (await roots.list()).length > 1);
      const open = !!panel.current();
      panel.show();
      shown.retitle(panel.current());
      if (open && changed) panel.refresh();
    }),
  );
  return { refresh: () => panel.refresh(), shown: () => shown.root?.root };
}
