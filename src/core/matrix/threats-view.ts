import type { MatrixView } from './model';
import { THREAT_TITLES, threatRow } from './threat-row';
import type { ViewContext } from './view-context';

/** One row per threat: STRIDE, targets, scores, hazards, controls, requirements, residual risk. */
export function threatsView(v: ViewContext): MatrixView {
  const rows = v.ix.graph.byKind.threat.filter((t) => v.ix.item(t.id) === t).map((t) => threatRow(v, t));
  return v.view('threats', ['id', 'title', 'status', 'why', 'stride', 'targets', 'pre', 'post', 'hazards', 'controls', 'requirements', 'residual', 'findings', 'suppressions'], rows, THREAT_TITLES);
}
