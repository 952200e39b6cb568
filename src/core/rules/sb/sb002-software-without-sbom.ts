import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { hasText, isCyberDevice, systemOf, TR_HELPERS_READS } from '../tr/helpers';
import { CYBER_SYSTEM } from './system-example';

/** Software unless it says otherwise: components and services are software by default (schema doc). */
export function isSoftware(a: ModelItem): boolean {
  if (typeof a.data.software === 'boolean') return a.data.software;
  return a.data.kind === 'component' || a.data.kind === 'service';
}

const rule: Rule = {
  meta: {
    code: 'SB002',
    alias: 'software-without-sbom',
    severity: 'error',
    category: 'submission',
    description: "In a cyber device, a software asset has no SBOM reference (its own `sbom` or the system's) or no `end_of_support` date.",
    rationale:
      'Section 524B(b)(3) requires a software bill of materials covering commercial, open-source and off-the-shelf components, and the FDA guidance asks for the support status and end-of-support date of each. Assets are software when `software: true`, or by default when they are components or services. Applies only when `system.cyber_device: true`.',
    source: 'FD&C Act 524B(b)(3); FDA premarket cybersecurity guidance V.A.4.b (SBOM, support and end-of-support information)',
    fixable: false,
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, 'end_of_support', 'in_scope', 'kind', 'sbom', 'software'],
    examples: {
      valid: [
        `${CYBER_SYSTEM}assets:
  - id: AST-APP
    name: Companion app
    kind: data
    software: true
    sbom: sbom/app.cdx.json
    end_of_support: 2031-12
`,
      ],
      invalid: [
        `${CYBER_SYSTEM}assets:
  - id: AST-APP
#       ^^^^^^^ SB002
    name: Companion app
    kind: data
    software: true
    sbom: sbom/app.cdx.json
`,
      ],
    },
  },
  check(ctx) {
    if (!isCyberDevice(ctx.graph)) return;
    const systemSbom = hasText(systemOf(ctx.graph)?.data.sbom);
    for (const a of ctx.graph.byKind.asset) {
      if (a.data.in_scope === false || !isSoftware(a)) continue;
      const missing = [!systemSbom && !hasText(a.data.sbom) && 'an SBOM reference (`sbom`)', !hasText(a.data.end_of_support) && 'an end-of-support date (`end_of_support`)'].filter(Boolean);
      if (!missing.length) continue;
      ctx.report({
        file: a.file,
        range: ctx.rangeOf(a),
        message: `software asset '${a.id}' of a cyber device lacks ${missing.join(' and ')} (FD&C 524B(b)(3))`,
      });
    }
  },
};
export default rule;
