import type { Rule } from '../types';
import { allTags, RELATION_TARGETS } from './code-facts';
import { withArticle } from '../../article';

const rule: Rule = {
  meta: {
    code: 'CL003',
    alias: 'relation-kind-mismatch',
    severity: 'error',
    category: 'code-links',
    description: "A tag's relation does not fit the kind of item it names (e.g. `implements` a threat).",
    rationale:
      'Each relation means one kind of evidence: code implements requirements and controls, tests verify requirements, controls and threat mitigations, code mitigates threats and is a risk control for hazards. A mismatched relation counts evidence in the wrong column of the traceability matrix.',
    source: 'FDA premarket cybersecurity guidance (traceability of controls to risks and tests); heuristic mapping of ours',
    fixable: false,
    since: '0.1.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'threats:\n  - id: THR-012\n    title: Spoofed dose command\n',
          'src/dose.c': '// @spdf mitigates THR-012\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'threats:\n  - id: THR-012\n    title: Spoofed dose command\n',
          'src/dose.c': '// @spdf implements THR-012\n//                  ^^^^^^^ CL003\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const { file, tag } of allTags(ctx)) {
      const target = ctx.graph.byId.get(tag.id);
      const allowed = RELATION_TARGETS[tag.relation] ?? [];
      if (!target || allowed.includes(target.kind)) continue;
      ctx.report({
        file,
        range: tag.idRange,
        message: `'${tag.relation}' cannot point at ${target.kind} '${tag.id}'; it expects ${withArticle(allowed.join(' or '))}`,
      });
    }
  },
};
export default rule;
