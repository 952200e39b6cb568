import { zoneCapability, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import { FRS } from '../../vocab/iec62443';
import { CATALOGUE, lookupSrRe, type CatalogueEntry } from '../../vocab/iec62443-3-3';
import type { Rule } from '../types';
import { device, zone } from '../zc/example-yaml';
import { firstDefinitions } from '../zc/helpers';

const PUMP = (slc: string) => zone('Z-PUMP', 'device', { sl: '1', extra: [`sl_c: ${slc}`] });
const FR4_SL2 = ['SR 4.1', 'SR 4.1 RE 1', 'SR 4.2', 'SR 4.3'];
const caps = (ids: string[]) => `capabilities: [${ids.map((s) => `"${s}"`).join(', ')}]`;

const rule: Rule = {
  meta: {
    code: 'RQ007',
    alias: 'zone-sl-c-beyond-capabilities',
    severity: 'warning',
    category: 'zones-conduits',
    description: "A zone's SL-C claims a level on some FR that the SRs and REs its assets' `capabilities` provide together do not reach.",
    rationale:
      "SL-C on an FR is a claim that the zone's components provide every SR and RE the standard selects up to that level. When the model states which SRs and REs each asset provides (`assets[].capabilities`), the claim can be checked: the zone's capability on FRn is the highest level whose SRs and REs all appear among its assets' capabilities together. An SL-C above that is unsupported, and ZC011 then compares SL-T against a level the zone does not have. The zone's SL-C is its declared `sl_c`, or else the minimum over its assets' `sl_c` (as in ZC011). Zones none of whose assets state `capabilities` are not checked. The SL figures are in src/core/vocab/iec62443-3-3.ts, each marked checked or recalled.",
    source: 'IEC 62443-3-3:2013 Annex B (SRs and REs per SL-C); IEC 62443-4-2 (component capabilities make up the system capability)',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...SECURITY_LEVELS_READS, 'assets', 'capabilities'],
    examples: {
      valid: [
        `zones:
${PUMP('{FR4: 2}')}assets:
${device('AST-PUMP-CTRL', 'Z-PUMP', [caps(FR4_SL2.slice(0, 2))])}${device('AST-PUMP-FW', 'Z-PUMP', [caps(FR4_SL2.slice(2))])}`,
      ],
      invalid: [
        `zones:
${PUMP('{FR4: 2}')}#         ^^^^^^^^ RQ007
assets:
${device('AST-PUMP-CTRL', 'Z-PUMP', [caps(['SR 4.1', 'SR 4.2', 'SR 4.3'])])}`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const assets = zg.assetsOf(z.id);
      const stating = assets.filter((a) => Array.isArray(a.data.capabilities));
      if (!stating.length) continue;
      const cap = zoneCapability(z, assets);
      if (!cap) continue;
      const provided = new Set<string>();
      for (const a of stating) for (const v of a.data.capabilities ?? []) if (typeof v === 'string') provided.add(lookupSrRe(v)?.id ?? '');
      const gaps: { fr: string; claimed: number; supported: number; missing: CatalogueEntry[] }[] = [];
      FRS.forEach((fr, i) => {
        const claimed = cap.sl[i];
        if (!claimed) return;
        const entries = CATALOGUE.filter((e) => e.fr === fr);
        let supported = 0;
        while (supported < 4 && entries.every((e) => e.sl > supported + 1 || provided.has(e.id))) supported++;
        if (claimed > supported) gaps.push({ fr, claimed, supported, missing: entries.filter((e) => e.sl <= claimed && !provided.has(e.id)) });
      });
      if (!gaps.length) continue;
      ctx.report({
        file: z.file,
        range: cap.derived ? ctx.rangeOf(z) : ctx.rangeOf(z, ['sl_c']),
        message: `zone '${z.id}' SL-C ${cap.derived ? '(minimum over its assets) ' : ''}claims more than its assets' \`capabilities\` provide (${stating.map((a) => a.id).join(', ')}): ${gaps
          .map((g) => `${g.fr}=${g.claimed} needs ${g.missing.map((e) => `${e.id} (SL ${e.sl})`).join(', ')}; the capabilities support ${g.fr}=${g.supported}`)
          .join('; ')}`,
        related: stating.map((a) => ({ file: a.file, range: ctx.rangeOf(a, ['capabilities']), message: `capabilities of '${a.id}'` })),
      });
    }
  },
};
export default rule;
