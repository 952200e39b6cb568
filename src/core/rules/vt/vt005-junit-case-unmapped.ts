// @spdf implements SPDF-FC-JUNIT-UNMAPPED
import { junitCaseIndex } from '../../analysis/junit-mapping';
import type { Rule } from '../types';

const yamlString = (s: string) => (/^[\w.-]+$/.test(s) ? s : JSON.stringify(s));

const rule: Rule = {
  meta: {
    code: 'VT005',
    alias: 'junit-case-unmapped',
    severity: 'error',
    category: 'tests',
    description:
      "A JUnit test case is named after a test item's ID (`name` or `classname.name`) but the test item does not map it with `junit`; the rule's severity (default error) when the case's outcome contradicts the test's recorded result, else at most a warning.",
    rationale:
      "A JUnit case reaches a YAML test through the test's `junit: {classname, name}` mapping. A results file saying `TC-001` failed, next to a model whose test TC-001 maps nothing and records `result: pass`, is a model that contradicts its evidence: the matrix fails the test (a failed or errored case named after a test counts, fail closed; docs/test-results.md), and this rule says where and which mapping to add. A contradiction (the case failed or errored and the test claims pass, or the case passed and the test claims fail) is reported at the rule's severity; any other unmapped case at most as a warning.",
    source: 'Heuristic; FDA premarket cybersecurity guidance V.C (security testing documentation); 21 CFR 820.30(f) (design verification results documented)',
    fixable: false,
    needs: ['test-results'],
    since: '0.2.0',
    reads: ['junit', 'result'],
    examples: {
      valid: [
        {
          'spdf.config.yaml': 'profile: all\ntest_results: [results/*.xml]\n',
          'results/junit.xml': '<testsuite name="dose">\n  <testcase classname="dose" name="TC-001"><failure message="accepted"/></testcase>\n</testsuite>\n',
          'model.spdf.yaml': `tests:
  - id: TC-001
    title: Unsigned command is rejected
    junit: {classname: dose, name: TC-001}
`,
        },
      ],
      invalid: [
        {
          'spdf.config.yaml': 'profile: all\ntest_results: [results/*.xml]\n',
          'results/junit.xml': '<testsuite name="dose">\n  <testcase classname="dose" name="TC-001"><failure message="accepted"/></testcase>\n</testsuite>\n',
          'model.spdf.yaml': `tests:
  - id: TC-001
    title: Unsigned command is rejected
    result: pass
#           ^^^^ VT005
    evidence: results/junit.xml
`,
        },
      ],
    },
  },
  check(ctx) {
    if (!ctx.testResults?.cases.length || !ctx.graph.byKind.test.length) return;
    const index = junitCaseIndex(ctx);
    for (const test of ctx.graph.byKind.test) {
      const named = index.unmappedNamedCases(test);
      if (!named.length) continue;
      const claim = index.recordedOutcome(test);
      for (const c of named) {
        const failed = c.outcome === 'fail' || c.outcome === 'error';
        const contradicts = (failed && claim === 'pass') || (c.outcome === 'pass' && claim === 'fail');
        const result = test.data.result;
        const said = claim === 'none' ? 'records no result' : `reads '${claim}'`;
        ctx.report({
          file: test.file,
          range: typeof result === 'string' && result.trim() ? ctx.rangeOf(test, ['result']) : ctx.rangeOf(test),
          message:
            `JUnit case '${c.classname ? `${c.classname}.` : ''}${c.name}' at ${c.file}:${c.line} ${failed ? (c.outcome === 'error' ? 'errored' : 'failed') : c.outcome === 'pass' ? 'passed' : 'was skipped'} ` +
            `and is named after test '${test.id}', which does not map it and ${said}${contradicts ? ': the model contradicts its test evidence' : ''}; ` +
            `map it with \`junit: {classname: ${yamlString(c.classname)}, name: ${yamlString(c.name)}}\``,
          ...(contradicts ? {} : { atMost: 'warning' as const }),
        });
      }
    }
  },
};
export default rule;
