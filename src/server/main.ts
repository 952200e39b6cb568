/**
 * The SPDF language server: builds the session, the diagnostics publisher and the status reporter, and registers
 * every handler. Request handlers go through `safe` and notifications through `guard` (handlers/safe.ts): an
 * exception is logged and answered with an empty result, never a dead server.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DiagnosticsPublisher } from './diagnostics';
import { registerCustomRequests } from './handlers/custom-requests';
import { registerEvidenceDiff } from './handlers/evidence-diff';
import { registerDocumentHandlers } from './handlers/documents';
import { registerLanguageFeatures } from './handlers/language-features';
import { registerLifecycleHandlers } from './handlers/lifecycle';
import type { ServerParts } from './server-parts';
import { ServerSession, type ServerOptions } from './session';
import { StatusReporter } from './status';
import { indexWorkspace } from './workspace-indexer';

export type { ServerOptions } from './session';

export interface StartedServer {
  /** Settles when the first index has run (or failed), with the workspace's trust then. */
  firstIndex: Promise<{ trusted: boolean }>;
}

export function startServer(connection: Connection, options: ServerOptions = {}): StartedServer {
  const session = new ServerSession(connection, options);
  const status = new StatusReporter(session);
  const diagnostics = new DiagnosticsPublisher(session, status);
  let indexed: (v: { trusted: boolean }) => void = () => undefined;
  const firstIndex = new Promise<{ trusted: boolean }>((resolve) => (indexed = resolve));
  const parts: ServerParts = { session, diagnostics, status, index: () => indexWorkspace(session, diagnostics, status).finally(() => indexed({ trusted: session.trusted })) };
  registerLifecycleHandlers(parts);
  registerDocumentHandlers(parts);
  registerLanguageFeatures(parts);
  registerCustomRequests(parts);
  registerEvidenceDiff(parts);
  connection.listen();
  return { firstIndex };
}
