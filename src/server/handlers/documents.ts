/** Document sync and watched files: each change becomes an overlay or file update on the queue, then a diagnostics run. */
import { FileChangeType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerParts } from '../server-parts';
import { guard } from './safe';

export function registerDocumentHandlers({ session, diagnostics }: ServerParts): void {
  const { connection, docs } = session;
  /** Queues an update of the current state once the index is ready. */
  const update = (fn: () => Promise<unknown> | undefined) =>
    void session.enqueue(async () => {
      await session.ready;
      await fn();
    });

  connection.onDidOpenTextDocument(
    guard(session, 'didOpen', (p) => {
      const doc = TextDocument.create(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
      docs.set(doc.uri, doc);
      const root = session.rootOf(doc.uri);
      const path = root?.paths.toPath(doc.uri);
      if (!root || !path) return;
      root.paths.clientUris.set(path, doc.uri);
      diagnostics.touch(root, path);
      update(() => root.state?.setOverlay(path, doc.getText()));
      diagnostics.schedule();
    }),
  );

  connection.onDidChangeTextDocument(
    guard(session, 'didChange', (p) => {
      const doc = docs.get(p.textDocument.uri);
      if (!doc) return;
      TextDocument.update(doc, p.contentChanges, p.textDocument.version);
      const root = session.rootOf(doc.uri);
      const path = root?.paths.toPath(doc.uri);
      if (!root || !path) return;
      diagnostics.touch(root, path);
      const now = doc.getText();
      update(() => root.state?.setOverlay(path, now));
      diagnostics.schedule();
    }),
  );

  connection.onDidCloseTextDocument(
    guard(session, 'didClose', (p) => {
      docs.delete(p.textDocument.uri);
      const root = session.rootOf(p.textDocument.uri);
      const path = root?.paths.toPath(p.textDocument.uri);
      if (!root || !path) return;
      root.paths.clientUris.delete(path);
      update(() => root.state?.closeOverlay(path));
      diagnostics.schedule();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard(session, 'didChangeWatchedFiles', (p) => {
      for (const ch of p.changes) {
        const type = ch.type === FileChangeType.Created ? 'created' : ch.type === FileChangeType.Deleted ? 'deleted' : 'changed';
        // Every root whose folder holds the file, the innermost and any around it: each reads it again by its own config
        // and model as its load read it (a model or source file its globs choose, its JUnit results, a file its model
        // names), as `spdf check` on its folder reads it. Which root publishes the file's diagnostics is publishAll's.
        for (const root of session.roots) {
          const path = root.paths.toPath(ch.uri);
          if (path) update(() => root.state?.fileChanged(path, type));
        }
      }
      diagnostics.schedule();
    }),
  );
}
