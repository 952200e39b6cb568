import { verificationIndex, VERIFICATION_READS } from '../../analysis/verification';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { isObsolete, setKeyEdit, strList, TR_HELPERS_READS } from '../tr/helpers';

/** Verification method a test of each kind stands for. */
const METHOD_OF_TEST_KIND: Record<string, string> = {
  unit: 'test',
  integration: 'test',
  system: 'test',
  'vuln-scan': 'test',
  'active-scan': 'test',
  pentest: 'pentest',
  fuzz: 'fuzz',
  sca: 'analysis',
  sast: 'analysis',
};
const ORDER = ['test', 'analysis', 'inspection', 'demonstration', 'pentest', 'fuzz'];

/** Methods evidenced by the tests that verify a requirement, in the schema's order. */
export function methodsFromTests(tests: readonly ModelItem[]): string[] {
  const s = new Set(tests.map((t) => METHOD_OF_TEST_KIND[t.data.kind as string] ?? 'test'));
  return ORDER.filter((m) => s.has(m));
}

const rule: Rule = {
  meta: {
    code: 'RQ001',
    alias: 'requirement-without-verification-method',
    severity: 'error',
    category: 'requirements',
    description: 'A requirement names no verification method (`verification`: test, analysis, inspection, demonstration, pentest, fuzz).',
    rationale:
      "Design verification confirms that each design input is met, by a method chosen when the requirement is written; IEC 81001-5-1 asks for security requirement testing planned per requirement. When tests already verify the requirement, the fix writes the methods their kinds stand for (pentest, fuzz, analysis for SAST/SCA, test otherwise); without tests the choice is a person's.",
    source: '21 CFR 820.30(f) / QMSR (ISO 13485:2016 7.3.6) design verification; IEC 81001-5-1:2021 5.2 and 5.7.1',
    fixable: true,
    needs: ['code'],
    runsWithout: ['code'],
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, ...VERIFICATION_READS, 'kind', 'verification'],
    examples: {
      valid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
    verification: [test]
tests:
  - id: TC-001
    title: Unsigned command is rejected
    kind: integration
    verifies: [SEC-REQ-001]
`,
      ],
      invalid: [
        `requirements:
  - id: SEC-REQ-001
#       ^^^^^^^^^^^ RQ001
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
tests:
  - id: TC-001
    title: Unsigned command is rejected
    kind: integration
    verifies: [SEC-REQ-001]
`,
      ],
    },
  },
  check(ctx) {
    for (const r of ctx.graph.byKind.requirement) {
      if (isObsolete(r) || strList(r.data.verification).length) continue;
      const methods = methodsFromTests(verificationIndex(ctx).testsOf.get(r.id) ?? []);
      ctx.report({
        file: r.file,
        range: ctx.rangeOf(r),
        message: `requirement '${r.id}' names no verification method; set \`verification\` (test, analysis, inspection, demonstration, pentest, fuzz)`,
        fix: methods.length
          ? { description: `Set verification to [${methods.join(', ')}] (from the tests that verify it)`, edits: [setKeyEdit(ctx, r, 'verification', `[${methods.join(', ')}]`)] }
          : undefined,
      });
    }
  },
};
export default rule;
