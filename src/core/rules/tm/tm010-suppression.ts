import type { Rule } from '../types';

/** Reported by the engine while it applies suppressions; this module carries the metadata. */
const rule: Rule = {
  meta: {
    code: 'TM010',
    alias: 'invalid-suppression',
    severity: 'warning',
    category: 'structure',
    description: 'A `spdf-disable-next-line` comment has no justification, names an unknown rule, or suppresses nothing.',
    rationale:
      'Suppressions are part of the audit trail: each must say why (`-- reason`), and one that no longer suppresses anything hides nothing but misleads the reader. Suppressions are listed in reports and the matrix as JUSTIFIED.',
    source: 'ESLint --report-unused-disable-directives; pytm overrides and Threagile risk_tracking (justified exceptions)',
    fixable: false,
    since: '0.1.0',
    examples: {
      valid: ['threats:\n  - id: THR-001\n    title: Spoofed command\n    # spdf-disable-next-line TM002 -- control lives in the supplier model, reviewed 2026-03\n    controls: [CTRL-404]\n'],
      invalid: [
        'threats:\n  - id: THR-001\n    title: Spoofed command\n    # spdf-disable-next-line TM002\n#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TM010\n    controls: [CTRL-404]\n#              ^^^^^^^^ TM002\n',
      ],
    },
  },
  check() {},
};
export default rule;
