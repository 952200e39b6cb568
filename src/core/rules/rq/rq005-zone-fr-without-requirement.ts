import { requiredBy, srCoverage } from '../../analysis/iec62443-coverage';
import { FRS } from '../../vocab/iec62443';
import type { Rule } from '../types';

const ZONE = (slt: string) => `zones:
  - id: Z-PUMP
    name: Pump controller
    class: device
    accountable_org: R&D Firmware
    boundary: {logical: Internal UART bus, physical: Pump enclosure}
    access_points: []
    safety_designation: true
    sl_t: ${slt}
`;
const REQ = (id: string, srs: string[]) => `  - id: ${id}
    title: Requirement for ${srs.join(', ')}
    standards: {iec62443_3_3: [${srs.map((s) => `"${s}"`).join(', ')}]}
    verification: [test]
    tests: [TC-001]
`;
const TEST = `tests:
  - id: TC-001
    title: Device authentication and message integrity
`;

const rule: Rule = {
  meta: {
    code: 'RQ005',
    alias: 'zone-fr-without-requirement',
    severity: 'warning',
    category: 'requirements',
    description: "A zone's SL-T requires IEC 62443-3-3 SRs or REs that no requirement or control maps to (one finding per zone, listing them).",
    rationale:
      "IEC 62443-3-3 meets a target security level per foundational requirement through its SRs and, from higher levels on, their requirement enhancements (REs): SL-T k on FRn requires every SR and RE of FRn that the standard selects at SL k or below. An SR or RE that no requirement or control maps to (`standards.iec62443_3_3`) has no specified countermeasure, so the zone cannot reach its SL-T. The finding names each missing SR/RE with the lowest SL that selects it; `spdf trace --view iec62443` shows the same table with the covering items and their trace status. A mapping counts for the whole system and names exactly one SR or RE (an RE does not cover its SR). The rule runs once the model maps some requirement or control to IEC 62443-3-3, so a project that does not trace to 62443 gets no finding; zones without SL-T are ZC001's. The SL figures are in src/core/vocab/iec62443-3-3.ts, each marked checked or recalled.",
    source: 'IEC 62443-3-3:2013 clauses 5-11 (SRs and REs per FR) and Annex B (SL-C mapping); IEC 62443-3-2 ZCR 5.6 and 6.4 (SL-T, applicable requirements)',
    fixable: false,
    since: '0.1.0',
    reads: ['sl_t', 'standards', 'status'],
    examples: {
      valid: [
        `${ZONE('{FR1: 1, FR2: 0, FR3: 1, FR4: 0, FR5: 0, FR6: 0, FR7: 0}')}requirements:
${REQ('SEC-REQ-001', ['SR 1.1', 'SR 1.3', 'SR 1.4', 'SR 1.5', 'SR 1.6', 'SR 1.7', 'SR 1.10', 'SR 1.11', 'SR 1.12', 'SR 1.13'])}${REQ('SEC-REQ-002', ['SR 3.1', 'SR 3.2', 'SR 3.3', 'SR 3.5', 'SR 3.6'])}${TEST}`,
      ],
      invalid: [
        `${ZONE('{FR1: 0, FR2: 0, FR3: 2, FR4: 0, FR5: 0, FR6: 0, FR7: 0}')}#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RQ005
requirements:
${REQ('SEC-REQ-002', ['SR 3.1', 'SR 3.2', 'SR 3.3', 'SR 3.5', 'SR 3.6'])}${TEST}`,
      ],
    },
  },
  check(ctx) {
    const zones = ctx.graph.byKind.zone;
    if (!zones.length) return;
    const cov = srCoverage(ctx.graph);
    if (!cov.inUse) return;
    for (const z of zones) {
      if (ctx.graph.byId.get(z.id) !== z) continue;
      const missing = requiredBy(z).filter((r) => !cov.coverers.has(r.entry.id));
      if (!missing.length) continue;
      const parts = FRS.flatMap((fr) => {
        const m = missing.filter((r) => r.entry.fr === fr);
        return m.length ? [`${fr} at SL-T ${m[0].level}: ${m.map((r) => `${r.entry.id} (SL ${r.entry.sl})`).join(', ')}`] : [];
      });
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z, ['sl_t']),
        message: `zone '${z.id}': its SL-T requires ${missing.length} IEC 62443-3-3 SR/RE${missing.length === 1 ? '' : 's'} that no requirement or control maps to (\`standards.iec62443_3_3\`); ${parts.join('; ')}`,
      });
    }
  },
};
export default rule;
