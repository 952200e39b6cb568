import { junitCaseIndex, junitMappingOf, type JUnitCaseIndex } from '../../analysis/junit-mapping';
import { threatScore, isHighRiskScore, SCORES_READS } from '../../analysis/scores';
import type { Graph, ItemOf, ModelItem } from '../../model/graph';
import type { Rule, RuleContext } from '../types';
import { hasText, severityOf, targetsOf, threatStatus, TR_HELPERS_READS } from '../tr/helpers';

const BAD = new Set(['fail', 'not-run', 'blocked']);

/** A test's latest result as the matrix reads it ('not-run' without a result); undefined when it maps JUnit cases and no results were read. */
function testStatus(test: ItemOf<'test'>, cases: JUnitCaseIndex): string | undefined {
  const o = cases.testOutcome(test);
  if (o !== 'none') return o;
  return junitMappingOf(test) ? undefined : 'not-run';
}

/**
 * IDs on the path of a high-risk threat, each with the threat that puts it there: the threat, its
 * controls, and the requirements derived from it or specifying those controls.
 */
function highRiskItems(ctx: RuleContext): Map<string, ModelItem> {
  const graph: Graph = ctx.graph;
  const serious = ctx.config.seriousLevel;
  const out = new Map<string, ModelItem>();
  const add = (id: string, t: ModelItem) => {
    if (!out.has(id)) out.set(id, t);
  };
  const high = new Set<ModelItem>();
  for (const t of graph.byKind.threat) {
    const st = threatStatus(t);
    if (st === 'n/a' || st === 'avoided') continue;
    if (isHighRiskScore(threatScore(t)) || targetsOf(graph, t, 'hazards').some((h) => h.kind === 'hazard' && (severityOf(h) ?? 0) >= serious)) high.add(t);
  }
  if (!high.size) return out;
  const controls = new Map<ModelItem, ModelItem>();
  for (const t of high) {
    add(t.id, t);
    for (const c of targetsOf(graph, t, 'controls')) if (c.kind === 'control' && !controls.has(c)) controls.set(c, t);
  }
  for (const c of graph.byKind.control) {
    const t = targetsOf(graph, c, 'threats').find((x) => high.has(x));
    if (t && !controls.has(c)) controls.set(c, t);
  }
  for (const [c, t] of controls) {
    add(c.id, t);
    for (const q of targetsOf(graph, c, 'implements')) if (q.kind === 'requirement') add(q.id, t);
  }
  for (const q of graph.byKind.requirement) {
    const t = targetsOf(graph, q, 'derived_from').find((x) => high.has(x));
    if (t) add(q.id, t);
    for (const c of targetsOf(graph, q, 'controls')) {
      const via = controls.get(c);
      if (via) add(q.id, via);
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    code: 'VT001',
    alias: 'failing-test-on-high-risk',
    severity: 'error',
    category: 'tests',
    description:
      "A test of a high-risk threat's control or requirement has failed, is blocked, or has not run (high risk: pre-mitigation score >= 7.0, exploitability high or very high, or a linked hazard of serious or worse severity).",
    rationale:
      'Threat mitigation testing is the evidence that a control works; for a threat that can seriously harm a patient or scores High/Critical, a failing or never-run test means the claimed risk reduction is unproven, and the FDA expects the results in the submission. The result of a test is the one the matrix reads (with JUnit results: its mapped cases, and a failed or errored case named after its ID fails it); a test without `result` and without a `junit` mapping counts as not run. Heuristic: the thresholds are ours (CVSS "High" starts at 7.0).',
    source: 'Heuristic; FDA premarket cybersecurity guidance V.C (security testing: threat mitigation testing); IEC 81001-5-1:2021 5.7.2',
    fixable: false,
    needs: ['test-results'],
    runsWithout: ['test-results'],
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, ...SCORES_READS, 'controls', 'derived_from', 'hazards', 'implements', 'junit', 'result', 'tests', 'threats', 'verifies'],
    examples: {
      valid: [
        {
          'reports/tc-001.xml': '<testsuite tests="1" failures="0"/>\n',
          'model.spdf.yaml': `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score: {exploitability: high, post_exploitability: low}
    no_safety_impact_rationale: Hardware dose limits bound the harm.
    controls: [CTRL-001]
controls:
  - id: CTRL-001
    title: Signed therapy commands
    type: technical
    fda_category: authentication
tests:
  - id: TC-001
    title: Unsigned command is rejected
    verifies: [CTRL-001]
    result: pass
    evidence: reports/tc-001.xml
`,
        },
      ],
      invalid: [
        {
          'reports/tc-001.xml': '<testsuite tests="1" failures="1"/>\n',
          'model.spdf.yaml': `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score: {exploitability: high, post_exploitability: low}
    no_safety_impact_rationale: Hardware dose limits bound the harm.
    controls: [CTRL-001]
controls:
  - id: CTRL-001
    title: Signed therapy commands
    type: technical
    fda_category: authentication
tests:
  - id: TC-001
    title: Unsigned command is rejected
    verifies: [CTRL-001]
    result: fail
#           ^^^^ VT001
    evidence: reports/tc-001.xml
`,
        },
      ],
    },
  },
  check(ctx) {
    // Most models' tests pass: the risk analysis below is only needed for a test that does not.
    const cases = junitCaseIndex(ctx);
    if (!ctx.graph.byKind.test.some((t) => BAD.has(testStatus(t, cases) ?? ''))) return;
    const high = highRiskItems(ctx);
    if (!high.size) return;
    // Items each test verifies: its own `verifies`, and items listing it in `tests`.
    const verifiedBy = new Map<ModelItem, ModelItem[]>();
    const push = (test: ModelItem, target: ModelItem) => {
      const l = verifiedBy.get(test);
      if (l) l.push(target);
      else verifiedBy.set(test, [target]);
    };
    for (const r of ctx.graph.refs) {
      if (!r.target) continue;
      if (r.from.kind === 'test' && r.field === 'verifies') push(r.from, r.target);
      else if (r.target.kind === 'test' && r.field === 'tests' && r.from.kind !== 'test') push(r.target, r.from);
    }
    for (const test of ctx.graph.byKind.test) {
      const status = testStatus(test, cases);
      if (status === undefined || !BAD.has(status)) continue;
      const result = typeof test.data.result === 'string' ? test.data.result : undefined;
      const target = (verifiedBy.get(test) ?? []).find((i) => high.has(i.id));
      if (!target) continue;
      const threat = high.get(target.id)!;
      ctx.report({
        file: test.file,
        range: hasText(result) ? ctx.rangeOf(test, ['result']) : ctx.rangeOf(test),
        message: `test '${test.id}' ${status === 'fail' ? 'fails' : status === 'blocked' ? 'is blocked' : 'has not run'}, but it verifies ${target.kind} '${target.id}' of high-risk threat '${threat.id}'`,
      });
    }
  },
};
export default rule;
