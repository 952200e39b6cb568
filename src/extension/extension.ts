/**
 * The VS Code extension: starts the SPDF language server and adds the requirements tree, the status bar
 * item, commands and the webviews. The only code that imports 'vscode'; everything it shows comes from
 * the server through src/protocol.ts.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EDITOR_LANGUAGE_IDS } from '../core/codelinks/language-descriptors';
import {
  BranchesRequest,
  CLIENT_COMMANDS,
  EvidenceDiffRequest,
  ImpactRequest,
  InsertTagRequest,
  MarkReviewedRequest,
  SERVER_COMMANDS,
  StatusNotification,
  TagCandidatesRequest,
  TraceMatrixRequest,
  TreeDataRequest,
  TrustNotification,
  FileCoverageRequest,
  ItemCodeRequest,
  RootsRequest,
  SymbolItemsRequest,
  type TraceTarget,
  ZoneDiagramRequest,
  type LinkRef,
  type ServerSettings,
  type StatusSummary,
  type TraceFilter,
  type WireLocation,
} from '../protocol';
import { CoverageGutter } from './gutter';
import { insertTagIfUnchanged } from './insert-tag';
import { Roots } from './roots';
import { STATUS_COMMANDS, statusView } from './status-view';
import { RequirementsTree, toLocation, type Node } from './tree';
import { registerMatrixPanel } from './webviews/matrix';
import { registerZoneDiagramPanel } from './webviews/diagram';
import { registerEvidenceDiffPanel, type DiffPageData } from './webviews/evidence-diff';

let client: LanguageClient | undefined;

/** Views beside the requirements tree: reviewers read hazards first. */
const KIND_VIEWS: [string, string][] = [
  ['spdf.hazards', 'hazard'],
  ['spdf.threats', 'threat'],
  ['spdf.zones', 'zone'],
];

/** What the extension-host tests read (returned from activate). */
export interface SpdfApi {
  client(): LanguageClient | undefined;
  tree: RequirementsTree;
  /** Threats, hazards and zones views, by view ID. */
  kindTrees: Record<string, RequirementsTree>;
  lastStatus(): StatusSummary | undefined;
  gutter: CoverageGutter;
  statusBar: vscode.StatusBarItem;
  /** Folder paths of the roots the matrix, the diagram and the evidence diff show (undefined: the server's first). */
  shownRoots(): { matrix?: string; diagram?: string; diff?: string };
  /** What the evidence-diff panel shows last (the diff or why there is none). */
  lastEvidenceDiff(): DiffPageData | undefined;
  ready: Promise<void>;
}

function settingsSnapshot(): Partial<ServerSettings> {
  const c = vscode.workspace.getConfiguration('spdf');
  return {
    debounceMs: c.get<number>('diagnostics.debounceMs'),
    codeLens: c.get<boolean>('codeLens.enable'),
    rulesDocsUrl: c.get<string>('rulesDocsUrl'),
    reviewer: c.get<string>('review.reviewer'),
    codeLinks: c.get<boolean>('codeLinks.enable'),
  };
}

