// @spdf implements SPDF-SBOM-RULES
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'SB006',
    alias: 'sbom-component-without-support',
    severity: 'warning',
    category: 'submission',
    description: 'An SBOM component states no level of support or no end-of-support date.',
    rationale:
      "The FDA premarket guidance asks, for each SBOM component, the level of support its maker provides and its end-of-support date, so that unsupported components are seen before they become unpatchable. CycloneDX has no field for either: the convention read here is the component property `spdf:support-level` and the property `spdf:end-of-support` or the official `cdx:lifecycle:milestone:endOfSupport`. SPDX 2 uses annotations whose comment is `spdf:support-level=...` or `spdf:end-of-support=...` (or 2.3's `validUntilDate`); SPDX 3 its `supportLevel` and `validUntilTime`. Components under `components` use `support_level` and `end_of_support`.",
    source: 'FDA premarket cybersecurity guidance V.A.4.b (support level and end-of-support of each component)',
    fixable: false,
    since: '0.2.0',
    reads: ['end_of_support', 'support_level'],
    examples: {
      valid: [
        `components:
  - id: pkg:generic/zlib@1.3.1
    support_level: actively-maintained
    end_of_support: 2030-12
`,
      ],
      invalid: [
        `components:
  - id: pkg:generic/zlib@1.3.1
#       ^^^^^^^^^^^^^^^^^^^^^^ SB006
    support_level: actively-maintained
`,
      ],
    },
  },
  check(ctx) {
    for (const c of ctx.graph.byKind.component) {
      const missing = [!c.data.support_level && 'a support level', !c.data.end_of_support && 'an end-of-support date'].filter((m): m is string => !!m);
      if (missing.length)
        ctx.report({
          file: c.file,
          range: ctx.rangeOf(c),
          message: `SBOM component '${c.id}' states ${missing.length === 2 ? 'neither a support level nor an end-of-support date' : `no ${missing[0].replace(/^an? /, '')}`}`,
        });
    }
  },
};
export default rule;
