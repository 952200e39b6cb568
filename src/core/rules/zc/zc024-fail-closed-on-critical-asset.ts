import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { controlWithThreat, zone } from './example-yaml';
import { firstDefinitions, isAvailabilityCritical, isSafetyCritical, listIds, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC024',
    alias: 'fail-closed-on-critical-asset',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A control that fails closed applies to a safety- or availability-critical asset and says nothing about emergency access.',
    rationale:
      "A lockout, session kill or deny-on-failure control protects confidentiality by giving up availability; on a safety-critical asset (`safety_critical: true` or `criticality: safety-critical`) or one whose availability is critical (`cia.a: critical`) it can stop therapy or block a clinician in an emergency. Emergency actions and critical control functions must not be hindered by security controls, so a `fail_mode: closed` control on such an asset needs an `emergency_access` statement (break-glass account, local override, fail-safe mode). The control applies to its assets, to the assets of its zones and conduits' zones, and to the two ends of its flows. Heuristic of ours on the availability-first principle.",
    source: 'IEC 62443-3-3 SR 1.1 supplemental guidance (emergency actions must not be hindered) and SR 1.11 (unsuccessful login attempts); heuristic',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'emergency_access', 'fail_mode', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - {id: AST-PUMP-UI, name: Pump keypad, kind: device, zone: Z-PUMP, safety_critical: true}
${controlWithThreat('CTRL-LOCKOUT', ['AST-PUMP-UI'], ['applies_to: [AST-PUMP-UI]', 'fail_mode: closed', 'emergency_access: Clinician break-glass code on the pump label stops and starts infusion.'])}`,
      ],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - {id: AST-PUMP-UI, name: Pump keypad, kind: device, zone: Z-PUMP, safety_critical: true}
controls:
  - id: CTRL-LOCKOUT
    title: Keypad lockout after five wrong PINs
    fda_category: authentication
    applies_to: [Z-PUMP]
    fail_mode: closed
#              ^^^^^^ ZC024
threats:
  - id: THR-PIN-GUESS
    title: PIN guessing at the keypad
    stride: [S, E]
    targets: [AST-PUMP-UI]
    score: {exploitability: low, post_exploitability: very-low}
    no_safety_impact_rationale: Guessing alone changes no therapy; settings need a second confirmation.
    controls: [CTRL-LOCKOUT]
tests:
  - {id: TC-LOCKOUT, title: Lockout after five wrong PINs, verifies: [CTRL-LOCKOUT], kind: system, result: pass, junit: {classname: keypad, name: lockout}}
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    const assetsOf = (target: ModelItem): readonly ModelItem[] => {
      if (target.kind === 'asset') return [target];
      if (target.kind === 'zone') return zg.assetsOf(target.id);
      if (target.kind === 'conduit') return zg.conduitZones(target).flatMap((z) => zg.assetsOf(z.id));
      if (target.kind === 'flow')
        return [target.data.source, target.data.destination].flatMap((id) => {
          const a = typeof id === 'string' ? ctx.graph.byId.get(id) : undefined;
          return a?.kind === 'asset' ? [a] : [];
        });
      return [];
    };
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.control)) {
      if (c.data.fail_mode !== 'closed' || (typeof c.data.emergency_access === 'string' && c.data.emergency_access.trim())) continue;
      const critical = new Set<string>();
      for (const r of ctx.graph.refsOf.get(c) ?? [])
        if (r.field === 'applies_to' && r.target) for (const a of assetsOf(r.target)) if (isSafetyCritical(a) || isAvailabilityCritical(a)) critical.add(a.id);
      if (critical.size === 0) continue;
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['fail_mode']),
        message: `control '${c.id}' fails closed on safety- or availability-critical ${listIds([...critical])} and has no \`emergency_access\`: describe how emergency and critical functions stay available`,
      });
    }
  },
};
export default rule;
