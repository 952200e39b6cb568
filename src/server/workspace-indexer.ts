/** (Re)indexes every root with work-done progress: a root's new `WorkspaceState` replaces its old one only when complete. */
import { dirname } from 'node:path';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { FsHost } from '../node/fs-host';
import type { DiagnosticsPublisher } from './diagnostics';
import type { ServerSession } from './session';
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
  status.send(true);
  for (const root of roots) {
    const { paths } = root;
    const next = new WorkspaceState(new FsHost(paths.root), {
      root: paths.root,
      trusted: session.trusted,
      codeLinks: session.settings.codeLinks,
      wasmDir: session.options.wasmDir ?? wasmDirDefault(),
    });
    for (const d of session.docs.values()) {
      const p = session.rootOf(d.uri) === root ? paths.toPath(d.uri) : undefined;
      if (p) next.overlays.set(p, d.getText());
    }
    await next.loadAll((message, pct) => progress?.report(pct ?? 0, roots.length > 1 ? `${paths.root}: ${message}` : message));
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
  diagnostics.publishAll(true);
  status.send(false);
}

/** The bundle ships the .wasm grammars beside dist/server.js; from source, the npm packages are used. */
function wasmDirDefault(): string | undefined {
  return __filename.endsWith('.js') ? dirname(__filename) : undefined;
}
