import type { Rule } from '../types';
import { testEvidenceGap } from '../../analysis/verification';

const rule: Rule = {
  meta: {
    code: 'VT002',
    alias: 'test-evidence-missing',
    severity: 'warning',
    category: 'tests',
    description:
      "A test's `evidence` file is not in the workspace, is empty (no text, or white space only) or cannot be read, or a test records a pass/fail result with no evidence and no JUnit mapping.",
    rationale:
      'The FDA expects security test reports, not claims: a result is evidence only if the report or JUnit file that shows it can be produced. Paths are tried from the workspace root and from the model file\'s folder; URLs are not checked. The matrix, the tree view and `spdf check` read the same definition: a test reported here verifies nothing yet, so the items it verifies are PARTIAL ("test evidence missing").',
    source: 'FDA premarket cybersecurity guidance V.C (security testing documentation); 21 CFR 820.30(f) (design verification results documented)',
    fixable: false,
    needs: ['files'],
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: [
        {
          'model.spdf.yaml': `tests:
  - id: TC-001
    title: Unsigned command is rejected
    result: pass
    evidence: reports/tc-001.xml
`,
          'reports/tc-001.xml': '<testsuite tests="1" failures="0"/>\n',
        },
      ],
      invalid: [
        `tests:
  - id: TC-001
    title: Unsigned command is rejected
    result: pass
    evidence: reports/tc-001.xml
#             ^^^^^^^^^^^^^^^^^^ VT002
  - id: TC-002
    title: Replayed command is rejected
    result: fail
#           ^^^^ VT002
`,
        {
          'model.spdf.yaml': `tests:
  - id: TC-003
    title: Expired certificate is rejected
    result: pass
    evidence: reports/tc-003.xml
#             ^^^^^^^^^^^^^^^^^^ VT002
`,
          'reports/tc-003.xml': '',
        },
      ],
    },
  },
  check(ctx) {
    const files = ctx.shared('helpers/all-files', () => new Set(ctx.allFiles));
    for (const t of ctx.graph.byKind.test) {
      const gap = testEvidenceGap(t, files, ctx.unusableEvidence);
      if (!gap) continue;
      ctx.report({
        file: t.file,
        range: ctx.rangeOf(t, [gap.field]),
        message: gap.field === 'evidence' ? `test '${t.id}': ${gap.message}` : `test '${t.id}' ${gap.message}; set \`evidence\` (report or JUnit file) or map it to a JUnit case with \`junit\``,
      });
    }
  },
};
export default rule;
