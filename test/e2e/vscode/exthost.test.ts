/** Extension-host tests: diagnostics, hover, definition, rename and the requirements tree in a real VS Code. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SpdfApi } from '../../../src/extension/extension';
import type { Node, RequirementsTree } from '../../../src/extension/tree';
import type { TraceTarget } from '../../../src/protocol';
import { GIT_TEST_ENV } from '../../support/git-env';

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
}

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const uriOf = (rel: string) => vscode.Uri.joinPath(folder(), rel);

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The status groups of the first folder: in this two-folder workspace the panels hold one root node per folder. */
async function groupsOfFirst(tree: RequirementsTree): Promise<Node[]> {
  const top = await tree.getChildren();
  const first = top.find((n) => n.type === 'root' && n.info.root === folder().fsPath);
  return first ? tree.getChildren(first) : [];
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + delta);
}

describe('SPDF Workbench in VS Code (extension host)', () => {
  let api: SpdfApi;
  let expected: Expected[];

  before(async () => {
    expected = JSON.parse(readFileSync(join(folder().fsPath, 'expected-findings.json'), 'utf8')).findings;
    const ext = vscode.extensions.getExtension<SpdfApi>('spdf-workbench.spdf-workbench');
    assert.ok(ext, 'extension not found');
    api = await ext!.activate();
    await api.ready;
  });

  it('shows the documented diagnostics of the first documented file, with rule codes and docs links', async () => {
    const file = expected[0].file;
    const want = expected
      .filter((e) => e.file === file)
      .map((e) => `${e.line}:${e.column} ${e.code}`)
      .sort();
    const doc = await vscode.workspace.openTextDocument(uriOf(file));
    await vscode.window.showTextDocument(doc);
    const got = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'spdf');
      return d.length >= want.length ? d : undefined;
    });
    const keys = got.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.code === 'object' ? d.code.value : d.code}`).sort();
    assert.deepEqual(keys, want);
    const withLink = got.find((d) => typeof d.code === 'object');
    assert.ok(withLink && typeof withLink.code === 'object' && /rules\.md#/.test(String(withLink.code.target)), 'diagnostic code links to the rule docs');
  });

  it('hovers a requirement ID with its title and trace status', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('model/requirements.spdf.yaml'));
    const pos = positionOf(doc, '- id: SEC-REQ-', 8);
    const hovers = await waitFor('hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      return h?.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /SEC-REQ-/);
    assert.match(text, /Trace: \*\*(OK|PARTIAL|MISSING|SUSPECT|JUSTIFIED|ERROR)\*\*/);
  });

  it('goes from an @spdf tag in C to the model item', async () => {
    const files = await vscode.workspace.findFiles('firmware/src/**/*.c');
    let doc: vscode.TextDocument | undefined;
    for (const f of files) {
      const d = await vscode.workspace.openTextDocument(f);
      if (/@spdf implements SEC-REQ-0\d\d/.test(d.getText()) && !d.getText().includes('SEC-REQ-099')) {
        doc = d;
        break;
      }
    }
    assert.ok(doc, 'a tagged C file');
    const m = /@spdf implements (SEC-REQ-\d+)/.exec(doc!.getText())!;
    const pos = doc!.positionAt(m.index + m[0].length - 2);
    const locs = await waitFor('definition', async () => {
      const l = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc!.uri, pos);
      return l?.length ? l : undefined;
    });
    const target = 'targetUri' in locs[0] ? locs[0].targetUri : locs[0].uri;
    assert.match(target.fsPath, /\.spdf\.yaml$/);
    const targetDoc = await vscode.workspace.openTextDocument(target);
    const range = 'targetRange' in locs[0] ? locs[0].targetRange : locs[0].range;
    assert.equal(targetDoc.getText(range), m[1]);
  });

  it('renames an ID across YAML and code in one edit', async () => {
    const c = (await vscode.workspace.findFiles('firmware/src/**/*.c')).map((u) => u.fsPath);
    let doc: vscode.TextDocument | undefined;
    let id = '';
    for (const f of c) {
      const d = await vscode.workspace.openTextDocument(f);
      const m = /@spdf implements (SEC-REQ-0\d\d)\b/.exec(d.getText());
      if (m && m[1] !== 'SEC-REQ-099') {
        doc = d;
        id = m[1];
        break;
      }
    }
    assert.ok(doc);
    const pos = positionOf(doc!, id, 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc!.uri, pos, 'SEC-REQ-777');
    const entries = edit.entries();
    const files = entries.map(([u]) => u.fsPath);
    assert.ok(
      files.some((f) => f.endsWith('.spdf.yaml')),
      files.join(', '),
    );
    assert.ok(
      files.some((f) => f.endsWith('.c')),
      files.join(', '),
    );
    assert.ok(entries.every(([, edits]) => edits.every((e) => e.newText === 'SEC-REQ-777')));
  });

  it('completes IDs of the right kind in a YAML reference field and shows code lenses', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('model/requirements.spdf.yaml'));
    const m = /controls: \[/.exec(doc.getText())!;
    const pos = doc.positionAt(m.index + m[0].length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    // The server's ID items (kind Reference); VS Code adds word and snippet suggestions of its own.
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.length > 0 && labels.every((l) => l.startsWith('CTRL-')), labels.slice(0, 10).join(','));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some((l) => /^(OK|PARTIAL|MISSING|SUSPECT|JUSTIFIED|ERROR) · \d+ implementing · \d+ tests? · \d+ refs?$/.test(l.command?.title ?? '')),
      lenses.map((l) => l.command?.title).join(' / '),
    );
  });

  it('offers "Mark link reviewed" as the preferred quick fix of a suspect link, before the suppression', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('firmware/src/dose/dose_controller.c'));
    await vscode.window.showTextDocument(doc);
    const suspect = await waitFor('CL006', () => vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'CL006'));
    let seen: string[] = [];
    const actions = await waitFor(
      'quick fixes',
      async () => {
        const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, suspect.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
        seen = all.map((a) => a.title);
        return all.some((a) => /CL006|Mark link reviewed/.test(a.title)) ? all : undefined;
      },
      20000,
    ).catch((e: Error) => {
      throw new Error(`${e.message} at ${suspect.range.start.line}:${suspect.range.start.character} '${suspect.message}'; got: ${seen.join(' / ')}`);
    });
    const titles = actions.map((a) => a.title);
    assert.match(titles[0], /^Mark link reviewed: /, titles.join(' / '));
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].command?.command, 'spdf.server.markReviewed');
    assert.ok(titles.indexOf('Suppress CL006 on this line (with a justification)') > 0, titles.join(' / '));
  });

  it('serves the second folder of a multi-root workspace with its own config', async () => {
    const second = vscode.workspace.workspaceFolders![1].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(second, 'second.spdf.yaml'));
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('diagnostics of the second folder', () =>
      vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'spdf' && (typeof x.code === 'object' ? x.code.value : x.code) === 'TM002'),
    );
    assert.equal(d.range.start.line, 4);
  });

  it('fills the requirements tree grouped by trace status', async () => {
    const groups = await waitFor('tree groups', async () => {
      const g = await groupsOfFirst(api.tree);
      return g.length ? g : undefined;
    });
    const names = groups.map((g) => (g.type === 'group' ? g.status : '?'));
    const worstFirst = ['ERROR', 'MISSING', 'SUSPECT', 'PARTIAL', 'JUSTIFIED', 'OK'];
    assert.deepEqual(
      names,
      [...names].sort((x, y) => worstFirst.indexOf(x) - worstFirst.indexOf(y)),
      'groups worst first',
    );
    assert.ok(
      names.every((n) => ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'].includes(n)),
      names.join(','),
    );
    const rows = (await Promise.all(groups.map((g) => api.tree.getChildren(g)))).flat();
    assert.ok(rows.length > 5, `rows: ${rows.length}`);
    const ids = rows.map((r) => (r.type === 'row' ? r.row.id : ''));
    assert.ok(
      ids.every((i) => i.startsWith('SEC-REQ-')),
      ids.join(','),
    );
    const withChildren = rows.find((r) => r.type === 'row' && r.row.children.some((c) => c.kind === 'symbol'));
    assert.ok(withChildren, 'a requirement expands to implementing symbols');
    const kids = await api.tree.getChildren(withChildren);
    const item = api.tree.getTreeItem(kids.find((k) => k.type === 'child' && k.child.kind === 'symbol')!);
    assert.equal(item.command?.command, 'spdf.openLocation');
    const status = await waitFor('status', () => api.lastStatus());
    assert.equal(status.coverage.total, rows.length);
  });

  it('says in the tree and tooltip what a PARTIAL or MISSING item lacks, and lists hazards, threats and zones in their own views', async () => {
    const groups = await waitFor('tree groups', async () => {
      const g = await groupsOfFirst(api.tree);
      return g.some((x) => x.type === 'group' && (x.status === 'PARTIAL' || x.status === 'MISSING')) ? g : undefined;
    });
    const open = groups.filter((g) => g.type === 'group' && (g.status === 'PARTIAL' || g.status === 'MISSING'));
    const rows = (await Promise.all(open.map((g) => api.tree.getChildren(g)))).flat();
    for (const r of rows) {
      if (r.type !== 'row') continue;
      const item = api.tree.getTreeItem(r);
      assert.ok(r.row.reason && r.row.reason !== 'complete', `${r.row.id} has a reason`);
      assert.ok(String(item.description).startsWith(`${r.row.reason.split(': ')[0]} · `), `${r.row.id}: ${String(item.description)}`);
      assert.ok((item.tooltip as vscode.MarkdownString).value.includes(r.row.reason), `${r.row.id}: the tooltip has the whole reason`);
      assert.match((item.tooltip as vscode.MarkdownString).value, /\*\*Missing:\*\* /);
    }
    for (const [view, prefix] of [
      ['spdf.hazards', 'HAZ-'],
      ['spdf.threats', 'THR-'],
      ['spdf.zones', 'Z-'],
    ] as const) {
      const t = api.kindTrees[view];
      const g = await waitFor(view, async () => {
        const x = await groupsOfFirst(t);
        return x.length ? x : undefined;
      });
      const ids = (await Promise.all(g.map((x) => t.getChildren(x)))).flat().map((r) => (r.type === 'row' ? r.row.id : '?'));
      assert.ok(ids.length > 0 && ids.every((i) => i.startsWith(prefix)), `${view}: ${ids.join(',')}`);
    }
  });

  it('marks the functions of safety-critical code in the gutter and goes from a function to its requirements', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('firmware/src/dose/dose_controller.c'));
    const editor = await vscode.window.showTextDocument(doc);
    const marks = await waitFor('gutter marks', async () => {
      await api.gutter.update(editor);
      const m = api.gutter.applied.get(doc.uri.toString());
      return m?.length ? m : undefined;
    });
    assert.ok(
      marks.some((m) => m.mark === 'traced'),
      JSON.stringify(marks),
    );
    assert.ok(
      marks.every((m) => ['traced', 'untraced', 'suspect'].includes(m.mark)),
      JSON.stringify(marks),
    );
    await vscode.workspace.getConfiguration('spdf').update('gutter', false, vscode.ConfigurationTarget.Workspace);
    try {
      await api.gutter.update(editor);
      assert.deepEqual(api.gutter.applied.get(doc.uri.toString()), []);
    } finally {
      await vscode.workspace.getConfiguration('spdf').update('gutter', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const traced = marks.find((m) => m.mark === 'traced')!;
    // By method name: the test bundle's own vscode-jsonrpc copy is not the client's.
    const r = await api.client()!.sendRequest<{ symbol: string | null; items: TraceTarget[] }>('spdf/symbolItems', {
      uri: doc.uri.toString(),
      position: { line: traced.line, character: doc.lineAt(traced.line).firstNonWhitespaceCharacterIndex },
    });
    assert.ok(r.symbol && r.items.length > 0, JSON.stringify(r));
  });

  it("multi-root: one panel root per folder; the status bar, matrix and diagram follow the active editor's folder, else ask", async function () {
    this.timeout(240000);
    const step = (m: string) => console.log(`[multi-root] ${m}`);
    const [first, second] = vscode.workspace.workspaceFolders!.map((f) => f.uri);
    const top = await waitFor('one root node per folder', async () => {
      const t = await api.tree.getChildren();
      return t.length === 2 && t.every((n) => n.type === 'root') ? t : undefined;
    });
    assert.deepEqual(
      top.map((n) => (n.type === 'root' ? n.info.root : '?')),
      [first.fsPath, second.fsPath],
    );
    step('root nodes');
    const idsUnder = async (n: Node) => (await Promise.all((await api.tree.getChildren(n)).map((g) => api.tree.getChildren(g)))).flat().map((r) => (r.type === 'row' ? r.row.id : '?'));
    assert.deepEqual(await idsUnder(top[1]), ['SEC-REQ-901']);
    const firstIds = await idsUnder(top[0]);
    assert.ok(firstIds.length > 5 && !firstIds.includes('SEC-REQ-901'), firstIds.join(','));
    assert.match(String(api.tree.getTreeItem(top[1]).description), /% of 1$|no requirement/);

    step('tree rows per root');
    const name = (u: vscode.Uri) => u.path.split('/').pop()!;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(second, 'second.spdf.yaml')));
    await waitFor('the status bar on the second folder', () => (api.statusBar.text.endsWith(` · ${name(second)}`) ? true : undefined));
    step('status bar on the second folder');
    await vscode.commands.executeCommand('spdf.showMatrix');
    assert.equal(api.shownRoots().matrix, second.fsPath);
    step('matrix shown for the second folder');
    const page = await waitFor('the matrix of the second folder', async () => {
      const st = await vscode.commands.executeCommand<{ rows: number; firstId: string | null } | undefined>('spdf._matrixState');
      return st?.firstId === 'SEC-REQ-901' ? st : undefined;
    });
    assert.equal(page.rows, 1);
    assert.ok(api.statusBar.text.endsWith(` · ${name(second)}`), `focus on the matrix keeps the bar on its folder: ${api.statusBar.text}`);
    step('matrix page of the second folder');
    await vscode.commands.executeCommand('spdf.showZoneDiagram');
    assert.equal(api.shownRoots().diagram, second.fsPath);

    step('diagram of the second folder');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf('model/requirements.spdf.yaml')));
    await waitFor('the status bar on the first folder', () => (api.statusBar.text.endsWith(` · ${name(first)}`) ? true : undefined));
    await vscode.commands.executeCommand('spdf.showMatrix');
    assert.equal(api.shownRoots().matrix, first.fsPath);

    step('matrix follows the first folder');
    // No editor: the command asks which folder (the quick pick's first entry is the first folder).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    let done = false;
    const shown = Promise.resolve(vscode.commands.executeCommand('spdf.showZoneDiagram')).finally(() => (done = true));
    await waitFor('the folder quick pick answered', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 300));
      return done || undefined;
    });
    step('quick pick answered');
    await shown;
    assert.equal(api.shownRoots().diagram, first.fsPath);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("multi-root: the evidence diff compares the active editor's folder with its branch, not the first folder's", async function () {
    this.timeout(240000);
    const [first, second] = vscode.workspace.workspaceFolders!.map((f) => f.uri);
    const file = join(second.fsPath, 'second.spdf.yaml');
    const before = readFileSync(file, 'utf8');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: second.fsPath, env: GIT_TEST_ENV });
    git('init', '-q', '-b', 'evidence-base');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'work');
    try {
      writeFileSync(file, `${before}  - id: SEC-REQ-902\n    title: Added on the branch\n    text: T\n`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
      await vscode.commands.executeCommand('spdf.compareWithBranch', 'evidence-base');
      assert.equal(api.shownRoots().diff, second.fsPath, `the diff shows ${api.shownRoots().diff}, not the second folder`);
      const shown = api.lastEvidenceDiff();
      assert.equal(shown?.error, undefined, shown?.error);
      assert.match(JSON.stringify(shown?.diff), /SEC-REQ-902/, 'the diff of the second folder names the requirement added there');
      assert.notEqual(first.fsPath, second.fsPath);
    } finally {
      writeFileSync(file, before);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
