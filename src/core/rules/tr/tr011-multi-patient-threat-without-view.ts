import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { hasText } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR011',
    alias: 'multi-patient-threat-without-view',
    severity: 'warning',
    category: 'threats',
    description: 'A threat on a shared asset (`multi_patient: true`, or in a cloud zone) neither states `multi_patient` nor references an architecture view.',
    rationale:
      'An attack on a server, cloud service or gateway that serves many devices can harm many patients at once; the FDA asks for a Multi-Patient Harm view and expects such threats to be assessed for it. The threat should say whether it can harm more than one patient (`multi_patient: true|false`) or point to the view that shows it (`view`).',
    source: 'FDA premarket cybersecurity guidance V.B.2 (Multi-Patient Harm view)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, 'assets', 'class', 'multi_patient', 'targets', 'view'],
    examples: {
      valid: [
        `assets:
  - id: AST-FLEET
    name: Fleet dose library data
    kind: data
    multi_patient: true
threats:
  - id: THR-001
    title: Dose library poisoned for the whole fleet
    stride: [T]
    targets: [AST-FLEET]
    multi_patient: true
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: Pumps reject limits outside the hard-coded envelope.
`,
      ],
      invalid: [
        `assets:
  - id: AST-FLEET
    name: Fleet dose library data
    kind: data
    multi_patient: true
threats:
  - id: THR-001
#       ^^^^^^^ TR011
    title: Dose library poisoned for the whole fleet
    stride: [T]
    targets: [AST-FLEET]
    score: {exploitability: medium, post_exploitability: low}
    no_safety_impact_rationale: Pumps reject limits outside the hard-coded envelope.
`,
      ],
    },
  },
  check(ctx) {
    const threats = ctx.graph.byKind.threat;
    if (!threats.length) return;
    const zg = zoneGraph(ctx);
    /** Why a target is shared by many patients, in words naming the trigger; undefined when it is not. */
    const sharedBecause = (target: ModelItem): string | undefined => {
      if (target.kind === 'zone') return target.data.class === 'cloud' ? `cloud zone '${target.id}'` : undefined;
      if (target.kind !== 'asset') return undefined;
      if (target.data.multi_patient === true) return `asset '${target.id}', marked \`multi_patient: true\``;
      const zone = zg.zoneOf(target.id);
      return zone?.data.class === 'cloud' ? `asset '${target.id}' in cloud zone '${zone.id}'` : undefined;
    };
    for (const t of threats) {
      if (typeof t.data.multi_patient === 'boolean' || hasText(t.data.view)) continue;
      let why: string | undefined;
      for (const r of ctx.graph.refsOf.get(t) ?? []) if (!why && r.field === 'targets' && r.target) why = sharedBecause(r.target);
      if (!why) continue;
      ctx.report({
        file: t.file,
        range: ctx.rangeOf(t),
        message: `threat '${t.id}' targets ${why}: say whether it can harm several patients (\`multi_patient: true|false\`) or reference the multi-patient harm view (\`view\`)`,
      });
    }
  },
};
export default rule;
