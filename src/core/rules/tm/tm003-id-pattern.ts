import { DEFAULT_ID_PATTERNS, type ItemKind } from '../../model/kinds';
import { compileUserPattern, type UserPattern } from '../../user-pattern';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TM003',
    alias: 'id-pattern',
    severity: 'warning',
    category: 'structure',
    description: "An item's ID does not match the configured pattern for its kind.",
    rationale:
      'Predictable IDs (HAZ-, THR-, CTRL-, SEC-REQ-, TC-, ...) let reviewers tell kinds apart in any document and let code tags be found by a text search. Patterns are configurable per kind in spdf.config.yaml `id_patterns`; patterns run in a linear-time engine (RE2 syntax), so no pattern can hang the linter, and in an untrusted workspace only the built-in defaults are used.',
    source: 'Threagile "invalid id syntax"; common SPDF practice (HAZ-nnn, THR-nnn, CTRL-nnn, SEC-REQ-nnn, TC-nnn)',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: ['hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n'],
      invalid: ['hazards:\n  - id: hazard_1\n#       ^^^^^^^^ TM003\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n'],
    },
  },
  check(ctx) {
    // Invalid patterns are reported by the config loader at their place in spdf.config.yaml (TM008).
    const patterns = new Map<ItemKind, UserPattern>();
    for (const [kind, source] of Object.entries(ctx.config.trusted ? ctx.config.idPatterns : DEFAULT_ID_PATTERNS)) {
      const { pattern } = compileUserPattern(source);
      if (pattern) patterns.set(kind as ItemKind, pattern);
    }
    for (const item of ctx.graph.items) {
      const re = patterns.get(item.kind);
      if (re && !re.test(item.id))
        ctx.report({ file: item.file, range: ctx.rangeOf(item), message: `${item.kind} ID '${item.id}' does not match the pattern ${re.source}` });
    }
  },
};
export default rule;
