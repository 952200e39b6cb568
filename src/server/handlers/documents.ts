/** Document sync and watched files: each change becomes an overlay or file update on the queue, then a diagnostics run. */
import { FileChangeType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../code-index';
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
      const paths = session.paths;
      const path = paths?.toPath(doc.uri);
      if (!paths || !path) return;
      paths.clientUris.set(path, doc.uri);
      diagnostics.touch(path);
      update(() => session.state?.setOverlay(path, doc.getText()));
      diagnostics.schedule();
    }),
  );

  connection.onDidChangeTextDocument(
    guard(session, 'didChange', (p) => {
      const doc = docs.get(p.textDocument.uri);
      if (!doc) return;
      const changes: TextChange[] = p.contentChanges.map((c) => ('range' in c ? { range: c.range, text: c.text } : { text: c.text }));
      TextDocument.update(doc, p.contentChanges, p.textDocument.version);
      const path = session.paths?.toPath(doc.uri);
      if (!path) return;
      diagnostics.touch(path);
      const now = doc.getText();
      update(() => session.state?.setOverlay(path, now, changes));
      diagnostics.schedule();
    }),
  );

  connection.onDidCloseTextDocument(
    guard(session, 'didClose', (p) => {
      docs.delete(p.textDocument.uri);
      const paths = session.paths;
      const path = paths?.toPath(p.textDocument.uri);
      if (!paths || !path) return;
      paths.clientUris.delete(path);
      update(() => session.state?.closeOverlay(path));
      diagnostics.schedule();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard(session, 'didChangeWatchedFiles', (p) => {
      for (const ch of p.changes) {
        const path = session.paths?.toPath(ch.uri);
        if (!path) continue;
        const type = ch.type === FileChangeType.Created ? 'created' : ch.type === FileChangeType.Deleted ? 'deleted' : 'changed';
        update(() => session.state?.fileChanged(path, type));
      }
      diagnostics.schedule();
    }),
  );
}
