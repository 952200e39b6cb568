import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC028',
    alias: 'zone-without-conduit',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'In a model with several zones, a zone is joined to the others by no conduit.',
    rationale:
      "Every communication between zones goes through a conduit, and a zone's connected conduits are one of its documented characteristics. A zone no conduit names is either isolated (air-gapped: say so with a suppression and its justification) or talks to the others through links the model does not show, which hides them from every boundary check. Not reported when the model has only one zone.",
    source: 'IEC 62443-3-2 ZCR 3.1 (zones and conduits) and ZCR 6.4 (connected zones and conduits of each zone)',
    fixable: false,
    since: '0.2.0',
    reads: [...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}conduits:
  - {id: C-DMZ-GW, zones: [Z-DMZ, Z-GW], channels: [{protocol: https}], sl_t: 1}
`,
        `zones:
${zone('Z-PUMP', 'device')}`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}  - id: Z-LAB
#       ^^^^^ ZC028
    name: Lab
    class: ot
    accountable_org: Clinical engineering
    boundary: {logical: Lab VLAN, physical: Lab bench}
    access_points: []
    safety_designation: false
    sl_t: 1
conduits:
  - {id: C-DMZ-GW, zones: [Z-DMZ, Z-GW], channels: [{protocol: https}], sl_t: 1}
`,
      ],
    },
  },
  check(ctx) {
    const zones = firstDefinitions(ctx.graph, ctx.graph.byKind.zone);
    if (zones.length < 2) return;
    const joined = new Set<string>();
    for (const c of ctx.graph.byKind.conduit) if (Array.isArray(c.data.zones)) for (const z of c.data.zones) if (typeof z === 'string') joined.add(z);
    for (const z of zones) {
      if (joined.has(z.id)) continue;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z),
        message: `zone '${z.id}' is joined to ${zones.length === 2 ? 'the other zone' : `the other ${zones.length - 1} zones`} by no conduit: declare the conduits that reach it, or justify its isolation with a suppression`,
      });
    }
  },
};
export default rule;
