import { withArticle } from '../../article';
import type { Rule } from '../types';
import { code } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL002',
    alias: 'tag-without-symbol',
    severity: 'warning',
    category: 'code-links',
    description: 'A tag is neither directly above nor inside a function, class or other symbol, nor in the file header.',
    rationale:
      'Links are kept per symbol so a reviewer sees exactly which code carries the evidence and so a change to that code makes the link suspect. A tag floating between symbols (after a blank line, or trailing a statement) links to nothing in particular; move it directly above the symbol it documents, or into the leading comment block to link the whole file.',
    source: 'heuristic (seed); symbol-level links as in sphinx-codelinks',
    fixable: false,
    since: '0.1.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': 'import os\n\n# @spdf implements SEC-REQ-014\ndef set_rate(rate):\n    return rate\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': 'import os\n\nLIMIT = 10  # @spdf implements SEC-REQ-014\n#                              ^^^^^^^^^^^ CL002\n\n\ndef set_rate(rate):\n    return rate\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const file of code(ctx)?.files ?? []) {
      for (const tag of file.orphanTags) {
        ctx.report({
          file: file.file,
          range: tag.idRange,
          message: `tag for '${tag.id}' is attached to no symbol${tag.above ? ` (the code below it is ${withArticle(tag.above)}, not a linkable symbol)` : ''}; put it directly above the function, class, constant or variable it documents`,
        });
      }
    }
  },
};
export default rule;
