/** Lifecycle: initialize (capabilities, roots), workspace folder changes, initialized (registrations, first index), configuration, trust, shutdown. */
import { fileURLToPath } from 'node:url';
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type InitializeParams, type InitializeResult, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { findWorkspaceRoot } from '../../node/find-root';
import { DEFAULT_SETTINGS, SERVER_COMMANDS, TrustNotification, type InitOptions } from '../../protocol';
import { defaultDocsUrl, Paths } from '../convert';
import type { ServerParts } from '../server-parts';
import type { Root } from '../session';
import { pullSettings, settingsFrom } from '../settings';
import { guard } from './safe';

/** The roots of the workspace folders (one per distinct root), keeping the Root (and its state) of those that stay. */
function rootsOf(folders: (string | undefined)[], old: Root[]): Root[] {
  const dirs = folders.map((f) => (f?.startsWith('file:') ? fileURLToPath(f) : process.cwd())).map((d) => findWorkspaceRoot(d));
  return [...new Set(dirs)].map((root) => old.find((r) => r.paths.root === root) ?? { paths: new Paths(root), state: undefined });
}

export function registerLifecycleHandlers(parts: ServerParts): void {
  const { session, diagnostics, status } = parts;
  const { connection } = session;
  let folders: (string | undefined)[] = [];

  /** Folders added to or removed from a running workspace (VS Code "Add Folder to Workspace"). */
  const foldersChanged = guard(session, 'workspaceFolders', (e: WorkspaceFoldersChangeEvent) => {
    const removed = new Set(e.removed.map((f) => f.uri));
    folders = [...folders.filter((f) => !f || !removed.has(f)), ...e.added.map((f) => f.uri)];
    const next = rootsOf(folders, session.roots);
    for (const r of session.roots)
      if (!next.includes(r)) {
        diagnostics.forget(r);
        r.state?.dispose();
      }
    session.roots = next;
    session.ready = session.enqueue(parts.index);
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    session.trusted = init.trusted ?? true;
    session.settings = { ...DEFAULT_SETTINGS, ...(init.settings ?? {}) };
    // Every workspace folder is served with its own config; one folder inside another's root shares that root.
    folders = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : [params.rootUri ?? (params.rootPath ? `file://${params.rootPath}` : undefined)];
    session.roots = rootsOf(folders, []);
    if (session.settings.rulesDocsUrl) session.docsUrl = session.settings.rulesDocsUrl;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ',', '[', '-'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        executeCommandProvider: { commands: [SERVER_COMMANDS.markReviewed, SERVER_COMMANDS.reindex] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'spdf-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    const caps = session.caps;
    session.ready = (async () => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'spdf' }).catch(() => undefined);
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) session.watchers.start();
      if (caps.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(foldersChanged);
      await pullSettings(session);
      await parts.index();
    })().catch((e) => session.logError('initial index', e));
  });

  connection.onDidChangeConfiguration((p) => {
    void (async () => {
      const before = session.settings;
      if (session.caps.workspace?.configuration) await pullSettings(session);
      else if (p.settings && typeof p.settings === 'object' && (p.settings as Record<string, unknown>).spdf)
        session.settings = settingsFrom((p.settings as { spdf: Record<string, unknown> }).spdf, session.settings);
      session.docsUrl = session.settings.rulesDocsUrl || defaultDocsUrl();
      if (before.codeLinks !== session.settings.codeLinks) await session.enqueue(parts.index);
      else diagnostics.publishAll(true);
    })().catch((e) => session.logError('configuration', e));
  });

  connection.onNotification(TrustNotification, (p) => {
    if (p.trusted === session.trusted) return;
    session.trusted = p.trusted;
    session.log(`workspace trust changed: ${session.trusted ? 'trusted' : 'untrusted'}`);
    session.ready = session.enqueue(parts.index);
  });

  connection.onShutdown(() => {
    session.disposed = true;
    diagnostics.dispose();
    status.dispose();
    for (const r of session.roots) r.state?.dispose();
  });
}
