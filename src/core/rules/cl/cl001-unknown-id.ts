import type { Rule } from '../types';
import { allTags } from './code-facts';
import { idIndexOf } from './nearest-id';

const rule: Rule = {
  meta: {
    code: 'CL001',
    alias: 'unknown-code-link-id',
    severity: 'error',
    category: 'code-links',
    description: 'A tag in source code names an ID that no model item defines.',
    rationale:
      'A link to nothing is evidence for nothing: the code claims to implement or verify an item the model does not have, usually after a rename or a typo. The nearest existing ID is offered as a suggestion, never applied by --fix, because a wrong guess would create false evidence.',
    source: 'heuristic (seed), after the threatspec and OpenFastTrace unknown-ID checks',
    fixable: false,
    since: '0.1.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
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
          'src/dose.c': '// @spdf implements SEC-REQ-041\n//                  ^^^^^^^^^^^ CL001\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
    },
  },
  check(ctx) {
    const index = idIndexOf(ctx.graph.byId);
    const unknown = allTags(ctx).filter(({ tag }) => !index.ids.has(tag.id));
    index.expect(unknown.map(({ tag }) => tag.id));
    for (const { file, tag } of unknown) {
      const guess = index.guess(tag.id);
      ctx.report({
        file,
        range: tag.idRange,
        message: `'${tag.id}' is not defined in the model${guess ? `; did you mean '${guess}'?` : ''}`,
        suggestions: guess ? [{ description: `Link to ${guess}`, edits: [{ file, range: tag.idRange, newText: guess }] }] : undefined,
      });
    }
  },
};
export default rule;
