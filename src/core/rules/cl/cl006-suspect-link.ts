import { NORMATIVE_FIELDS, pickNormativeFields, targetHash } from '../../codelinks/normative-fields';
import { lockInput } from '../../codelinks/rule-input';
import { ReviewLockIndex, reviewStatusOf } from '../../codelinks/review-status';
import type { Rule } from '../types';
import { allLinks } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL006',
    alias: 'suspect-link',
    severity: 'warning',
    category: 'code-links',
    description: "A reviewed code link's code or its target's normative fields changed since the review.",
    rationale:
      'A review vouches for one version of the code and of the requirement. When either changes, the evidence must be looked at again before it counts. Fingerprints ignore formatting, comments, docstrings and moves within the file, so only real changes raise this. Re-review with `spdf review ID` or the editor action.',
    source: 'IEC 62304 / 21 CFR 820.30(i) design changes (re-verification after change) [mem]; suspect links as in Doorstop, at symbol level',
    fixable: false,
    since: '0.1.0',
    reads: [...new Set(Object.values(NORMATIVE_FIELDS).flat())],
    needs: ['code', 'lock'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '// @spdf implements SEC-REQ-014\n//                  ^^^^^^^^^^^ CL006\nint dose_set_rate(int rate) { return rate; }\n',
          'spdf.lock.json':
            '{"version":1,"links":[{"id":"SEC-REQ-014","relation":"implements","file":"src/dose.c","symbol":"dose_set_rate","codeHash":"0000000000000000","targetHash":"0000000000000000","reviewer":"j.doe","date":"2026-01-01"}]}\n',
        },
      ],
    },
  },
  check(ctx) {
    const lock = lockInput(ctx.lock);
    if (!lock || lock.links.length === 0) return;
    const index = new ReviewLockIndex(lock);
    for (const link of allLinks(ctx)) {
      const target = ctx.graph.byId.get(link.id);
      const tHash = target ? targetHash(pickNormativeFields(target.kind, target.data)) : undefined;
      const status = reviewStatusOf(link, tHash, index);
      if (status.state !== 'suspect') continue;
      const what = status.codeChanged && status.targetChanged ? 'the code and the target' : status.codeChanged ? 'the code' : `${link.id}`;
      const by = status.review ? ` (reviewed by ${status.review.reviewer} on ${status.review.date})` : '';
      ctx.report({
        file: link.file,
        range: link.range,
        message: `suspect link: ${what} changed since review${by}; review '${link.relation} ${link.id}' on ${link.symbol ?? 'the file'} again`,
      });
    }
  },
};
export default rule;
