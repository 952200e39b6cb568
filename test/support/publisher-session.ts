import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Finding } from '../../src/core/types';
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

/** The one model file of `oneFilePublisher`. */
export const ONE_FILE = 'model/m.spdf.yaml';

/** A warning in `ONE_FILE` at line `i`. */
export function oneFileFinding(i: number, message = `requirement SEC-REQ-${i} has no verification`): Finding {
  return { code: 'TM001', severity: 'warning', message, file: ONE_FILE, range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } } };
}

/** A publisher over one root whose state holds `findings.current` for `ONE_FILE`; `sent` collects what it publishes, `published` and `lastFindings` are what it keeps. */
export function oneFilePublisher(findings: { current: Finding[] }) {
  const state = {
    get findingsByFile() {
      return new Map([[ONE_FILE, findings.current]]);
    },
    baselined: new Set<Finding>(),
    code: { unscanned: new Map(), problems: [] },
    inputProblems: { list: () => [], notesOf: () => [] },
    allFiles: () => [],
    opts: { codeLinks: false },
  };
  const { publisher: p, sent } = publisherOver([{ paths: { root: '/ws', toUri: (path: string) => `file:///ws/${path}` }, state } as unknown as Root]);
  const internals = p as unknown as { published: Map<string, string>; lastFindings: Map<string, readonly Finding[]> };
  return { p, sent, published: internals.published, lastFindings: internals.lastFindings };
}
