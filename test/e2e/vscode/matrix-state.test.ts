/**
 * Extension-host test: the matrix webview's filters and scroll survive a reload. The page reports its saved
 * state to the extension (`spdf._matrixState`); the test sets filters and scroll (`spdf._matrixApply`), then
 * disposes the panel and revives it through the panel serializer with the saved state (`spdf._matrixRevive`),
 * as VS Code does after a window reload, and compares what the new page restored.
 * Runs after exthost.test.ts: it adds a model file with 300 requirements to the scratch workspace (the example
 * has too few rows to scroll) and removes it afterwards.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpdfApi } from '../../../src/extension/extension';
import type { MatrixPageState } from '../../../src/extension/webviews/matrix';

const ROW_H = 24; // media/matrix/matrix.js
const PROBES = 300;
const PROBE_FILE = 'model/zz-restore-probe.spdf.yaml';

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const pageState = async () => vscode.commands.executeCommand<MatrixPageState | undefined>('spdf._matrixState');

describe('Matrix webview state across a reload (extension host)', () => {
  let api: SpdfApi;
  const probeUri = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, PROBE_FILE);
  const requirementRows = async () => {
    const m = await api.client()!.sendRequest<{ views: Record<string, { rows: { id: string }[] }> }>('spdf/traceMatrix', {});
    return m.views.requirements?.rows ?? [];
  };

  before(async () => {
    const ext = vscode.extensions.getExtension<SpdfApi>('spdf-workbench.spdf-workbench');
    assert.ok(ext, 'extension not found');
    api = await ext!.activate();
    await api.ready;
    let yaml = 'spdf: "0.1"\nrequirements:\n';
    for (let i = 0; i < PROBES; i++) {
      const n = 500 + i;
      yaml += `  - id: SEC-REQ-${n}\n    title: Restore probe row ${n}\n    text: "Scroll restoration probe ${n}."\n`;
    }
    await vscode.workspace.fs.writeFile(probeUri(), new TextEncoder().encode(yaml));
    await waitFor('the probe requirements in the matrix', async () => ((await requirementRows()).filter((r) => r.id >= 'SEC-REQ-500').length === PROBES ? true : undefined), 90000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(probeUri());
    await waitFor('the probe requirements gone', async () => ((await requirementRows()).some((r) => r.id >= 'SEC-REQ-500') ? undefined : true), 90000);
  });

  it("shows the same folder's matrix after a reload, titled with its name (the second of two folders)", async () => {
    const second = vscode.workspace.workspaceFolders![1].uri;
    await vscode.commands.executeCommand('spdf.showMatrix', undefined, undefined, second.fsPath);
    const before = await waitFor("the second folder's matrix", async () => {
      const s = await pageState();
      return s?.firstId === 'SEC-REQ-901' ? s : undefined;
    });
    await vscode.commands.executeCommand('spdf._matrixRevive', before.state);
    const revived = await waitFor("the revived page's first report", pageState);
    assert.equal(revived.firstId, 'SEC-REQ-901', 'the revived page shows the second folder, not the first');
    assert.equal(api.shownRoots().matrix, second.fsPath);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('spdf.matrix'));
    assert.equal(tab?.label, `SPDF Traceability Matrix — ${second.path.split('/').pop()!}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restores status and text filters and the scroll position when the panel is revived with its saved state', async () => {
    // The first folder's matrix (named: in this multi-root workspace the command would otherwise ask).
    await vscode.commands.executeCommand('spdf.showMatrix', undefined, undefined, vscode.workspace.workspaceFolders![0].uri.fsPath);
    const first = await waitFor('the first state report', pageState);
    assert.ok(first.rows > 0, `rows: ${first.rows}`);

    const row = 150;
    const applied = { view: 'requirements', statuses: ['MISSING'], text: 'restore probe', row };
    assert.equal(await vscode.commands.executeCommand('spdf._matrixApply', applied), true, 'apply posted');
    const saved = await waitFor('the applied state', async () => {
      const s = await pageState();
      return s && s.state.text === 'restore probe' && s.firstRow === row ? s : undefined;
    });
    assert.equal(saved.rows, PROBES, 'status MISSING + text "restore probe" shows just the probes');
    assert.deepEqual(saved.state.statuses, ['MISSING']);
    assert.equal(saved.state.view, 'requirements');
    assert.equal(saved.state.scrollTop, row * ROW_H);
    assert.equal(saved.firstId, `SEC-REQ-${500 + row}`);

    // What VS Code does on reload: the old page is gone, a new panel is deserialized with the saved state.
    await vscode.commands.executeCommand('spdf._matrixRevive', saved.state);
    const revived = await waitFor('the revived page to report its restored state', async () => {
      const s = await pageState();
      return s && s.restored && s.rows === PROBES ? s : undefined;
    });
    assert.deepEqual(
      { view: revived.state.view, statuses: revived.state.statuses, zone: revived.state.zone, severity: revived.state.severity, text: revived.state.text, sort: revived.state.sort },
      { view: saved.state.view, statuses: saved.state.statuses, zone: saved.state.zone, severity: saved.state.severity, text: saved.state.text, sort: saved.state.sort },
      'filters restored',
    );
    assert.ok(Math.abs(revived.state.scrollTop - saved.state.scrollTop) < ROW_H, `scrollTop ${revived.state.scrollTop} vs ${saved.state.scrollTop}`);
    assert.equal(revived.firstRow, row, 'first visible row');
    assert.equal(revived.firstId, saved.firstId, 'first visible requirement');
  });
});
