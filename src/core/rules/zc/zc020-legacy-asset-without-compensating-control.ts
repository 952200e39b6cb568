import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { controlWithThreat, zone } from './example-yaml';
import { compensatingControls, firstDefinitions, isLegacy, legacyWhy, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC020',
    alias: 'legacy-asset-without-compensating-control',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A legacy or unpatchable asset has no compensating control, at asset or zone level.',
    rationale:
      "An asset that cannot receive security updates, or has outlived its designed security lifetime, keeps its known vulnerabilities; what protects it has to be stated: a compensating control listed in the asset's or its zone's `compensating_controls`, or a control whose `compensates_for` names the asset or its zone. Controls that are referenced but not defined do not count (TM002 reports them).",
    source: 'IEC 62443-3-3 (compensating countermeasures); FDA premarket guidance (updatability and patchability objective); NIST SP 800-82r3 (legacy systems)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-GW', 'ot')}assets:
  - {id: AST-OLD-HMI, name: Legacy HMI, kind: device, zone: Z-GW, legacy: true}
${controlWithThreat('CTRL-ALLOWLIST', ['AST-OLD-HMI'], ['type: compensating', 'compensates_for: [AST-OLD-HMI]'])}`,
      ],
      invalid: [
        `zones:
${zone('Z-GW', 'ot')}assets:
  - id: AST-OLD-HMI
    name: Legacy HMI
    kind: device
    zone: Z-GW
    patchable: false
#              ^^^^^ ZC020
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const asset of firstDefinitions(ctx.graph, ctx.graph.byKind.asset)) {
      if (!isLegacy(asset) || asset.data.in_scope === false) continue;
      if (compensatingControls(ctx.graph, asset).length) continue;
      const z = zg.zoneOf(asset.id);
      if (z && compensatingControls(ctx.graph, z).length) continue;
      ctx.report({
        file: asset.file,
        range: ctx.rangeOf(asset, [asset.data.legacy === true ? 'legacy' : 'patchable']),
        message: `${legacyWhy(asset)} asset '${asset.id}' has no compensating control: list one in its or its zone's \`compensating_controls\`, or name it in a control's \`compensates_for\``,
      });
    }
  },
};
export default rule;
