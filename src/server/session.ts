/**
 * What the server's parts share: the connection, the client's open documents, the path mapping, the current
 * workspace state, settings and trust, and the queue that runs mutations one after another in arrival order.
 */
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { WatchedFiles } from '../node/watched-files';
import { DEFAULT_SETTINGS, type ServerSettings } from '../protocol';
import { defaultDocsUrl, type Paths } from './convert';
import type { FeatureContext } from './features/feature-context';
import type { WorkspaceState } from './state';

export interface ServerOptions {
  /** Folder of the .wasm grammars (default: the folder of this bundle). */
  wasmDir?: string;
}

export class ServerSession {
  /** Open documents by client URI. */
  readonly docs = new Map<string, TextDocument>();
  /** Set by `initialize`. */
  paths: Paths | undefined;
  /** Set when the first index is complete; replaced whole by a re-index. */
  state: WorkspaceState | undefined;
  /** Settles when the current (re-)index has run: handlers wait for it. */
  ready: Promise<void> = Promise.resolve();
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  trusted = true;
  docsUrl: string | undefined = defaultDocsUrl();
  caps: ClientCapabilities = {};
  disposed = false;
  private chain: Promise<unknown> = Promise.resolve();
  /** File watchers registered with the client: the built-in globs, plus the extensions `code.languages` adds. */
  readonly watchers: WatchedFiles;

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {
    this.watchers = new WatchedFiles((globs) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch(() => undefined));
  }

  /** Queues a mutation behind the ones already queued. */
  enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.chain.then(fn, fn);
    this.chain = p.catch((e) => this.logError('update', e));
    return p;
  }

  /** Settles when every mutation queued so far has run. */
  settled(): Promise<unknown> {
    return this.chain;
  }

  log(m: string): void {
    if (!this.disposed) this.connection.console.log(`[spdf] ${m}`);
  }

  logError(where: string, e: unknown): void {
    if (this.disposed) return;
    try {
      this.connection.console.error(`[spdf] ${where} failed: ${(e as Error)?.stack ?? String(e)}`);
    } catch {
      /* the connection is gone */
    }
  }

  /** What the features read, once the workspace is indexed. */
  featureContext(): FeatureContext | undefined {
    const { state, paths } = this;
    if (!state || !paths) return undefined;
    return {
      state,
      paths,
      openText: (p) => {
        for (const d of this.docs.values()) if (paths.toPath(d.uri) === p) return d.getText();
        return undefined;
      },
      openVersion: (p) => {
        for (const d of this.docs.values()) if (paths.toPath(d.uri) === p) return d.version;
        return undefined;
      },
      documentChanges: !!this.caps.workspace?.workspaceEdit?.documentChanges,
    };
  }
}
