import { declaredSl, describeGaps, SECURITY_LEVELS_READS } from '../../analysis/security-levels';
import { FRS, type FR } from '../../vocab/iec62443';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

/** FRs whose level protects a safety function directly: access, use control, integrity, segmentation, availability. */
const SAFETY_FRS: readonly FR[] = ['FR1', 'FR2', 'FR3', 'FR5', 'FR7'];

const rule: Rule = {
  meta: {
    code: 'ZC030',
    alias: 'safety-zone-sl-t-below-minimum',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A safety-designated zone has an SL-T below the configured minimum (default 3) on FR1, FR2, FR3, FR5 or FR7.',
    rationale:
      'An attack on a safety function can hurt people, so its zone is commonly expected to resist intentional attack by skilled attackers with moderate resources (SL 3), not only simple means (SL 2). The standard leaves SL-T to the risk assessment; this minimum is a heuristic of ours, set with `safety_min_sl_t` in spdf.config.yaml (1..4, default 3). It applies to the FRs that protect the function itself (identification and authentication, use control, system integrity, restricted data flow, resource availability), not to confidentiality (FR4) or event response (FR6). FRs a mapping leaves out are not compared (ZC001 asks for the SL-T itself). If the risk assessment justifies a lower level, suppress the finding with that justification.',
    source: 'Heuristic of ours (configurable minimum), from IEC 62443-3-2 ZCR 3.3 (safety-related assets) and ZCR 5.6 (SL-T), and the SL 3 attacker profile of IEC 62443-3-3',
    fixable: false,
    since: '0.2.0',
    reads: [...ZC_HELPERS_READS, ...SECURITY_LEVELS_READS, 'channels', 'data', 'kind', 'name', 'problems', 'safety_designation', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-SIS', 'ot', { sl: '{FR1: 3, FR2: 3, FR3: 4, FR4: 1, FR5: 3, FR6: 1, FR7: 3}', safety: true })}`,
        {
          'spdf.config.yaml': 'safety_min_sl_t: 2\n',
          'model.spdf.yaml': `zones:
${zone('Z-SIS', 'ot', { sl: '2', safety: true })}`,
        },
      ],
      invalid: [
        `zones:
  - id: Z-SIS
    name: Safety system
    class: ot
    accountable_org: Plant safety team
    boundary: {logical: SIS network, physical: SIS cabinet}
    access_points: []
    safety_designation: true
    sl_t: {FR1: 2, FR2: 3, FR3: 3, FR4: 1, FR5: 3, FR6: 1, FR7: 3}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ZC030
`,
      ],
    },
  },
  check(ctx) {
    const min = ctx.config.safetyMinSlT;
    const floor = FRS.map(() => min);
    for (const z of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      if (z.data.safety_designation !== true) continue;
      const sl = declaredSl(z, 'sl_t');
      if (!sl) continue;
      const gaps = SAFETY_FRS.filter((fr) => {
        const v = sl[FRS.indexOf(fr)];
        return v !== undefined && v < min;
      });
      if (gaps.length === 0) continue;
      ctx.report({
        file: z.file,
        range: ctx.rangeOf(z, ['sl_t']),
        message: `safety-designated zone '${z.id}' has SL-T below the minimum ${min} for safety zones on ${describeGaps(sl, floor, gaps)}: raise it, or suppress this finding with the risk assessment that justifies the lower level (minimum set by \`safety_min_sl_t\`, a heuristic)`,
      });
    }
  },
};
export default rule;
