import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { EQUIPMENT_KINDS, firstDefinitions, listIds, placement, ZC_HELPERS_READS } from './helpers';

/** Client and web-facing technologies (Threagile's client systems, web servers and browsers). */
const CLIENT = /\b(web|browser|client|mobile|workstation|desktop|laptop|tablet|kiosk|smartphone)/i;

const isClient = (a: ModelItem) => typeof a.data.technology === 'string' && CLIENT.test(a.data.technology);
const isSensitive = (a: ModelItem) => (['c', 'i', 'a'] as const).some((k) => a.data.cia?.[k] === 'critical');

const rule: Rule = {
  meta: {
    code: 'ZC025',
    alias: 'sensitive-asset-shares-zone-with-client',
    severity: 'info',
    category: 'zones-conduits',
    description: 'An asset with a critical protection need shares its zone with client or web-facing assets.',
    rationale:
      'Clients, browsers, mobile apps and web servers are where attacks start (phishing, malicious content, exposed services); an asset whose confidentiality, integrity or availability is critical should sit behind a zone boundary from them rather than next to them. Heuristic of ours after Threagile: client or web-facing means a `technology` naming web, browser, client, mobile, workstation, desktop, laptop, tablet, kiosk or smartphone.',
    source: 'Threagile missing-network-segmentation; IEC 62443-3-3 SR 5.1 (network segmentation); heuristic',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'sl', 'technology', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-PUMP', 'device')}${zone('Z-TABLET', 'device', { extra: ['wireless: true'] })}assets:
  - {id: AST-DOSE-DB, name: Drug library, kind: datastore, zone: Z-PUMP, cia: {i: critical}}
  - {id: AST-TABLET, name: Nurse tablet, kind: device, zone: Z-TABLET, technology: tablet-app, wireless: true}
`,
      ],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - {id: AST-DOSE-DB, name: Drug library, kind: datastore, zone: Z-PUMP, cia: {i: critical}}
#                                                                ^^^^^^ ZC025
  - {id: AST-WEB-UI, name: Pump web console, kind: device, zone: Z-PUMP, technology: embedded-web-server}
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const assets = zg.assetsOf(z.id).filter((a) => EQUIPMENT_KINDS.has(a.data.kind));
      const clients = assets.filter(isClient);
      if (clients.length === 0) continue;
      for (const a of assets) {
        if (isClient(a) || !isSensitive(a)) continue;
        ctx.report({
          ...placement(ctx, a, z),
          message: `asset '${a.id}' has a critical protection need but shares zone '${z.id}' with client or web-facing ${listIds(clients.map((c) => c.id))}: separate them with a zone boundary`,
        });
      }
    }
  },
};
export default rule;
