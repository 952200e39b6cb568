import type { MatrixView } from './model';
import type { ViewContext } from './view-context';

/** One row per hazard: severity, situation and harm, the threats that lead to it, their controls and requirements. */
export function hazardsView(v: ViewContext): MatrixView {
  const ix = v.ix;
  const rows = ix.graph.byKind.hazard
    .filter((h) => ix.item(h.id) === h)
    .map((h) => {
      const threats = ix.threatsOfHaz(h.id);
      const controls = new Set<string>();
      for (const t of threats) for (const c of ix.controlsOf(t)) controls.add(c);
      const reqs = new Set<string>();
      for (const c of controls) for (const r of ix.requirementsOf(c)) reqs.add(r);
      const where = v.zonesOfThreats(threats);
      const sev = typeof h.data.severity === 'number' ? h.data.severity : undefined;
      return v.base(
        h,
        h.data.hazard,
        {
          severity: [{ text: v.sevName(h.data.severity) }],
          situation: [{ text: [h.data.hazardous_situation, h.data.harm ? `harm: ${h.data.harm}` : ''].filter((x) => typeof x === 'string' && x).join('; ') }],
          threats: v.threatVals(threats),
          controls: v.idVals(controls),
          requirements: v.idVals(reqs),
          zones: v.idVals(where.zones),
        },
        v.rowZones(where),
        sev,
      );
    });
  return v.view('hazards', ['id', 'title', 'status', 'why', 'severity', 'situation', 'threats', 'controls', 'requirements', 'zones', 'findings', 'suppressions'], rows, {
    title: 'Hazard',
    severity: 'Severity',
    situation: 'Hazardous situation / harm',
  });
}
