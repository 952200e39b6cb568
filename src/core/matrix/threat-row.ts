import type { ModelItem } from '../model/graph';
import { strs } from './field-values';
import type { Cell, MatrixRow } from './model';
import { sortIds, type ViewContext } from './view-context';

/** Column titles of the two views with a row per threat (threats, fda). */
export const THREAT_TITLES = {
  stride: 'STRIDE',
  targets: 'Targets',
  pre: 'Pre-mitigation score',
  post: 'Post-mitigation score',
  hazards: 'Hazards (severity)',
  controls: 'Controls',
  requirements: 'Requirements',
  tests: 'Tests (result)',
  residual: 'Residual risk / acceptance',
};

/** A threat from score before to residual risk after its controls, with every cell both threat views show. */
export function threatRow(v: ViewContext, t: ModelItem): MatrixRow {
  const ix = v.ix;
  const controls = ix.controlsOf(t.id);
  const hazards = ix.hazardsOf(t.id);
  const reqs = new Set<string>();
  for (const c of controls) for (const r of ix.requirementsOf(c)) reqs.add(r);
  for (const r of ix.requirementsOfThreatDirect(t.id)) reqs.add(r);
  const where = v.zonesOfThreats([t.id]);
  const s = t.data.score ?? {};
  const num = (x: unknown) => (typeof x === 'number' ? String(x) : '');
  const pre = [num(s.pre), typeof s.exploitability === 'string' ? `exploitability ${s.exploitability}` : ''].filter(Boolean).join(', ');
  const post = [num(s.post), typeof s.post_exploitability === 'string' ? `exploitability ${s.post_exploitability}` : ''].filter(Boolean).join(', ');
  const acc = t.data.acceptance ?? {};
  const residual = [
    `treatment: ${t.data.status ?? 'open'}`,
    ...(acc.by || acc.rationale ? [`accepted by ${acc.by ?? '?'}${acc.on ? ` on ${acc.on}` : ''}: ${acc.rationale ?? '(no rationale)'}`] : []),
  ];
  const tests: Cell = [];
  const seen = new Set<string>();
  for (const id of [...sortIds(reqs), ...controls]) {
    const it = ix.item(id);
    if (!it) continue;
    for (const val of v.verifVals(it))
      if (!seen.has(val.text)) {
        seen.add(val.text);
        tests.push(val);
      }
  }
  const cells: Record<string, Cell> = {
    stride: [{ text: strs(t.data.stride).join(' ') }],
    targets: v.idVals(ix.targetsOf(t.id)),
    pre: [{ text: pre }],
    hazards: v.hazardVals(hazards),
    controls: v.idVals(controls),
    requirements: v.idVals(reqs),
    tests,
    post: [{ text: post }],
    residual: residual.map((text) => ({ text })),
  };
  return v.base(t, t.data.title, cells, v.rowZones(where), v.maxSeverity(hazards));
}
