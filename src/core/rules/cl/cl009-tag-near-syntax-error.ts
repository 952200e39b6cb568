// @spdf implements SPDF-FC-CL009-GATE
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL009',
    alias: 'tag-near-syntax-error',
    severity: 'error',
    category: 'code-links',
    description: 'A tag sits in or next to code the parser could not understand, so the symbol it links to may be wrong or missing.',
    rationale:
      'Tags are attached to symbols found by parsing. Where the parser meets a syntax error (or code it does not support, such as unusual macros), the function under a tag may be missing and the tag falls to the enclosing class, the file or nothing. The link is kept but may be credited to the wrong symbol, so it is an error by default and `spdf check` fails on it: fix the code or move the tag, or, after checking the link, lower the rule with `rules: { CL009: warning }`.',
    source: 'heuristic (seed): tree-sitter ERROR and MISSING nodes around the tag',
    fixable: false,
    since: '0.2.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': '# @spdf implements SEC-REQ-014\ndef set_rate(rate):\n    return rate\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': 'class Pump:\n    # @spdf implements SEC-REQ-014\n    # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CL009\n    def set_rate(self, rate:\n        return rate\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => kind === 'tag-near-syntax-error');
  },
};
export default rule;
