import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DiagnosticsPublisher } from '../../src/server/diagnostics';
import type { Root, ServerSession } from '../../src/server/session';
import type { StatusReporter } from '../../src/server/status';

/**
 * A diagnostics publisher over a fake session serving `roots` (the innermost root owns a URI), recording what it sends;
 * `written` answers when a message is written (the connection's promise), at once without it.
 */
export function publisherOver(roots: readonly Root[], written: () => Promise<void> = () => Promise.resolve()): { publisher: DiagnosticsPublisher; sent: PublishDiagnosticsParams[] } {
  const sent: PublishDiagnosticsParams[] = [];
  const session = {
    roots,
    rootOf: (uri: string) => [...roots].reverse().find((r) => r.paths.toPath?.(uri) !== undefined),
    docs: new Map(),
    settings: { baselineSeverity: 'hint' },
    docsUrl: undefined,
    disposed: false,
    connection: { sendDiagnostics: (p: PublishDiagnosticsParams) => (sent.push(p), written()) },
  } as unknown as ServerSession;
  return { publisher: new DiagnosticsPublisher(session, {} as StatusReporter), sent };
}
