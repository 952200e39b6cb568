import type { Rule } from '../types';
import { allTags, isTestFile } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL004',
    alias: 'verifies-outside-tests',
    severity: 'warning',
    category: 'code-links',
    description: 'A `verifies` tag sits in a file that is not a test file (test globs are configurable).',
    rationale:
      'Verification evidence must come from a test that runs; production code that claims to verify a requirement inflates the verified count in the matrix. If the file is a test, add its location to `code.test_globs`.',
    source: 'IEC 81001-5-1 5.7 (security requirement testing); 21 CFR 820.30(f) design verification',
    fixable: false,
    since: '0.1.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'tests/test_dose.py': '# @spdf verifies SEC-REQ-014\ndef test_rejects_unsigned():\n    assert True\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.py': '# @spdf verifies SEC-REQ-014\n#                ^^^^^^^^^^^ CL004\ndef set_rate(rate):\n    return rate\n',
        },
      ],
    },
  },
  check(ctx) {
    const isTest = isTestFile(ctx);
    for (const { file, tag } of allTags(ctx)) {
      if (tag.relation !== 'verifies' || isTest(file)) continue;
      ctx.report({ file, range: tag.idRange, message: `'verifies ${tag.id}' outside a test file; only tests verify (see code.test_globs)` });
    }
  },
};
export default rule;
