// @spdf implements SPDF-LSP-START, SPDF-LSP-INDEX-CACHE, SPDF-LSP-EARLY-CACHE
/** (Re)indexes every root with work-done progress: a root's new `WorkspaceState` replaces its old one only when complete. */
import { dirname, join } from 'node:path';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { workspaceCacheDir } from '../node/cache-location';
import { FsHost } from '../node/fs-host';
import type { DiagnosticsPublisher } from './diagnostics';
import type { Finding } from '../core/types';
import type { Root, ServerSession } from './session';
import { WorkspaceState } from './state';
import type { StatusReporter } from './status';

export async function indexWorkspace(session: ServerSession, diagnostics: DiagnosticsPublisher, status: StatusReporter): Promise<void> {
  const { connection, roots } = session;
  if (!roots.length) throw new Error('the workspace is indexed only after initialize');
  const started = Date.now();
  let progress: WorkDoneProgressServerReporter | undefined;
  if (session.caps.window?.workDoneProgress) {
    try {
      progress = await connection.window.createWorkDoneProgress();
      progress.begin('SPDF: indexing', 0, 'listing files', false);
    } catch {
      progress = undefined;
    }
  }
  void status.send(true);
  // A first index records its early diagnostics as published: the publish after it sends only what changed.
  const first = roots.every((r) => !r.state);
  for (const root of roots) {
    const { paths } = root;
    const next = new WorkspaceState(new FsHost(paths.root), {
      root: paths.root,
      trusted: session.trusted,
      codeLinks: session.settings.codeLinks,
      wasmDir: session.options.wasmDir ?? wasmDirDefault(),
      cacheDir: session.trusted ? editorCacheDir(paths.root) : undefined,
    });
    for (const d of session.docs.values()) {
      const p = session.rootOf(d.uri) === root ? paths.toPath(d.uri) : undefined;
      if (p) next.overlays.set(p, d.getText());
    }
    const report = (message: string, pct?: number) => progress?.report(pct ?? 0, roots.length > 1 ? `${paths.root}: ${message}` : message);
    // A first index shows the model rules' findings before the code index is built (a re-index keeps the complete ones).
    const early = (byFile: Map<string, Finding[]>, cached?: boolean) => {
      if (cached) session.log(`model findings of ${paths.root} shown from the cache before the model is parsed (they are checked once it is)`);
      return publishModelFindings(session, diagnostics, root, next, byFile);
    };
    await next.loadAll(report, undefined, root.state ? undefined : early);
    root.state?.dispose();
    root.state = next;
    next.check();
    session.log(
      `indexed ${next.graph.items.length} items in ${next.graph.files.length} model files and ${next.code.files.size} tagged source files in ${Date.now() - started} ms (root ${paths.root}${session.trusted ? '' : ', untrusted'})`,
    );
    for (const p of next.code.problems) session.log(`not indexed: ${p}`);
  }
  session.followWatchedFiles();
  progress?.done();
  diagnostics.publishAll(!first, true);
  // The digests of the diagnostics just sent, storing the model findings for the next start (about 0.2 s of CPU at
  // 20,000 requirements) and the full collection (it pauses this thread for hundreds of ms) wait until the complete
  // status is written.
  void status.send(false).then(() => {
    diagnostics.settleDigests();
    for (const root of roots) {
      if (!root.state?.keepEarly) continue;
      root.state.keepEarly();
      root.state.keepEarly = undefined;
      session.log(`model findings of ${root.paths.root} kept for the next start`);
    }
    session.heap.now();
  });
}

/**
 * The findings of the rules that do not read the code index, while the status still says indexing. Only files
 * with at least one such finding are sent, so no file is shown without problems before the code rules ran; a file
 * whose complete findings differ is sent again by the publish after the check (model findings stay in the complete
 * result). Not with a baseline (its matching is applied to the complete findings only).
 */
function publishModelFindings(session: ServerSession, diagnostics: DiagnosticsPublisher, root: Root, state: WorkspaceState, byFile: Map<string, Finding[]>): Promise<void> {
  if (session.disposed || state.config.baseline !== undefined) return Promise.resolve();
  // The connection writes one message per turn of the event loop: the code rules, next on this thread, wait for them.
  return diagnostics.publishEarly(root, byFile);
}

/** The bundle ships the .wasm grammars beside dist/server.js; from source, the npm packages are used. */
function wasmDirDefault(): string | undefined {
  return __filename.endsWith('.js') ? dirname(__filename) : undefined;
}

/**
 * The editor's code-index cache: a folder of its own in the workspace's folder of the user cache (none when that lies
 * inside the workspace). Its entries are keyed by the server bundle's build, so in the CLI's folder the two would
 * overwrite each other's shards at every alternation.
 */
function editorCacheDir(root: string): string | undefined {
  const dir = workspaceCacheDir(root);
  return dir === undefined ? undefined : join(dir, 'editor');
}
