/**
 * The SPDF language server: wires LSP requests to the workspace state and the features. Every handler
 * goes through `safe`: an exception is logged and answered with an empty result, never a dead server.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLink } from '../core/codelinks/model';
import type { Finding } from '../core/types';
import { buildMatrixFrom } from '../core/matrix/build';
import { zoneDiagram, type ZoneDiagram } from '../core/matrix/diagram';
import { VIEWS, type Matrix } from '../core/matrix/model';
import { findWorkspaceRoot } from '../node/find-root';
import { FsHost } from '../node/fs-host';
import { defaultReviewer, recordReviews } from '../node/review';
import { WatchedFiles } from '../node/watched-files';
import {
  DEFAULT_SETTINGS,
  InsertTagRequest,
  MarkReviewedRequest,
  MatrixRequest,
  SERVER_COMMANDS,
  StatusNotification,
  TagCandidatesRequest,
  TreeDataRequest,
  TrustNotification,
  TraceMatrixRequest,
  ZoneDiagramRequest,
  type InitOptions,
  type LinkRef,
  type MarkReviewedParams,
  type MarkReviewedResult,
  type ServerSettings,
  type StatusSummary,
} from '../protocol';
import { defaultDocsUrl, Paths, toDiagnostic } from './convert';
import type { TextChange } from './code-index';
import * as F from './features';
import { WorkspaceState } from './state';
import { coverageSummary, rowsFor } from './tree';

export interface ServerOptions {
  /** Folder of the .wasm grammars (default: the folder of this bundle). */
  wasmDir?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const docs = new Map<string, TextDocument>();
  let paths!: Paths;
  let state: WorkspaceState | undefined;
  let ready: Promise<void> = Promise.resolve();
  let settings: ServerSettings = { ...DEFAULT_SETTINGS };
  let trusted = true;
  let docsUrl: string | undefined = defaultDocsUrl();
  let caps: InitializeParams['capabilities'] = {};
  const watchers = new WatchedFiles((globs) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch(() => undefined));
  const published = new Map<string, string>();
  /** Open documents edited since the last publish: always republished (with their version). */
  const touched = new Set<string>();
  /** Mutations run one after another in arrival order. */
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn, fn);
    chain = p.catch((e) => logError('update', e));
    return p;
  };

  let disposed = false;
  const log = (m: string) => {
    if (!disposed) connection.console.log(`[spdf] ${m}`);
  };
  const logError = (where: string, e: unknown) => {
    if (disposed) return;
    try {
      connection.console.error(`[spdf] ${where} failed: ${(e as Error)?.stack ?? String(e)}`);
    } catch {
      /* the connection is gone */
    }
  };

  /** Wraps a handler: waits for the initial index, turns exceptions into a logged error and a fallback value. */
  function safe<P, R>(name: string, fallback: R, fn: (p: P) => R | Promise<R>): (p: P) => Promise<R> {
    return async (p: P) => {
      try {
        await ready;
        if (!state) return fallback;
        // A position outside the document's coordinates (negative, fractional) has nothing at it.
        const position = (p as { position?: Position }).position;
        if (position !== undefined && !F.isPosition(position)) return fallback;
        return await fn(p);
      } catch (e) {
        if (e instanceof F.RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
        if (e instanceof F.InvalidParamsError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
        logError(name, e);
        return fallback;
      }
    };
  }

  const ctx = (): F.FeatureContext => ({
    state: state!,
    paths,
    openText: (p) => {
      for (const d of docs.values()) if (paths.toPath(d.uri) === p) return d.getText();
      return undefined;
    },
    openVersion: (p) => {
      for (const d of docs.values()) if (paths.toPath(d.uri) === p) return d.version;
      return undefined;
    },
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    trusted = init.trusted ?? true;
    settings = { ...DEFAULT_SETTINGS, ...(init.settings ?? {}) };
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? (params.rootPath ? `file://${params.rootPath}` : undefined);
    const rootDir = folder?.startsWith('file:') ? fileURLToPath(folder) : process.cwd();
    paths = new Paths(findWorkspaceRoot(rootDir));
    if (settings.rulesDocsUrl) docsUrl = settings.rulesDocsUrl;
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
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'spdf-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    ready = (async () => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'spdf' }).catch(() => undefined);
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) watchers.start();
      await pullSettings();
      await index();
    })().catch((e) => logError('initial index', e));
  });

  async function pullSettings(): Promise<void> {
    if (!caps.workspace?.configuration) return;
    try {
      const s = (await connection.workspace.getConfiguration('spdf')) as Record<string, unknown> | null;
      if (s) settings = settingsFrom(s, settings);
      docsUrl = settings.rulesDocsUrl || defaultDocsUrl();
    } catch (e) {
      logError('configuration', e);
    }
  }

  /** (Re)indexes the whole workspace with work-done progress. */
  async function index(): Promise<void> {
    const started = Date.now();
    let progress: WorkDoneProgressServerReporter | undefined;
    if (caps.window?.workDoneProgress) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin('SPDF: indexing', 0, 'listing files', false);
      } catch {
        progress = undefined;
      }
    }
    sendStatus(true);
    const next = new WorkspaceState(new FsHost(paths.root), { root: paths.root, trusted, codeLinks: settings.codeLinks, wasmDir: options.wasmDir ?? wasmDirDefault() });
    for (const d of docs.values()) {
      const p = paths.toPath(d.uri);
      if (p) next.overlays.set(p, d.getText());
    }
    await next.loadAll((message, pct) => progress?.report(pct ?? 0, message));
    state?.dispose();
    state = next;
    watchers.follow(state.config.code.languages);
    state.check();
    progress?.done();
    log(`indexed ${state.graph.items.length} items in ${state.graph.files.length} model files and ${state.code.files.size} tagged source files in ${Date.now() - started} ms (root ${paths.root}${trusted ? '' : ', untrusted'})`);
    publishAll(true);
    sendStatus(false);
  }

  // ---- diagnostics: leading edge at once, bursts debounced -------------------------------------
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    if (timer) {
      clearTimeout(timer);
      timer = setTimeout(runCheck, settings.debounceMs);
      return;
    }
    timer = setTimeout(runCheck, 0);
  }

  async function runCheck(): Promise<void> {
    timer = undefined;
    running = true;
    try {
      await chain;
      await ready;
      if (!state) return;
      watchers.follow(state.config.code.languages);
      state.check();
      publishAll(false);
      statusSoon();
    } catch (e) {
      logError('check', e);
    } finally {
      running = false;
      if (again) {
        again = false;
        timer = setTimeout(runCheck, settings.debounceMs);
      }
    }
  }

  /** Findings last published per file (compared by reference: unchanged model findings keep their objects). */
  const lastFindings = new Map<string, readonly Finding[]>();
  function publishAll(force: boolean): void {
    if (!state) return;
    const files = new Set<string>([...state.findingsByFile.keys(), ...published.keys(), ...touched]);
    for (const file of files) {
      const findings = state.findingsByFile.get(file) ?? [];
      const prev = lastFindings.get(file);
      const same = !!prev && prev.length === findings.length && prev.every((f, i) => f === findings[i]);
      if (same && !force && !touched.has(file)) continue;
      const diagnostics = findings.map((f) => toDiagnostic(f, paths, docsUrl));
      const json = same ? published.get(file) : JSON.stringify(diagnostics);
      lastFindings.set(file, findings);
      if (!force && !touched.has(file) && published.get(file) === json) continue;
      const uri = paths.toUri(file);
      const doc = docs.get(uri);
      if (disposed) return;
      void connection.sendDiagnostics({ uri, diagnostics, ...(doc ? { version: doc.version } : {}) });
      if (diagnostics.length) published.set(file, json ?? '[]');
      else {
        published.delete(file);
        lastFindings.delete(file);
      }
    }
    touched.clear();
  }

  let statusTimer: NodeJS.Timeout | undefined;
  function statusSoon(): void {
    statusTimer ??= setTimeout(() => {
      statusTimer = undefined;
      sendStatus(false);
    }, 300);
  }

  function sendStatus(indexing: boolean): void {
    if (disposed) return;
    try {
      const s: StatusSummary = {
        indexing,
        trusted,
        errors: 0,
        warnings: 0,
        infos: 0,
        coverage: { total: 0, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } },
        items: 0,
        codeFiles: 0,
        links: 0,
        root: paths?.root,
      };
      if (state && !indexing) {
        for (const f of state.result.findings) s[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
        s.coverage = coverageSummary(state);
        s.items = state.graph.items.length;
        s.codeFiles = state.code.files.size;
        s.links = state.code.links().length;
      }
      void connection.sendNotification(StatusNotification, s);
    } catch (e) {
      logError('status', e);
    }
  }

  // ---- documents ---------------------------------------------------------------------------------
  /** Notification handlers never throw into the connection: errors are logged. */
  const guard =
    <P>(name: string, fn: (p: P) => void) =>
    (p: P) => {
      try {
        fn(p);
      } catch (e) {
        logError(name, e);
      }
    };

  connection.onDidOpenTextDocument(guard('didOpen', (p) => {
    const doc = TextDocument.create(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    docs.set(doc.uri, doc);
    const path = paths.toPath(doc.uri);
    if (!path) return;
    paths.clientUris.set(path, doc.uri);
    touched.add(path);
    void enqueue(async () => {
      await ready;
      await state?.setOverlay(path, doc.getText());
    });
    schedule();
  }));

  connection.onDidChangeTextDocument(guard('didChange', (p) => {
    const doc = docs.get(p.textDocument.uri);
    if (!doc) return;
    const changes: TextChange[] = p.contentChanges.map((c) => ('range' in c ? { range: c.range, text: c.text } : { text: c.text }));
    TextDocument.update(doc, p.contentChanges, p.textDocument.version);
    const path = paths.toPath(doc.uri);
    if (!path) return;
    touched.add(path);
    const now = doc.getText();
    void enqueue(async () => {
      await ready;
      await state?.setOverlay(path, now, changes);
    });
    schedule();
  }));

  connection.onDidCloseTextDocument(guard('didClose', (p) => {
    docs.delete(p.textDocument.uri);
    const path = paths.toPath(p.textDocument.uri);
    if (!path) return;
    paths.clientUris.delete(path);
    void enqueue(async () => {
      await ready;
      await state?.closeOverlay(path);
    });
    schedule();
  }));

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', (p) => {
    for (const ch of p.changes) {
      const path = paths.toPath(ch.uri);
      if (!path) continue;
      const type = ch.type === FileChangeType.Created ? 'created' : ch.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      void enqueue(async () => {
        await ready;
        await state?.fileChanged(path, type);
      });
    }
    schedule();
  }));

  connection.onDidChangeConfiguration((p) => {
    void (async () => {
      const before = settings;
      if (caps.workspace?.configuration) await pullSettings();
      else if (p.settings && typeof p.settings === 'object' && (p.settings as Record<string, unknown>).spdf) settings = settingsFrom((p.settings as { spdf: Record<string, unknown> }).spdf, settings);
      docsUrl = settings.rulesDocsUrl || defaultDocsUrl();
      if (before.codeLinks !== settings.codeLinks) await enqueue(index);
      else publishAll(true);
    })().catch((e) => logError('configuration', e));
  });

  connection.onNotification(TrustNotification, (p) => {
    if (p.trusted === trusted) return;
    trusted = p.trusted;
    log(`workspace trust changed: ${trusted ? 'trusted' : 'untrusted'}`);
    ready = enqueue(index);
  });

  // ---- language features -------------------------------------------------------------------------
  const P = (uri: string) => paths.toPath(uri);

  connection.onHover(safe('hover', null, (p) => (P(p.textDocument.uri) ? F.hover(ctx(), P(p.textDocument.uri)!, p.position) : null)));
  connection.onCompletion(
    safe('completion', { isIncomplete: false, items: [] }, async (p) => {
      await chain;
      const path = P(p.textDocument.uri);
      return path ? F.completion(ctx(), path, p.position) : { isIncomplete: false, items: [] };
    }),
  );
  connection.onDefinition(safe('definition', null, (p) => (P(p.textDocument.uri) ? F.definition(ctx(), P(p.textDocument.uri)!, p.position) : null)));
  connection.onReferences(safe('references', [], (p) => (P(p.textDocument.uri) ? F.references(ctx(), P(p.textDocument.uri)!, p.position, p.context.includeDeclaration) : [])));
  connection.onPrepareRename(safe('prepareRename', null, (p) => (state!.trusted && P(p.textDocument.uri) ? F.prepareRename(ctx(), P(p.textDocument.uri)!, p.position) : null)));
  connection.onRenameRequest(
    safe('rename', null, (p) => {
      if (!state!.trusted) throw new F.RenameError('rename is disabled in an untrusted workspace');
      return P(p.textDocument.uri) ? F.rename(ctx(), P(p.textDocument.uri)!, p.position, p.newName) : null;
    }),
  );
  connection.onDocumentSymbol(safe('documentSymbol', [], (p) => (P(p.textDocument.uri) ? F.documentSymbols(ctx(), P(p.textDocument.uri)!) : [])));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', [], (p) => F.workspaceSymbols(ctx(), p.query)));
  connection.onDocumentLinks(safe('documentLinks', [], (p) => (P(p.textDocument.uri) ? F.documentLinks(ctx(), P(p.textDocument.uri)!) : [])));
  connection.onCodeLens(safe('codeLens', [], (p) => (settings.codeLens && P(p.textDocument.uri) ? F.codeLenses(ctx(), P(p.textDocument.uri)!) : [])));
  connection.onCodeAction(
    safe('codeAction', [], async (p) => {
      await chain;
      // Fixes are computed from the documents as the server has them now (every queued edit applied).
      state!.check();
      return P(p.textDocument.uri) ? F.codeActions(ctx(), P(p.textDocument.uri)!, p) : [];
    }),
  );
  connection.onExecuteCommand(
    safe('executeCommand', null, async (p) => {
      if (p.command === SERVER_COMMANDS.reindex) {
        await enqueue(index);
        return null;
      }
      if (p.command === SERVER_COMMANDS.markReviewed) {
        const args = (p.arguments ?? []) as (LinkRef | { id: string })[];
        const links = args.filter((a): a is LinkRef => !!a && 'relation' in a);
        const id = args.find((a) => a && !('relation' in a))?.id;
        return markReviewed({ links: links.length ? links : undefined, id });
      }
      return null;
    }),
  );

  // ---- custom requests -----------------------------------------------------------------------------
  connection.onRequest(
    TreeDataRequest,
    safe('treeData', { rows: [], coverage: { total: 0, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } }, zones: [] }, async (p) => {
      await chain;
      const kinds = p.filter?.kinds?.length ? p.filter.kinds : ['requirement'];
      return { rows: rowsFor(state!, paths, kinds, p.filter), coverage: coverageSummary(state!), zones: state!.graph.byKind.zone.map((z) => z.id) };
    }),
  );
  connection.onRequest(
    MatrixRequest,
    safe('matrix', { version: 1 as const, rows: [], coverage: { total: 0, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } } }, async (p) => {
      await chain;
      const kinds = p.kinds?.length ? p.kinds : ['requirement'];
      return { version: 1 as const, rows: rowsFor(state!, paths, kinds, p.filter), coverage: coverageSummary(state!) };
    }),
  );
  connection.onRequest(
    TraceMatrixRequest,
    safe('traceMatrix', null as unknown as Matrix, async (p) => {
      await chain;
      return buildMatrixFrom(state!.traceIndex().index, p?.views?.length ? p.views : VIEWS);
    }),
  );
  connection.onRequest(
    ZoneDiagramRequest,
    safe('zoneDiagram', null as unknown as ZoneDiagram, async () => {
      await chain;
      return zoneDiagram(state!.traceIndex().index);
    }),
  );
  connection.onRequest(MarkReviewedRequest, safe('markReviewed', { ok: false, message: 'internal error', marked: 0 }, (p) => markReviewed(p)));
  connection.onRequest(
    InsertTagRequest,
    safe('insertTag', null, async (p) => {
      const path = P(p.uri);
      if (!path || !state!.trusted) return null;
      const doc = docs.get(p.uri);
      const text = doc?.getText() ?? (await state!.readTextOf(path));
      if (text === undefined) return null;
      await enqueue(async () => {
        if (!state!.code.files.get(path)?.symbols.length) await state!.code.update(path, text, { force: true, open: docs.has(p.uri) });
      });
      const edit = F.insertTagEdit(ctx(), path, text, p.line, p.relation, p.id);
      return edit ? { uri: p.uri, edit } : null;
    }),
  );
  connection.onRequest(TagCandidatesRequest, safe('tagCandidates', [], (p) => (P(p.uri) ? F.tagCandidates(ctx(), P(p.uri)!) : [])));

  async function markReviewed(p: MarkReviewedParams): Promise<MarkReviewedResult> {
    await chain;
    const s = state!;
    if (!s.trusted) return { ok: false, message: 'marking links reviewed is disabled in an untrusted workspace', marked: 0 };
    const all = s.code.links();
    let chosen: CodeLink[];
    if (p.links?.length) {
      const want = new Set(p.links.map((l) => JSON.stringify([l.id, l.relation, l.file, l.symbol])));
      chosen = all.filter((l) => want.has(JSON.stringify([l.id, l.relation, l.file, l.symbol])));
    } else if (p.id) chosen = all.filter((l) => l.id === p.id);
    else chosen = [];
    const reviewer = p.reviewer || settings.reviewer || defaultReviewer();
    const outcome = await recordReviews(paths.root, s.graph, chosen, reviewer);
    if (!outcome.ok) return { ok: false, message: outcome.message, marked: 0 };
    await enqueue(() => s.fileChanged(s.config.lockFile || 'spdf.lock.json', 'changed'));
    schedule();
    return { ok: true, message: outcome.message, marked: outcome.marked.length };
  }

  connection.onShutdown(() => {
    disposed = true;
    if (timer) clearTimeout(timer);
    if (statusTimer) clearTimeout(statusTimer);
    state?.dispose();
  });

  connection.listen();
}

function settingsFrom(s: Record<string, unknown>, prev: ServerSettings): ServerSettings {
  const get = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), s);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  return {
    debounceMs: num(get('diagnostics.debounceMs') ?? get('debounceMs'), prev.debounceMs),
    codeLens: bool(get('codeLens.enable') ?? get('codeLens'), prev.codeLens),
    rulesDocsUrl: str(get('rulesDocsUrl'), prev.rulesDocsUrl),
    reviewer: str(get('review.reviewer') ?? get('reviewer'), prev.reviewer),
    codeLinks: bool(get('codeLinks.enable') ?? get('codeLinks'), prev.codeLinks),
  };
}

/** The bundle ships the .wasm grammars beside dist/server.js; from source, the npm packages are used. */
function wasmDirDefault(): string | undefined {
  return __filename.endsWith('.js') ? dirname(__filename) : undefined;
}
