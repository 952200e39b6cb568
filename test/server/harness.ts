/**
 * In-process LSP harness: the real server (startServer) on one end of a pair of streams, a JSON-RPC
 * client on the other. Workspaces are written to a temp folder so the server's fs host reads them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, WorkDoneProgress, type Connection } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '../../src/server/main';

export interface Harness {
  root: string;
  client: MessageConnection;
  uri(path: string): string;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Version of the latest publishDiagnostics per URI. */
  publishedVersions: Map<string, number>;
  /** Every notification in arrival order (publishDiagnostics and work-done progress included). */
  notifications: { method: string; params: unknown }[];
  /** Capabilities the server registered (`client/registerCapability`) and unregistered, in order. */
  registrations: { method: string; params: unknown }[];
  logs: string[];
  /** Resolves with the next publishDiagnostics for `path` that satisfies `pred`. */
  waitDiagnostics(path: string, pred?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(path: string, text?: string, languageId?: string): Promise<void>;
  change(path: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<void>;
  files: Record<string, string>;
}

export async function startHarness(
  files: Record<string, string>,
  opts: {
    trusted?: boolean;
    capabilities?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    folders?: string[];
    prepare?: (root: string) => void;
    /** The server's options, and a look at its end of the connection before it starts. */
    server?: ServerOptions;
    serverConnection?: (c: Connection) => void;
    /** The workspace folder to serve (the files are written into it); the caller removes it. Default: a new folder, removed on close. */
    root?: string;
  } = {},
): Promise<Harness> {
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'spdf-lsp-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), t);
  }
  opts.prepare?.(root);
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  opts.serverConnection?.(serverConn);
  startServer(serverConn, opts.server);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const diagnostics = new Map<string, Diagnostic[]>();
  const publishedVersions = new Map<string, number>();
  const waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  const logs: string[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    notifications.push({ method: 'textDocument/publishDiagnostics', params: p });
    if (p.version !== undefined) publishedVersions.set(p.uri, p.version);
    for (const w of [...waiters])
      if (w.uri === p.uri && w.pred(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
  });
  client.onNotification('window/logMessage', (p: unknown) => {
    logs.push((p as { message: string }).message);
  });
  client.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
  });
  client.onRequest('workspace/configuration', () => [opts.settings ?? {}]);
  const registrations: { method: string; params: unknown }[] = [];
  client.onRequest('client/registerCapability', (params: unknown) => {
    registrations.push({ method: 'client/registerCapability', params });
    return null;
  });
  client.onRequest('client/unregisterCapability', (params: unknown) => {
    registrations.push({ method: 'client/unregisterCapability', params });
    return null;
  });
  client.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
    client.onProgress(WorkDoneProgress.type, p.token, (value) => {
      notifications.push({ method: '$/progress', params: { token: p.token, value } });
    });
    return null;
  });
  client.onRequest('workspace/applyEdit', () => ({ applied: true }));
  client.listen();
  const uri = (p: string) => pathToFileURL(join(root, p)).href;
  await client.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: (opts.folders ?? ['.']).map((f) => ({ uri: pathToFileURL(join(root, f)).href, name: f })),
    capabilities: opts.capabilities ?? {
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    initializationOptions: { trusted: opts.trusted ?? true, settings: opts.settings },
  });
  await client.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  const h: Harness = {
    root,
    client,
    uri,
    diagnostics,
    publishedVersions,
    notifications,
    registrations,
    logs,
    files,
    waitDiagnostics(path, pred = () => true, timeoutMs = 15000) {
      return new Promise((resolve, reject) => {
        const w = { uri: uri(path), pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no matching diagnostics for ${path} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri(path)))}`));
          }
        }, timeoutMs);
      });
    },
    async open(path, text, languageId) {
      versions.set(path, 1);
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uri(path), languageId: languageId ?? (path.endsWith('.yaml') ? 'yaml' : 'c'), version: 1, text: text ?? files[path] },
      });
    },
    change(path, version, changes) {
      void client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: changes });
    },
    request(method, params) {
      return client.sendRequest(method, params);
    },
    async close() {
      try {
        await client.sendRequest('shutdown');
      } catch {
        /* ignore */
      }
      client.dispose();
      serverConn.dispose();
      if (!opts.root) rmSync(root, { recursive: true, force: true });
    },
  };
  return h;
}

/** Position of the `n`-th occurrence of `needle` in `text` (plus `delta` characters). */
/** A diagnostic's message as text (LSP allows Markdown content there; this server sends plain strings). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function posOf(text: string, needle: string, delta = 0, n = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

/** Glob patterns of every file watcher the server registered with the client so far. */
export function watchedGlobs(h: Harness): string[] {
  return h.registrations
    .filter((r) => r.method === 'client/registerCapability')
    .flatMap((r) => (r.params as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }).registrations)
    .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
    .flatMap((r) => r.registerOptions.watchers.map((w) => w.globPattern));
}

/** Polls `pred` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, pred: () => boolean, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A `serverConnection` option that pushes 'complete status written' to `events` once the first complete status is written. */
export function recordCompleteStatusWritten(events: string[]): (c: Connection) => void {
  return (c) => {
    const send = c.sendNotification.bind(c) as (type: unknown, params?: unknown) => Promise<void>;
    c.sendNotification = ((type: { method?: string } | string, params?: { indexing?: boolean }) => {
      const written = send(type, params);
      const method = typeof type === 'string' ? type : type.method;
      if (method === 'spdf/status' && params?.indexing === false) void written.then(() => events.push('complete status written'));
      return written;
    }) as typeof c.sendNotification;
  };
}
