import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { strList } from './helpers';

/** STRIDE-per-element: the categories every data flow (and so every conduit) is exposed to. */
const FLOW_STRIDE = ['T', 'I', 'D'] as const;
const NAMES: Record<string, string> = { T: 'Tampering', I: 'Information disclosure', D: 'Denial of service' };

const rule: Rule = {
  meta: {
    code: 'TR010',
    alias: 'conduit-without-stride-coverage',
    severity: 'warning',
    category: 'threats',
    description: 'A conduit between two zones has no threat considered for Tampering, Information disclosure or Denial of service.',
    rationale:
      'STRIDE-per-element says a data flow is exposed to Tampering, Information disclosure and Denial of service; a conduit groups the flows crossing a zone boundary, so each of the three should be considered for it (a threat that targets the conduit or one of its flows, whatever its status: `n/a` with a rationale records a deliberate decision). The rule runs once the model has threats: it measures the coverage of a threat model, not its absence. Heuristic: the standards ask for a threat assessment per zone and conduit (IEC 62443-3-2 ZCR 5.1) but do not name categories.',
    source: 'Heuristic; IEC 62443-3-2 ZCR 5.1 (threats per zone and conduit); STRIDE-per-element (Microsoft SDL, OWASP Threat Dragon)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, 'stride', 'targets'],
    examples: {
      valid: [
        `zones:
  - id: Z-HIS
    name: Hospital IT
    class: it
    accountable_org: Hospital IT
    boundary: {logical: Hospital LAN, physical: Hospital data centre}
    access_points: []
    safety_designation: false
    sl_t: 0
  - id: Z-DMZ
    name: Integration DMZ
    class: dmz
    accountable_org: Hospital IT
    boundary: {logical: DMZ VLAN, physical: Hospital data centre}
    access_points: []
    safety_designation: false
    sl_t: 0
conduits:
  - id: C-HIS-DMZ
    zones: [Z-HIS, Z-DMZ]
    sl_t: 0
threats:
  - id: THR-001
    title: Orders altered, read or blocked between HIS and DMZ
    stride: [T, I, D]
    targets: [C-HIS-DMZ]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: Orders are re-validated at the pump.
`,
      ],
      invalid: [
        `zones:
  - id: Z-HIS
    name: Hospital IT
    class: it
    accountable_org: Hospital IT
    boundary: {logical: Hospital LAN, physical: Hospital data centre}
    access_points: []
    safety_designation: false
    sl_t: 0
  - id: Z-DMZ
    name: Integration DMZ
    class: dmz
    accountable_org: Hospital IT
    boundary: {logical: DMZ VLAN, physical: Hospital data centre}
    access_points: []
    safety_designation: false
    sl_t: 0
conduits:
  - id: C-HIS-DMZ
#       ^^^^^^^^^ TR010
    zones: [Z-HIS, Z-DMZ]
    sl_t: 0
threats:
  - id: THR-001
    title: Orders altered between HIS and DMZ
    stride: [T]
    targets: [C-HIS-DMZ]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: Orders are re-validated at the pump.
`,
      ],
    },
  },
  check(ctx) {
    const conduits = ctx.graph.byKind.conduit;
    // Coverage of a threat model: a model without threats has none to measure (zones-first projects).
    if (!conduits.length || !ctx.graph.byKind.threat.length) return;
    const zg = zoneGraph(ctx);
    // Conduits carrying each flow, to credit threats on flows to their conduits.
    const conduitsOfFlow = new Map<ModelItem, ModelItem[]>();
    for (const c of conduits)
      for (const f of zg.flowsOf(c)) {
        const l = conduitsOfFlow.get(f);
        if (l) l.push(c);
        else conduitsOfFlow.set(f, [c]);
      }
    const covered = new Map<ModelItem, Set<string>>();
    for (const t of ctx.graph.byKind.threat) {
      const letters = strList(t.data.stride);
      if (!letters.length) continue;
      for (const r of ctx.graph.refsOf.get(t) ?? []) {
        if (r.field !== 'targets' || !r.target) continue;
        const hit = r.target.kind === 'conduit' ? [r.target] : r.target.kind === 'flow' ? (conduitsOfFlow.get(r.target) ?? []) : [];
        for (const c of hit) {
          let s = covered.get(c);
          if (!s) covered.set(c, (s = new Set()));
          for (const l of letters) s.add(l);
        }
      }
    }
    for (const c of conduits) {
      if (ctx.graph.byId.get(c.id) !== c || zg.conduitZones(c).length < 2) continue;
      const s = covered.get(c);
      const missing = FLOW_STRIDE.filter((l) => !s?.has(l));
      if (!missing.length) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c),
        message: `conduit '${c.id}' crosses zones ${zg
          .conduitZones(c)
          .map((z) => z.id)
          .join(' and ')} but no threat on it or its flows considers ${missing.map((l) => `${NAMES[l]} (${l})`).join(', ')}`,
      });
    }
  },
};
export default rule;
