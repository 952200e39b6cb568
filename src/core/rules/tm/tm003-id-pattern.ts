import type { ItemKind } from '../../model/kinds';
import { compileUserPattern, type UserPattern } from '../../user-pattern';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TM003',
    alias: 'id-pattern',
    severity: 'warning',
    category: 'structure',
    description: "An item's ID does not match the pattern spdf.config.yaml `id_patterns` sets for its kind.",
    rationale:
      'Predictable IDs (HAZ-, THR-, CTRL-, SEC-REQ-, TC-, ...) let reviewers tell kinds apart in any document and let code tags be found by a text search. Only kinds the workspace gives a pattern in spdf.config.yaml `id_patterns` are checked: imported and existing models keep their IDs until a team decides on a scheme. Patterns run in a linear-time engine (RE2 syntax), so no pattern can hang the linter. An untrusted workspace does not compile its patterns; each configured pattern is then reported as not checked, at its key, rather than passing silently.',
    source: 'Threagile "invalid id syntax"; common SPDF practice (HAZ-nnn, THR-nnn, CTRL-nnn, SEC-REQ-nnn, TC-nnn)',
    fixable: false,
    since: '0.1.0',
    reads: [],
    examples: {
      valid: [
        'hazards:\n  - id: hazard_1\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n',
        {
          'spdf.config.yaml': 'id_patterns:\n  hazard: "^HAZ-[0-9]{3}$"\n',
          'model.spdf.yaml': 'hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n',
        },
      ],
      invalid: [
        {
          'spdf.config.yaml': 'id_patterns:\n  hazard: "^HAZ-[0-9]{3}$"\n',
          'model.spdf.yaml': 'hazards:\n  - id: hazard_1\n#       ^^^^^^^^ TM003\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n',
        },
      ],
    },
  },
  check(ctx) {
    if (!ctx.config.trusted) {
      for (const k of ctx.config.idPatternKeys)
        ctx.report({
          file: k.file,
          range: k.range,
          message: `id_patterns.${k.kind} is not checked: the workspace is untrusted, so its regular expressions are not compiled; trust the workspace to check ${k.kind} IDs`,
        });
      return;
    }
    // Invalid patterns are reported by the config loader at their place in spdf.config.yaml (TM008).
    const patterns = new Map<ItemKind, UserPattern>();
    for (const { kind } of ctx.config.idPatternKeys) {
      const { pattern } = compileUserPattern(ctx.config.idPatterns[kind]);
      if (pattern) patterns.set(kind as ItemKind, pattern);
    }
    if (patterns.size === 0) return;
    for (const item of ctx.graph.items) {
      const re = patterns.get(item.kind);
      if (re && !re.test(item.id)) ctx.report({ file: item.file, range: ctx.rangeOf(item), message: `${item.kind} ID '${item.id}' does not match the pattern ${re.source}` });
    }
  },
};
export default rule;
