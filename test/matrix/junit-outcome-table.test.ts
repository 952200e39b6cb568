// @spdf verifies SPDF-FC-JUNIT-MAPPING, SPDF-FC-JUNIT-UNMAPPED
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { resolveConfig } from '../../src/core/model/config';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { exampleTestResults } from '../support/example-test-results';

/**
 * Every pair of a test's recorded `result` and its JUnit case's outcome, with the case mapped by `junit` or only
 * named after the test's ID: the VT001, VT002 and VT005 findings at the test and the status of the requirement it
 * verifies (verification is all the requirement needs; it specifies a control of a high-risk threat, so VT001
 * applies). The table of docs/test-results.md; no pair shows OK where the case failed or errored.
 */
type Mapping = 'mapped' | 'named';
type Result = 'pass' | 'fail' | 'not-run' | 'none';
type Case = 'passed' | 'failed' | 'errored' | 'skipped';
/** VT001, VT002, VT005 (severity or '-'), requirement status. */
type Row = [vt001: boolean, vt002: boolean, vt005: string, status: string];

const TABLE: Record<Mapping, Record<Result, Record<Case, Row>>> = {
  mapped: {
    pass: { passed: [false, false, '-', 'OK'], failed: [true, false, '-', 'ERROR'], errored: [true, false, '-', 'ERROR'], skipped: [true, false, '-', 'PARTIAL'] },
    fail: { passed: [true, false, '-', 'ERROR'], failed: [true, false, '-', 'ERROR'], errored: [true, false, '-', 'ERROR'], skipped: [true, false, '-', 'ERROR'] },
    'not-run': { passed: [false, false, '-', 'OK'], failed: [true, false, '-', 'ERROR'], errored: [true, false, '-', 'ERROR'], skipped: [true, false, '-', 'PARTIAL'] },
    none: { passed: [false, false, '-', 'OK'], failed: [true, false, '-', 'ERROR'], errored: [true, false, '-', 'ERROR'], skipped: [true, false, '-', 'PARTIAL'] },
  },
  named: {
    pass: { passed: [false, true, 'warning', 'PARTIAL'], failed: [true, true, 'error', 'ERROR'], errored: [true, true, 'error', 'ERROR'], skipped: [true, true, 'warning', 'PARTIAL'] },
    fail: { passed: [true, true, 'error', 'ERROR'], failed: [true, true, 'warning', 'ERROR'], errored: [true, true, 'warning', 'ERROR'], skipped: [true, true, 'warning', 'ERROR'] },
    'not-run': { passed: [true, false, 'warning', 'PARTIAL'], failed: [true, false, 'warning', 'ERROR'], errored: [true, false, 'warning', 'ERROR'], skipped: [true, false, 'warning', 'PARTIAL'] },
    none: { passed: [true, false, 'warning', 'PARTIAL'], failed: [true, false, 'warning', 'ERROR'], errored: [true, false, 'warning', 'ERROR'], skipped: [true, false, 'warning', 'PARTIAL'] },
  },
};

const CASE_XML: Record<Case, string> = { passed: '', failed: '<failure message="m"/>', errored: '<error message="e"/>', skipped: '<skipped/>' };

const pairs = (Object.keys(TABLE) as Mapping[]).flatMap((m) =>
  (Object.keys(TABLE[m]) as Result[]).flatMap((r) => (Object.keys(TABLE[m][r]) as Case[]).map((c) => ({ m, r, c, suffix: `${m}-${r}-${c}` }))),
);

/** One workspace holding every pair: test TC-<pair> verifies SEC-REQ-<pair>; its case is `suite.case-<pair>` (mapped) or `suite.TC-<pair>` (named). */
function workspace(): Record<string, string> {
  const model = [
    'assets:\n  - {id: AST-DOSE, name: Dose command, kind: data}',
    'threats:\n  - id: THR-001\n    title: Forged dose command\n    stride: [T]\n    targets: [AST-DOSE]\n    score: {exploitability: high, post_exploitability: low}\n    no_safety_impact_rationale: Hardware dose limits bound the harm.\n    controls: [CTRL-001]',
    'controls:\n  - {id: CTRL-001, title: Signed therapy commands, type: technical, fda_category: authentication}',
    `requirements:\n${pairs.map((p) => `  - {id: SEC-REQ-${p.suffix}, title: t, verification: [test], controls: [CTRL-001]}`).join('\n')}`,
    `tests:\n${pairs
      .map(
        (p) =>
          `  - {id: TC-${p.suffix}, title: t, verifies: [SEC-REQ-${p.suffix}]${p.r === 'none' ? '' : `, result: ${p.r}`}${p.m === 'mapped' ? `, junit: {classname: suite, name: case-${p.suffix}}` : ''}}`,
      )
      .join('\n')}`,
  ].join('\n');
  const cases = pairs.map((p) => `  <testcase classname="suite" name="${p.m === 'mapped' ? `case-${p.suffix}` : `TC-${p.suffix}`}">${CASE_XML[p.c]}</testcase>`);
  return {
    'spdf.config.yaml': 'profile: all\ntest_results: [results/*.xml]\nevidence:\n  requirement: {implementation: false, verification: true}\n',
    'model.spdf.yaml': `${model}\n`,
    'results/junit.xml': `<testsuite name="suite">\n${cases.join('\n')}\n</testsuite>\n`,
  };
}

describe('JUnit outcome table: recorded result x case outcome x mapping', () => {
  it('gives the documented VT001, VT002 and VT005 findings and requirement status for every pair', async () => {
    const files = workspace();
    const host = new MemoryHost(new Map(Object.entries(files)));
    const ws = await loadWorkspace(host);
    assert.deepEqual(ws.graph.problems, []);
    const testResults = exampleTestResults(files, resolveConfig(new TextEncoder().encode(files['spdf.config.yaml'])).config)!;
    assert.equal(testResults.cases.length, pairs.length);
    const inputs = ruleInputs(ws, { testResults });
    const result = lint(inputs);
    const matrix = traceMatrix(inputs, result);
    const status = new Map(matrix.views.requirements!.rows.map((r) => [r.id, r.status]));
    const at = (code: string, id: string) => result.findings.filter((f) => f.code === code && f.message.includes(`'${id}'`));
    const got: string[] = [];
    const want: string[] = [];
    for (const p of pairs) {
      const id = `TC-${p.suffix}`;
      const vt005 = at('VT005', id);
      got.push(`${p.suffix}: ${JSON.stringify([at('VT001', id).length > 0, at('VT002', id).length > 0, vt005.length ? vt005.map((f) => f.severity).join() : '-', status.get(`SEC-REQ-${p.suffix}`)])}`);
      want.push(`${p.suffix}: ${JSON.stringify(TABLE[p.m][p.r][p.c])}`);
    }
    assert.deepEqual(got, want);
    for (const p of pairs) if (p.c === 'failed' || p.c === 'errored') assert.equal(status.get(`SEC-REQ-${p.suffix}`), 'ERROR', p.suffix);
  });
});
