import type { MatrixView } from './model';
import type { ViewContext } from './view-context';

/** One row per requirement in scope: its threats, hazards, controls, where it applies, code and tests. */
export function requirementsView(v: ViewContext): MatrixView {
  const ix = v.ix;
  const rows = ix.graph.byKind.requirement
    .filter((r) => ix.inScope(r.id) && ix.item(r.id) === r)
    .map((r) => {
      const threats = ix.threatsOfRequirement(r.id);
      const hazards = ix.hazardsOfRequirement(r.id);
      const controls = ix.controlsOfRequirement(r.id);
      const where = v.zonesOfThreats(threats);
      v.addControlTargets(controls, where);
      return v.base(
        r,
        r.data.title ?? r.data.text,
        {
          threats: v.threatVals(threats),
          hazards: v.hazardVals(hazards),
          controls: v.idVals(controls),
          zones: v.idVals(where.zones),
          conduits: v.idVals(where.conduits),
          implementation: v.implVals(r),
          verification: v.verifVals(r),
        },
        v.rowZones(where),
        v.maxSeverity(hazards),
      );
    });
  return v.view('requirements', ['id', 'title', 'status', 'why', 'threats', 'hazards', 'controls', 'zones', 'conduits', 'implementation', 'verification', 'findings', 'suppressions'], rows);
}
