import * as vscode from 'vscode';
import { VIEWS, VIEW_TITLES, type Matrix, type ViewName } from '../../core/matrix/model';
import type { ExportFormat } from './export';
import { MATRIX_VIEW_TYPE, matrixHtml } from './html';
import { answered, matrixMessage } from './messages';
import type { Roots } from '../roots';
import { registerPanel, ShownRoot } from './panel';
import { saveAtomic } from './save';

export const SHOW_MATRIX_COMMAND = 'spdf.showMatrix';
/** Internal, for the extension-host tests (not contributed in package.json, so never in the palette or menus). */
export const MATRIX_TEST_COMMANDS = {
  /** The last state the open matrix page reported, or undefined. */
  state: 'spdf._matrixState',
  /** Sets filters and scroll in the open page: `{ view?, statuses?, zone?, severity?, text?, sort?, row? | scrollTop? }`. */
  apply: 'spdf._matrixApply',
  /** As a window reload does: forgets the folder held in memory, disposes the open panel and revives one through the serializer with a saved state. */
  revive: 'spdf._matrixRevive',
} as const;

/** What the matrix page reports after each saved change and once its state is restored (media/matrix/matrix.js). */
export interface MatrixPageState {
  /** The object the page keeps with setState (what the serializer receives after a reload). */
  state: { view: string; statuses: string[]; zone: string; severity: number; text: string; sort: { key: string; dir: number } | null; scrollTop: number };
  firstRow: number;
  firstId: string | null;
  rows: number;
  restored: boolean;
}

const str = (v: unknown, max = 1000) => (typeof v === 'string' ? v.slice(0, max) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Keeps only the known fields of a page's `state` message, with their types. */
export function pageState(msg: Record<string, unknown>): MatrixPageState | undefined {
  const s = msg.state;
  if (!s || typeof s !== 'object') return undefined;
  const o = s as Record<string, unknown>;
  const sort = o.sort && typeof o.sort === 'object' ? (o.sort as Record<string, unknown>) : undefined;
  return {
    state: {
      view: str(o.view),
      statuses: Array.isArray(o.statuses) ? o.statuses.filter((x): x is string => typeof x === 'string').slice(0, 16) : [],
      zone: str(o.zone),
      severity: num(o.severity),
      text: str(o.text),
      sort: sort && typeof sort.key === 'string' ? { key: str(sort.key), dir: num(sort.dir) < 0 ? -1 : 1 } : null,
      scrollTop: num(o.scrollTop),
    },
    firstRow: num(msg.firstRow),
    firstId: typeof msg.firstId === 'string' ? str(msg.firstId) : null,
    rows: num(msg.rows),
    restored: msg.restored === true,
  };
}

/**
 * Registers the traceability matrix webview and the `spdf.showMatrix` command. `getData` fetches the
 * matrix (the `spdf/traceMatrix` request of src/protocol.ts). The command takes an optional item ID
 * ("Show in matrix" from the requirements panel) and view. Outside production mode (tests, development host)
 * it also registers the internal MATRIX_TEST_COMMANDS.
 */
export function registerMatrixPanel(context: vscode.ExtensionContext, fetch: (root: string | undefined) => Promise<Matrix>, roots: Roots): { refresh(): void; shown(): string | undefined } {
  const shown = new ShownRoot('SPDF Traceability Matrix', { memento: context.workspaceState, key: `${MATRIX_VIEW_TYPE}.root` });
  const getData = async () => answered('matrix', await fetch(shown.root?.root));
  const root = () => shown.uri();
  /** Last state reported by each panel's page. */
  const reported = new WeakMap<vscode.WebviewPanel, MatrixPageState>();
  const panel = registerPanel<Matrix>(context, {
    viewType: MATRIX_VIEW_TYPE,
    title: 'SPDF Traceability Matrix',
    command: SHOW_MATRIX_COMMAND,
    html: matrixHtml,
    getData,
    message: matrixMessage,
    root,
    async revived(p) {
      shown.restore(await roots.list());
      shown.retitle(p);
    },
    async onMessage(msg, p) {
      if (msg.type === 'export') return exportMatrix(context, getData, root(), (VIEWS as readonly unknown[]).includes(msg.view) ? (msg.view as ViewName) : 'requirements');
      if (msg.type !== 'state') return;
      const s = pageState(msg);
      if (s) reported.set(p, s);
    },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, async (id?: unknown, view?: unknown, rootPath?: unknown) => {
      const chosen = await roots.choose('Traceability matrix of', typeof rootPath === 'string' ? rootPath : undefined);
      if (!chosen) return;
      const text = typeof id === 'string' ? id : undefined;
      const changed = shown.set(chosen.root, (await roots.list()).length > 1);
      const open = !!panel.current();
      panel.show(text ? { type: 'show', text, ...(typeof view === 'string' ? { view: view as ViewName } : {}) } : undefined);
      shown.retitle(panel.current());
      if (open && changed) panel.refresh();
    }),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(MATRIX_TEST_COMMANDS.state, () => {
        const p = panel.current();
        return p ? reported.get(p) : undefined;
      }),
      vscode.commands.registerCommand(MATRIX_TEST_COMMANDS.apply, async (state: unknown) => {
        const p = panel.current();
        return !!p && !!state && typeof state === 'object' && (await p.webview.postMessage({ type: 'apply', state }));
      }),
      vscode.commands.registerCommand(MATRIX_TEST_COMMANDS.revive, (state: unknown) => {
        shown.forget();
        panel.revive(state);
      }),
    );
  }
  return { refresh: () => panel.refresh(), shown: () => shown.root?.root };
}

