// @spdf implements SPDF-FC-TAGS
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL012',
    alias: 'tag-marker-near-miss',
    severity: 'warning',
    category: 'code-links',
    description:
      'A comment holds the spdf tag marker misspelt by one edit (a letter changed, left out, added, or two swapped: `@spfd`, `@sdpf`, `@spd`, `@spdff`) before a relation the parser knows (`implements`, `verifies`, `mitigates`, `hazard`), or a near miss of another enabled tag syntax (an OpenFastTrace item ID `dsn~NAME~1` outside a coverage tag, as in `[impl=>dsn~NAME~1]` or `impl->dsn~NAME~1`; StrictDoc `@relations(ID)`, `@relation (ID)`, `@relation ID`; LOBSTER `lobster_trace: ID`, `lobster trace: ID`, `lobster-trace ID`): it is not a tag, so it links nothing.',
    rationale:
      '`// @spfd implements SEC-REQ-014` looks traced to a reviewer, but the tag parser reads only `@spdf`: the link its author meant does not count, and the requirement may show as MISSING with no word about why. A misspelt marker followed by a relation is almost always a tag; one that follows a letter, digit, dot, slash, hyphen, at sign or backtick (an e-mail address, a path, an example quoted in documentation) is left alone, and so is a word that is not one edit from `spdf` or not followed by a relation. The marker in another letter case is CL011. Each near miss is reported at the marker with `@spdf` offered as a quick fix (never applied by --fix: it creates evidence, which the author should confirm). The other syntaxes are read the same way: an OpenFastTrace item ID (`type~name~revision`) in a comment outside a coverage tag, a StrictDoc marker with a plural, a space before its parenthesis or none, a LOBSTER marker with an underscore, a space, a plural or no colon: each is reported at the ID or the marker with how the tag is written (an ID in a path, an address or backticks is left alone).',
    source: 'heuristic: fail closed on trace markup the tool does not read',
    fixable: false,
    since: '0.2.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '// @spdf implements SEC-REQ-014\n// mail reviews to qa@spd implements nothing\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '// @spfd implements SEC-REQ-014\n// ^^^^^ CL012\nint dose_set_rate(int rate) { return rate; }\n',
        },
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'tests/test_dose.py': '# @sdpf verifies SEC-REQ-014\n# ^^^^^ CL012\ndef test_rate():\n    assert True\n',
        },
        {
          'spdf.config.yaml': 'code:\n  tag_syntaxes: [oft]\n',
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '// [impl=>dsn~SEC-REQ-014~1]\n//        ^^^^^^^^^^^^^^^^^ CL012\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => kind === 'marker-near-miss');
  },
};
export default rule;
