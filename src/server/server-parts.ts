/** The parts of a running server that the handlers use. */
import type { DiagnosticsPublisher } from './diagnostics';
import type { ServerSession } from './session';
import type { StatusReporter } from './status';

export interface ServerParts {
  session: ServerSession;
  diagnostics: DiagnosticsPublisher;
  status: StatusReporter;
  /** (Re)indexes the whole workspace; callers queue it (`session.enqueue`). */
  index: () => Promise<void>;
}