const EXPORT_CHOICES: { format: ExportFormat; label: string; description: (view: string) => string; filter: string }[] = [
  { format: 'html', label: 'HTML', description: () => 'every view, printable', filter: 'HTML' },
  { format: 'csv', label: 'CSV', description: (view) => `the ${view} view`, filter: 'CSV' },
  { format: 'xlsx', label: 'XLSX', description: () => 'every view, one sheet each', filter: 'Excel workbook' },
];

/**
 * "Export…" in the matrix page: format, then file, then the CLI's exporter over a fresh matrix from the server
 * (every row: the page's filters and hidden columns never narrow the evidence), written atomically.
 */
async function exportMatrix(context: vscode.ExtensionContext, getData: () => Promise<Matrix>, base: vscode.Uri | undefined, view: ViewName): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    EXPORT_CHOICES.map((c) => ({ label: c.label, description: c.description(VIEW_TITLES[view]), choice: c })),
    { title: 'Export the traceability matrix', placeHolder: 'Format' },
  );
  if (!pick) return;
  const { format, filter } = pick.choice;
  const name = format === 'csv' ? `traceability-${view}.csv` : `traceability.${format}`;
  const target = await vscode.window.showSaveDialog({ defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined, filters: { [filter]: [format] } });
  if (!target) return;
  try {
    const m = await getData();
    const { matrixExport } = await import('./export.js');
    const declared = (context.extension?.packageJSON as { version?: unknown } | undefined)?.version;
    const version = typeof declared === 'string' ? declared : '';
    const data = await matrixExport(m, format, view, `SPDF Workbench ${version}`.trim());
    if (!(await saveAtomic(target, data))) return;
    const where = vscode.workspace.asRelativePath(target);
    // Input problems (unreadable test results ...) are in the export too; say so, as the CLI does on stderr.
    if (m.problems.length) void vscode.window.showWarningMessage(`SPDF: wrote ${where} with ${m.problems.length} input problem(s): ${m.problems.slice(0, 3).join('; ')}`);
    else void vscode.window.showInformationMessage(`SPDF: wrote ${where}`);
  } catch (e) {
    void vscode.window.showErrorMessage(`SPDF: export failed, nothing written: ${(e as Error).message}`);
  }
}
