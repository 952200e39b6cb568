/**
 * What the server's parts share: the connection, the client's open documents, the roots (each with its path
 * mapping and workspace state), settings and trust, and the queue that runs mutations one after another in arrival order.
 */
import { readFileSync } from 'node:fs';
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { WatchedFiles } from '../node/watched-files';
import { DEFAULT_SETTINGS, type ServerSettings } from '../protocol';
import { defaultDocsUrl, type Paths } from './convert';
import type { FeatureContext } from './features/feature-context';
import { HeapCollector } from './heap-collector';
import type { WorkspaceState } from './state';

export interface ServerOptions {
  /** Folder of the .wasm grammars (default: the folder of this bundle). */
  wasmDir?: string;
  /** The full collections (default: V8's; tests count them). */
  heap?: HeapCollector;
}

/** One served workspace root (a folder with its spdf.config.yaml): its path mapping and its own state. */
export interface Root {
  paths: Paths;
  /** Set when the first index is complete; replaced whole by a re-index. */
  state: WorkspaceState | undefined;
}

export class ServerSession {
  /** Open documents by client URI. */
  readonly docs = new Map<string, TextDocument>();
  /** Every workspace folder's root (set by `initialize`); the first is the primary one (status, tree, matrix). */
  roots: Root[] = [];
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
  /** Full collections after indexing and after checks that grew the heap (src/server/heap-collector.ts). */
  readonly heap: HeapCollector;

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {
    this.heap = options.heap ?? new HeapCollector();
    this.watchers = new WatchedFiles((globs) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }).catch(() => undefined));
  }

  get paths(): Paths | undefined {
    return this.roots[0]?.paths;
  }

  get state(): WorkspaceState | undefined {
    return this.roots[0]?.state;
  }

  /** The root a document belongs to: the innermost root that contains it. */
  rootOf(uri: string): Root | undefined {
    let best: Root | undefined;
    for (const r of this.roots) if (r.paths.toPath(uri) !== undefined && (!best || r.paths.root.length > best.paths.root.length)) best = r;
    return best;
  }

  /** Watches the source files that any root's `code.languages` adds, and the SBOM, VEX and test evidence files any root's model names. */
  followWatchedFiles(): void {
    this.watchers.follow(Object.assign({}, ...this.roots.map((r) => r.state?.config.code.languages ?? {})) as Record<string, string>);
    this.watchers.followFiles(
      this.roots.flatMap((r) => [...(r.state?.sboms.paths ?? []), ...(r.state?.evidence.watched ?? [])]),
      this.roots.flatMap((r) => r.state?.config.testResults ?? []),
    );
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

  /** What the features read for one root (the primary one by default), once it is indexed. */
  featureContext(root: Root | undefined = this.roots[0]): FeatureContext | undefined {
    const state = root?.state;
    const paths = root?.paths;
    if (!state || !paths) return undefined;
    return {
      state,
      paths,
      openText: (p) => {
        for (const d of this.docs.values()) if (paths.toPath(d.uri) === p) return d.getText();
        return undefined;
      },
      diskText: (p) => {
        try {
          return readFileSync(paths.abs(p), 'utf8').replace(/^\uFEFF/, '');
        } catch {
          return undefined;
        }
      },
      openVersion: (p) => {
        for (const d of this.docs.values()) if (paths.toPath(d.uri) === p) return d.version;
        return undefined;
      },
      documentChanges: !!this.caps.workspace?.workspaceEdit?.documentChanges,
    };
  }
}
