// @spdf implements SPDF-FC-TAGS
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL011',
    alias: 'tag-marker-case',
    severity: 'error',
    category: 'code-links',
    description:
      'A tag marker in a comment is written in another letter case (`@SPDF`, `@Spdf`; with those syntaxes enabled, StrictDoc `@Relation(` and LOBSTER `LOBSTER-trace:`): it is not a tag, so it links nothing.',
    rationale:
      "Tag markers are case-sensitive, like the tags of OpenFastTrace and LOBSTER: `@SPDF implements SEC-REQ-014` reads no tag, and the link its author meant silently does not count. A StrictDoc `@Relation(` counts only when an ID or a `scope=`/`role=` key follows (other annotations, like Room's `@Relation(parentColumn = ...)`, are left alone). OpenFastTrace artifact types are case-sensitive in OpenFastTrace itself, so `[Impl->...]` is an unknown artifact type (CL008), not a marker in another case. Each such marker is reported where it is written, with the lower-case marker offered as a quick fix (never applied by --fix: it creates evidence, which the author should confirm).",
    source: 'heuristic (seed): fail closed on trace markup the tool does not read',
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
          'src/dose.c': '// @SPDF implements SEC-REQ-014\n// ^^^^^ CL011\nint dose_set_rate(int rate) { return rate; }\n',
        },
        {
          'spdf.config.yaml': 'profile: all\ncode:\n  tag_syntaxes: [lobster]\n',
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': '# LOBSTER-Trace: SEC-REQ-014\n# ^^^^^^^^^^^^^^ CL011\ndef set_rate(rate):\n    return rate\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => kind === 'marker-case');
  },
};
export default rule;
