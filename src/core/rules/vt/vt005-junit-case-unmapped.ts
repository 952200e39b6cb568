// @spdf implements SPDF-FC-JUNIT-UNMAPPED
import type { JUnitCase } from '../../matrix/test-results';
import type { ItemOf } from '../../model/graph';
import type { Rule } from '../types';

/** A YAML test item's `junit` mapping selects the case (as the matrix matches it). */
function mapsCase(test: ItemOf<'test'>, c: JUnitCase): boolean {
  const j = test.data.junit;
  if (!j || typeof j !== 'object') return false;
  const classname = typeof j.classname === 'string' ? j.classname.trim() : undefined;
  const name = typeof j.name === 'string' ? j.name.trim() : undefined;
  if (classname === undefined && name === undefined) return false;
  return (classname === undefined || classname === c.classname.trim()) && (name === undefined || name === c.name.trim());
}

/** What the model says of the test (as the matrix reads it): its mapped cases' outcome, else its `result`. */
function claimOf(test: ItemOf<'test'>, cases: readonly JUnitCase[]): string {
  const mapped = test.data.junit ? cases.filter((c) => mapsCase(test, c)) : [];
  if (mapped.some((c) => c.outcome === 'fail' || c.outcome === 'error')) return 'fail';
  if (mapped.some((c) => c.outcome === 'pass')) return 'pass';
  if (mapped.length) return 'not-run';
  const r = test.data.result;
  return typeof r === 'string' && r.trim() ? r : 'none';
}

const yamlString = (s: string) => (/^[\w.-]+$/.test(s) ? s : JSON.stringify(s));

const rule: Rule = {
  meta: {
    code: 'VT005',
    alias: 'junit-case-unmapped',
    severity: 'warning',
    category: 'tests',
    description:
      "A JUnit test case is named after a test item's ID (`name` or `classname.name`) but the test item does not map it with `junit`, so its result is not part of the model; an error when the case's outcome contradicts the test's recorded result.",
    rationale:
      "A JUnit case reaches a YAML test only through the test's `junit: {classname, name}` mapping. A results file saying `TC-001` failed, next to a model whose test TC-001 records `result: pass`, otherwise leaves the matrix showing a pass the evidence contradicts. A contradiction (the case failed or errored and the test claims pass, or the case passed and the test claims fail) takes the severity of VT001 (error) when that is higher; any other unmapped case is a warning.",
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
    const cases = ctx.testResults?.cases;
    if (!cases?.length || !ctx.graph.byKind.test.length) return;
    for (const c of cases) {
      const name = c.name.trim();
      const byName = ctx.graph.byId.get(name);
      const test = byName?.kind === 'test' ? byName : ctx.graph.byId.get(`${c.classname.trim()}.${name}`);
      if (test?.kind !== 'test' || mapsCase(test, c)) continue;
      const claim = claimOf(test, cases);
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
        ...(contradicts ? { severityOf: 'VT001' } : {}),
      });
    }
  },
};
export default rule;
