import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { isCyberDevice, TR_HELPERS_READS } from '../tr/helpers';
import { CYBER_SYSTEM } from './system-example';

const ZONE = `zones:
  - id: Z-PUMP
    name: Pump controller
    class: device
    accountable_org: R&D Firmware
    boundary: {logical: Internal UART bus, physical: Pump enclosure}
    access_points: []
    safety_designation: false
    sl_t: 0
`;
const THREAT = `threats:
  - id: THR-001
    title: Known vulnerability in the legacy RTOS stays unpatched
    stride: [E]
    targets: [AST-PUMP]
    score: {exploitability: low, post_exploitability: very-low}
    no_safety_impact_rationale: The RTOS has no network stack enabled.
    controls: [CTRL-001, CTRL-002]
`;

const rule: Rule = {
  meta: {
    code: 'SB004',
    alias: 'unpatchable-without-labeling',
    severity: 'warning',
    category: 'submission',
    description: 'In a cyber device, an asset that cannot be updated (`patchable: false`) has no labeling or procedural control telling users how its risk is managed.',
    rationale:
      'Section 524B(b)(2) asks for reasonable assurance of cybersecurity including updates and patches, and the FDA guidance expects labeling to tell users about components that cannot be updated and what compensates. A control of type `labeling` or `procedural` counts when it `applies_to` or `compensates_for` the asset, or the asset (or its zone) lists it in `compensating_controls`. ZC020 asks separately for a technical compensating control.',
    source: 'FD&C Act 524B(b)(2); FDA premarket cybersecurity guidance V.B.1 (updatability and patchability) and VI.A (labeling)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...TR_HELPERS_READS, 'applies_to', 'assets', 'compensates_for', 'compensating_controls', 'in_scope', 'patchable', 'type'],
    examples: {
      valid: [
        `${CYBER_SYSTEM}${ZONE}assets:
  - id: AST-PUMP
    name: Pump controller board
    kind: device
    zone: Z-PUMP
    patchable: false
    compensating_controls: [CTRL-001, CTRL-002]
${THREAT}controls:
  - id: CTRL-001
    title: Network stack disabled in firmware
    type: compensating
    fda_category: resiliency and recovery
    compensates_for: [AST-PUMP]
  - id: CTRL-002
    title: IFU states the board is not field-updatable and is replaced at service
    type: labeling
    fda_category: updatability and patchability
tests:
  - id: TC-001
    title: Firmware image has no network stack; IFU reviewed
    verifies: [CTRL-001, CTRL-002]
`,
      ],
      invalid: [
        `${CYBER_SYSTEM}${ZONE}assets:
  - id: AST-PUMP
    name: Pump controller board
    kind: device
    zone: Z-PUMP
    patchable: false
#              ^^^^^ SB004
    compensating_controls: [CTRL-001]
${THREAT.replace(', CTRL-002', '')}controls:
  - id: CTRL-001
    title: Network stack disabled in firmware
    type: compensating
    fda_category: resiliency and recovery
    compensates_for: [AST-PUMP]
tests:
  - id: TC-001
    title: Firmware image has no network stack
    verifies: [CTRL-001]
`,
      ],
    },
  },
  check(ctx) {
    const { graph } = ctx;
    if (!isCyberDevice(graph)) return;
    const zg = zoneGraph(ctx);
    const informs = (c: ModelItem | undefined) => c?.kind === 'control' && (c.data.type === 'labeling' || c.data.type === 'procedural');
    for (const a of graph.byKind.asset) {
      if (a.data.patchable !== false || a.data.in_scope === false) continue;
      let ok = false;
      for (const r of graph.refsTo.get(a.id) ?? []) if (r.from.kind === 'control' && (r.field === 'applies_to' || r.field === 'compensates_for') && informs(r.from)) ok = true;
      const listed = [...(graph.refsOf.get(a) ?? [])];
      const zone = zg.zoneOf(a.id);
      if (zone) listed.push(...(graph.refsOf.get(zone) ?? []));
      for (const r of listed) if (r.field === 'compensating_controls' && informs(r.target)) ok = true;
      if (ok) continue;
      ctx.report({
        file: a.file,
        range: ctx.rangeOf(a, ['patchable']),
        message: `asset '${a.id}' cannot be patched, but no labeling or procedural control tells users how that risk is managed (FD&C 524B(b)(2))`,
      });
    }
  },
};
export default rule;
