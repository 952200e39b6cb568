import type { Rule } from '../types';
import { withArticle } from '../../article';

const rule: Rule = {
  meta: {
    code: 'TM001',
    alias: 'duplicate-id',
    severity: 'error',
    category: 'structure',
    description: 'The same ID is defined more than once, in any file and of any kind.',
    rationale:
      'Every trace link names an ID; two items with one ID make every link to it ambiguous, so the matrix could show evidence for the wrong item. All files merge into one graph, so the check spans files and kinds.',
    source: 'Threagile model parser ("duplicate id used"); IEC 62443-3-2 ZCR 6.4 (unique zone and conduit IDs)',
    fixable: false,
    since: '0.1.0',
    reads: [],
    examples: {
      valid: ['requirements:\n  - id: SEC-REQ-001\n    title: A\n  - id: SEC-REQ-002\n    title: B\n'],
      invalid: ['requirements:\n  - id: SEC-REQ-001\n    title: A\n  - id: SEC-REQ-001\n#       ^^^^^^^^^^^ TM001\n    title: B\n'],
    },
  },
  check(ctx) {
    for (const group of ctx.graph.duplicates) {
      const first = group[0];
      for (const dup of group.slice(1)) {
        ctx.report({
          file: dup.file,
          range: ctx.rangeOf(dup),
          message: `duplicate ID '${dup.id}': already defined as ${withArticle(first.kind)} in ${first.file}`,
          related: [{ file: first.file, range: ctx.rangeOf(first), message: 'first definition' }],
        });
      }
    }
  },
};
export default rule;
