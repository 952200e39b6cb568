import { UNREAD_TAG_KINDS } from '../../codelinks/model';
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL008',
    alias: 'malformed-tag',
    severity: 'error',
    category: 'code-links',
    description:
      'Text in a comment starts like a trace tag (`@spdf`, `[impl->`, `@relation(`, `lobster-`, a `code.tag_patterns` match) or a configured call tag is written in code, but it could not be read, so it links nothing.',
    rationale:
      'A tag the tool cannot read is evidence that silently does not count: `@spdf implement R-1`, `@spdf implements` without an ID, `[impl->req~R-1]` without a revision, an OpenFastTrace artifact type with no relation, `lobster-exclude:` without a reason, an unclosed `@relation(...)` or one with an unknown scope or key, a StrictDoc `range_start` without its `range_end` (or the reverse), a `code.tag_patterns` match with no ID or a relation word its `relations` do not map, a `code.call_tags` call whose ID argument is missing or not a string literal (`REQUIREMENT(REQ_ID)`: the IDs are computed, not written), an ID of the same family written after an `@spdf` or `lobster-trace:` ID list with another separator than a comma (`R-1 R-2`, `R-1; R-2`, `R-1 / R-2`, `R-1 and R-2`: the list ends before it; a description after the list is left alone), or tag text inside code the parser could not understand. Each is reported where it is written, with the likely intended spelling as a suggestion (never applied by --fix: a wrong guess would create evidence).',
    source: 'heuristic (seed): fail closed on unreadable trace markup, as OpenFastTrace and LOBSTER reject malformed tags',
    fixable: false,
    since: '0.2.0',
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
          'src/dose.c':
            '// @spdf implement SEC-REQ-014\n// ^^^^^^^^^^^^^^^^^^^^^^^^^^^ CL008\nint dose_set_rate(int rate) { return rate; }\n\n// @spdf verifies\n// ^^^^^^^^^^^^^^ CL008\nint dose_check(int rate) { return rate > 0; }\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => UNREAD_TAG_KINDS.has(kind));
  },
};
export default rule;
