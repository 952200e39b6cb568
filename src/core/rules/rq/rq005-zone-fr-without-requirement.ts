import { slVector } from '../../analysis/security-levels';
import { FOUNDATIONAL_REQUIREMENTS, FRS, parseSrId, SYSTEM_REQUIREMENTS, type FR } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { isObsolete, strList } from '../tr/helpers';

const SR_RANGE: Record<FR, string> = Object.fromEntries(
  FRS.map((fr) => {
    const srs = SYSTEM_REQUIREMENTS.filter((s) => s.fr === fr);
    return [fr, `${srs[0].id}..${srs[srs.length - 1].id.slice(3)}`];
  }),
) as Record<FR, string>;

const ZONE = `zones:
  - id: Z-PUMP
    name: Pump controller
    class: device
    accountable_org: R&D Firmware
    boundary: {logical: Internal UART bus, physical: Pump enclosure}
    access_points: []
    safety_designation: true
`;
const REQ = (id: string, sr: string) => `  - id: ${id}
    title: Requirement for ${sr}
    standards: {iec62443_3_3: ["${sr}"]}
    verification: [test]
    tests: [TC-001]
`;

const rule: Rule = {
  meta: {
    code: 'RQ005',
    alias: 'zone-fr-without-requirement',
    severity: 'warning',
    category: 'requirements',
    description: 'A zone targets SL 1 or more on a foundational requirement FRn, but no requirement maps to any SR of FRn.',
    rationale:
      'IEC 62443-3-3 meets a target security level through the system requirements of each foundational requirement; an FR with SL-T >= 1 and no requirement mapped to its SRs has no specified countermeasure at all. The check works at FR level only: which requirement enhancements each SL needs is in the standard\'s copyrighted tables. It runs once the model maps some requirement to IEC 62443-3-3 SRs (`standards.iec62443_3_3`); a project that does not trace to 62443 gets no finding.',
    source: 'IEC 62443-3-3:2013 clauses 5-11 (SRs per FR) and Annex B (SL mapping); IEC 62443-3-2 ZCR 5.6 and 6.4 (SL-T, applicable requirements)',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: [
        `${ZONE}    sl_t: {FR1: 1, FR2: 0, FR3: 1, FR4: 0, FR5: 0, FR6: 0, FR7: 0}
requirements:
${REQ('SEC-REQ-001', 'SR 1.2')}${REQ('SEC-REQ-002', 'SR 3.1')}tests:
  - id: TC-001
    title: Device authentication and message integrity
`,
      ],
      invalid: [
        `${ZONE}    sl_t: {FR1: 1, FR2: 0, FR3: 1, FR4: 0, FR5: 0, FR6: 0, FR7: 0}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RQ005
requirements:
${REQ('SEC-REQ-001', 'SR 1.2')}tests:
  - id: TC-001
    title: Device authentication
`,
      ],
    },
  },
  check(ctx) {
    const zones = ctx.graph.byKind.zone;
    if (!zones.length) return;
    const covered = new Set<FR>();
    let maps = false;
    for (const r of ctx.graph.byKind.requirement) {
      if (isObsolete(r)) continue;
      for (const id of strList(r.data.standards?.iec62443_3_3)) {
        const sr = parseSrId(id);
        if (!sr) continue;
        maps = true;
        covered.add(sr.sr.fr);
      }
    }
    if (!maps) return;
    for (const z of zones) {
      if (ctx.graph.byId.get(z.id) !== z) continue;
      const sl = slVector(z.data.sl_t);
      if (!sl) continue;
      const gaps = FRS.filter((fr, i) => (sl[i] ?? 0) >= 1 && !covered.has(fr));
      if (!gaps.length) continue;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z, ['sl_t']),
        message: `zone '${z.id}' targets SL-T ${gaps.map((fr) => `${fr}=${sl[FRS.indexOf(fr)]}`).join(', ')}, but no requirement maps to an SR of ${gaps.map((fr) => `${fr} (${FOUNDATIONAL_REQUIREMENTS[fr].toLowerCase()}, ${SR_RANGE[fr]})`).join('; ')}`,
      });
    }
  },
};
export default rule;
