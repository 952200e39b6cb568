import type { MatrixView } from './model';
import type { ViewContext } from './view-context';

/** One row per control: its type, the threats it mitigates, their hazards, its requirements, code and tests. */
export function controlsView(v: ViewContext): MatrixView {
  const ix = v.ix;
  const rows = ix.graph.byKind.control
    .filter((c) => ix.item(c.id) === c)
    .map((c) => {
      const threats = ix.threatsOfCtrl(c.id);
      const hazards = ix.hazardsOfThreats(threats);
      const where = v.zonesOfThreats(threats);
      v.addControlTargets([c.id], where);
      return v.base(
        c,
        c.data.title,
        {
          type: [{ text: [c.data.type, c.data.fda_category].filter((x) => typeof x === 'string').join(' / ') }],
          threats: v.threatVals(threats),
          hazards: v.hazardVals(hazards),
          requirements: v.idVals(ix.requirementsOf(c.id)),
          zones: v.idVals(where.zones),
          conduits: v.idVals(where.conduits),
          implementation: v.implVals(c),
          verification: v.verifVals(c),
        },
        v.rowZones(where),
        v.maxSeverity(hazards),
      );
    });
  return v.view('controls', ['id', 'title', 'status', 'why', 'type', 'threats', 'hazards', 'requirements', 'zones', 'conduits', 'implementation', 'verification', 'findings', 'suppressions'], rows, {
    type: 'Type / FDA category',
  });
}