export function activate(context: vscode.ExtensionContext): SpdfApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const output = vscode.window.createOutputChannel('SPDF Workbench', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', pattern: '**/*.spdf.yaml' }, { scheme: 'file', pattern: '**/spdf.config.yaml' }, ...EDITOR_LANGUAGE_IDS.map((language) => ({ scheme: 'file', language }))],
    initializationOptions: { trusted: vscode.workspace.isTrusted, settings: settingsSnapshot() },
    outputChannel: output,
  };
  client = new LanguageClient('spdf', 'SPDF Workbench', serverOptions, clientOptions);

  let lastStatus: StatusSummary | undefined;
  const roots = new Roots(() => (client?.isRunning() ? client.sendRequest(RootsRequest, {}) : undefined));
  context.subscriptions.push(roots);
  const treeData = async (filter: TraceFilter, root: string | undefined) => (client?.isRunning() ? client.sendRequest(TreeDataRequest, { filter, root }) : undefined);
  const listRoots = () => roots.list();
  const tree = new RequirementsTree(treeData, listRoots);
  const view = vscode.window.createTreeView('spdf.requirements', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(view);
  const kindTrees: Record<string, RequirementsTree> = {};
  for (const [viewId, kind] of KIND_VIEWS) {
    kindTrees[viewId] = new RequirementsTree(treeData, listRoots, [kind]);
    context.subscriptions.push(vscode.window.createTreeView(viewId, { treeDataProvider: kindTrees[viewId], showCollapseAll: true }));
  }

  const status = vscode.window.createStatusBarItem('spdf.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'SPDF Workbench';
  status.command = 'spdf.showPanel';
  status.text = '$(sync~spin) SPDF';
  status.show();
  context.subscriptions.push(status);

  const gutter = new CoverageGutter(context.extensionUri, async (uri) => (client?.isRunning() ? client.sendRequest(FileCoverageRequest, { uri }) : undefined));
  context.subscriptions.push(
    gutter,
    vscode.window.onDidChangeVisibleTextEditors(() => void gutter.refreshVisible()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('spdf.gutter') && void gutter.refreshVisible()),
  );

  const matrix = registerMatrixPanel(context, async (root) => client!.sendRequest(TraceMatrixRequest, { root }), roots);
  const diagram = registerZoneDiagramPanel(context, async (root) => client!.sendRequest(ZoneDiagramRequest, { root }), roots);
  const evidenceDiff = registerEvidenceDiffPanel(
    context,
    async (root) => (client?.isRunning() ? client.sendRequest(BranchesRequest, { root }) : { branches: [], error: 'the language server is not running' }),
    async (base, root) => (client?.isRunning() ? client.sendRequest(EvidenceDiffRequest, { base, root }) : { error: 'the language server is not running' }),
    roots,
  );

  let indexingDone: (() => void) | undefined;
  let indexingTimer: NodeJS.Timeout | undefined;
  const endIndexingProgress = () => {
    clearTimeout(indexingTimer);
    indexingTimer = undefined;
    indexingDone?.();
    indexingDone = undefined;
  };
  /** The status bar follows the root of the active file editor (focus on a webview keeps the last one). */
  const showStatus = () => {
    if (!lastStatus) return;
    const sv = statusView(lastStatus, roots.activeFile()?.fsPath);
    status.text = sv.text;
    const tooltip = new vscode.MarkdownString(sv.tooltip);
    tooltip.isTrusted = { enabledCommands: [...STATUS_COMMANDS] };
    status.tooltip = tooltip;
    status.backgroundColor = sv.background ? new vscode.ThemeColor(`statusBarItem.${sv.background}Background`) : undefined;
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus));
  const onStatus = (s: StatusSummary) => {
    lastStatus = s;
    showStatus();
    if (s.indexing) {
      // A notification only when indexing takes long enough to be noticed (a large workspace).
      indexingTimer ??= setTimeout(() => {
        void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'SPDF: indexing the workspace…' }, () => new Promise<void>((resolve) => (indexingDone = resolve)));
      }, 1500);
      return;
    }
    endIndexingProgress();
    roots.invalidate();
    tree.refresh();
    for (const t of Object.values(kindTrees)) t.refresh();
    view.message = tree.describeFilter();
    matrix.refresh();
    diagram.refresh();
    void gutter.refreshVisible();
  };

  // Boundary: VS Code passes command arguments untyped (registerCommand's callback takes any[]).
  const cmd = (id: string, fn: Parameters<typeof vscode.commands.registerCommand>[1]) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  cmd('spdf.showPanel', () => vscode.commands.executeCommand('workbench.view.extension.spdf'));
  cmd('spdf.refreshTree', () => [tree, ...Object.values(kindTrees)].forEach((t) => t.refresh()));
  cmd('spdf.filterTree', async () => {
    const text = await vscode.window.showInputBox({ prompt: 'Filter requirements by ID or title', value: tree.filter.text ?? '' });
    if (text === undefined) return;
    tree.filter = { ...tree.filter, text: text || undefined };
    view.message = tree.describeFilter();
    tree.refresh();
  });
  cmd('spdf.filterByZone', async () => {
    const zones = tree.data.size ? tree.zones() : ((await client?.sendRequest(TreeDataRequest, {}))?.zones ?? []);
    const pick = await vscode.window.showQuickPick(['(any zone)', ...zones], { placeHolder: 'Show requirements whose threats touch this zone' });
    if (pick === undefined) return;
    tree.filter = { ...tree.filter, zone: pick === '(any zone)' ? undefined : pick };
    view.message = tree.describeFilter();
    tree.refresh();
  });
  cmd('spdf.filterBySeverity', async () => {
    const pick = await vscode.window.showQuickPick(['(any)', '1', '2', '3', '4', '5'], { placeHolder: 'Minimum severity of linked hazards' });
    if (pick === undefined) return;
    tree.filter = { ...tree.filter, minHazardSeverity: pick === '(any)' ? undefined : Number(pick) };
    view.message = tree.describeFilter();
    tree.refresh();
  });
  cmd('spdf.clearFilter', () => {
    tree.filter = {};
    view.message = undefined;
    tree.refresh();
  });
  cmd('spdf.openLocation', async (loc: WireLocation) => {
    const l = toLocation(loc);
    await vscode.window.showTextDocument(l.uri, { selection: l.range, preview: true });
  });
  cmd(CLIENT_COMMANDS.showReferences, async (uri: string | vscode.Uri, pos: { line: number; character: number }) => {
    const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const p = new vscode.Position(pos.line, pos.character);
    const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', u, p);
    await vscode.commands.executeCommand('editor.action.showReferences', u, p, locs ?? []);
  });
  cmd('spdf.showReferencesOf', async (node?: Node) => {
    const loc = node?.type === 'row' ? node.row.location : node?.type === 'child' ? node.child.location : undefined;
    if (loc) await vscode.commands.executeCommand(CLIENT_COMMANDS.showReferences, loc.uri, loc.range.start);
  });
  cmd('spdf.showInMatrix', (node?: Node) =>
    node?.type === 'root'
      ? vscode.commands.executeCommand('spdf.showMatrix', undefined, undefined, node.info.root)
      : vscode.commands.executeCommand('spdf.showMatrix', node?.type === 'row' ? node.row.id : undefined, undefined, node?.root),
  );
  cmd('spdf.markReviewed', async (node?: Node | LinkRef) => {
    if (!client) return;
    let params: { links?: LinkRef[]; id?: string; root?: string };
    if (node && 'type' in node) {
      if (node.type === 'child' && node.child.link) params = { links: [node.child.link], root: node.root };
      else if (node.type === 'row') params = { id: node.row.id, root: node.root };
      else return;
    } else if (node && 'relation' in node) params = { links: [node] };
    else {
      const id = await vscode.window.showInputBox({ prompt: 'Mark every code link of this ID reviewed' });
      if (!id) return;
      params = { id };
    }
    const r = await client.sendRequest(MarkReviewedRequest, params);
    if (r.ok) void vscode.window.showInformationMessage(`SPDF: ${r.message}`);
    else void vscode.window.showWarningMessage(`SPDF: ${r.message}`);
  });
  cmd(CLIENT_COMMANDS.insertTag, async (uri?: string, line?: number) => {
    if (!client) return;
    const editor = vscode.window.activeTextEditor;
    const u = uri ?? editor?.document.uri.toString();
    const l = line ?? editor?.selection.active.line;
    if (!u || l === undefined) return;
    const versionOf = (target: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === target)?.version;
    const before = versionOf(u);
    const candidates = await client.sendRequest(TagCandidatesRequest, { uri: u, line: l });
    const pick = await vscode.window.showQuickPick(
      candidates.map((c) => ({ label: `${c.relation} ${c.id}`, description: c.title, c })),
      { placeHolder: 'Relation and item for the @spdf tag', matchOnDescription: true },
    );
    if (!pick) return;
    const c = client;
    await insertTagIfUnchanged(u, before, {
      versionOf,
      request: () => c.sendRequest(InsertTagRequest, { uri: u, line: l, relation: pick.c.relation, id: pick.c.id }),
      apply: (uri, e) => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(vscode.Uri.parse(uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        return Promise.resolve(vscode.workspace.applyEdit(edit));
      },
      warn: (message) => void vscode.window.showWarningMessage(message),
    });
  });
  const pickAndOpen = async (targets: TraceTarget[], placeHolder: string) => {
    const pick =
      targets.length === 1
        ? { t: targets[0] }
        : await vscode.window.showQuickPick(
            targets.map((t) => ({ label: t.label, description: t.description, t })),
            { placeHolder, matchOnDescription: true },
          );
    if (pick) await vscode.commands.executeCommand('spdf.openLocation', pick.t.location);
  };
  cmd('spdf.showItemsOfSymbol', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor) return;
    const r = await client.sendRequest(SymbolItemsRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
    if (!r.symbol) return void vscode.window.showInformationMessage('SPDF: no function or type at the cursor.');
    if (!r.items.length) return void vscode.window.showWarningMessage(`SPDF: ${r.symbol} is linked to no requirement, control, threat or hazard.`);
    await pickAndOpen(r.items, `Items linked to ${r.symbol}`);
  });
  cmd('spdf.whatDoesThisReach', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor) return;
    const r = await client.sendRequest(ImpactRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
    if (!r.subject) return void vscode.window.showInformationMessage('SPDF: no model ID, tag or linked symbol at the cursor.');
    if (!r.reach.length) return void vscode.window.showWarningMessage(`SPDF: ${r.subject} reaches no hazard, threat, control, requirement or test.`);
    type Entry = vscode.QuickPickItem & { t?: (typeof r.reach)[number] };
    const entries: Entry[] = [];
    for (const category of ['hazard', 'threat', 'control', 'requirement', 'test'] as const) {
      const of = r.reach.filter((x) => x.category === category);
      if (of.length) entries.push({ label: `${category}s`, kind: vscode.QuickPickItemKind.Separator }, ...of.map((t) => ({ label: t.label, description: t.description, t })));
    }
    const pick = await vscode.window.showQuickPick(entries, { placeHolder: `What ${r.subject} reaches (re-verify these when it changes)`, matchOnDescription: true });
    if (pick?.t) await vscode.commands.executeCommand('spdf.openLocation', pick.t.location);
  });
  cmd('spdf.showCodeOfItem', async (node?: Node) => {
    const editor = vscode.window.activeTextEditor;
    const word = editor && editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)+/);
    const id = node?.type === 'row' ? node.row.id : word ? editor.document.getText(word) : await vscode.window.showInputBox({ prompt: 'Show the code that implements or verifies this ID' });
    if (!client || !id) return;
    const root = node?.type === 'row' ? node.root : (await roots.ofActiveEditor())?.root;
    const r = await client.sendRequest(ItemCodeRequest, { id, root });
    if (!r.found) return void vscode.window.showWarningMessage(`SPDF: ${id} is not a traced item of the model.`);
    if (!r.code.length) return void vscode.window.showWarningMessage(`SPDF: no code or test implements or verifies ${id}.`);
    await pickAndOpen(r.code, `Code and tests of ${id}`);
  });
  cmd('spdf.reindex', () => client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.reindex, arguments: [] }));
  cmd('spdf.restartServer', async () => {
    await client?.restart();
  });
  cmd('spdf.showOutput', () => output.show());
  cmd('spdf.openExample', async () => {
    const source = vscode.Uri.joinPath(context.extensionUri, 'examples', 'infusion-pump');
    const target = vscode.Uri.joinPath(context.globalStorageUri, 'infusion-pump');
    if (!fs.existsSync(target.fsPath)) {
      await vscode.workspace.fs.createDirectory(context.globalStorageUri);
      await vscode.workspace.fs.copy(source, target, { overwrite: true });
    }
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
  });

  context.subscriptions.push(
    { dispose: endIndexingProgress },
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TrustNotification, { trusted: true });
    }),
    { dispose: () => void client?.stop() },
  );

  const ready = (async () => {
    context.subscriptions.push(client.onNotification(StatusNotification, onStatus));
    await client.start();
  })();
  ready.catch((e: unknown) => output.error(`SPDF language server failed to start: ${(e as Error)?.stack ?? String(e)}`));
  return {
    client: () => client,
    tree,
    kindTrees,
    lastStatus: () => lastStatus,
    gutter,
    statusBar: status,
    shownRoots: () => ({ matrix: matrix.shown(), diagram: diagram.shown(), diff: evidenceDiff.shown() }),
    lastEvidenceDiff: evidenceDiff.data,
    ready,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
