import type { MatrixView } from './model';
import { THREAT_TITLES, threatRow } from './threat-row';
import type { ViewContext } from './view-context';

/** The FDA traceability view: each threat from pre-mitigation score through controls, requirements and tests to residual risk. */
export function fdaView(v: ViewContext): MatrixView {
  const rows = v.ix.graph.byKind.threat.filter((t) => v.ix.item(t.id) === t).map((t) => threatRow(v, t));
  return v.view('fda', ['id', 'title', 'pre', 'hazards', 'controls', 'requirements', 'tests', 'post', 'residual', 'status', 'why', 'suppressions'], rows, THREAT_TITLES);
}
