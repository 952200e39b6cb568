// @spdf implements SPDF-SBOM-VIEW
import type { Cell, MatrixView } from './model';
import type { ViewContext } from './view-context';

const text = (v: unknown): Cell => (typeof v === 'string' || typeof v === 'number' ? [{ text: String(v) }] : []);
const texts = (v: unknown): Cell => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').map((x) => ({ text: x })) : []);

/**
 * One row per SBOM component (from the SBOMs the model names, or `components`): version, supplier, licences,
 * support, known vulnerabilities with their VEX dispositions, and the threats and controls linked to it.
 */
export function sbomView(v: ViewContext): MatrixView {
  const ix = v.ix;
  const rows = ix.graph.byKind.component
    .filter((c) => ix.item(c.id) === c)
    .map((c) => {
      const d = c.data;
      const threats = ix.threatsOfComponent(c.id);
      const controls = new Set(ix.controlsOfComponent(c.id));
      for (const t of threats) for (const ctl of ix.controlsOf(t)) controls.add(ctl);
      const where = v.zonesOfThreats(threats);
      for (const a of d.assets ?? []) if (typeof a === 'string') for (const z of ix.zonesOfTarget(a)) where.zones.add(z);
      const vulns = (d.vulnerabilities ?? []).filter((x) => x && x.id !== undefined && x.id !== null);
      return v.base(
        c,
        d.name,
        {
          version: text(d.version),
          supplier: text(d.supplier),
          licenses: texts(d.licenses),
          support: text(d.support_level),
          end_of_support: text(d.end_of_support),
          vulnerabilities: vulns.map((x) => ({ text: String(x!.id) })),
          disposition: vulns.map((x) => ({ text: `${String(x!.id)}: ${x!.status ?? 'no disposition'}${x!.justification ? ` (${String(x!.justification)})` : ''}` })),
          assets: v.idVals((d.assets ?? []).filter((a): a is string => typeof a === 'string')),
          threats: v.threatVals(threats),
          controls: v.idVals(controls),
          sbom: text(d.sbom),
        },
        v.rowZones(where),
      );
    });
  return v.view(
    'sbom',
    [
      'id',
      'title',
      'status',
      'why',
      'version',
      'supplier',
      'licenses',
      'support',
      'end_of_support',
      'vulnerabilities',
      'disposition',
      'assets',
      'threats',
      'controls',
      'sbom',
      'findings',
      'suppressions',
    ],
    rows,
    {
      title: 'Component',
      version: 'Version',
      supplier: 'Supplier',
      licenses: 'Licences',
      support: 'Support level',
      end_of_support: 'End of support',
      vulnerabilities: 'Known vulnerabilities',
      disposition: 'Disposition (VEX)',
      assets: 'Assets',
      threats: 'Linked threats (pre -> post)',
      controls: 'Linked controls',
      sbom: 'SBOM',
    },
  );
}
