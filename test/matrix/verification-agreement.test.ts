// @spdf verifies SPDF-TRC-002, SPDF-VT-001
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { runGate } from '../../src/core/matrix/gate';
import { traceItems, type StatusLink } from '../../src/core/matrix/status';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

const MODEL = `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    verification: [test]
`;
const IMPL = '// @spdf implements SEC-REQ-001\nint dose_set_rate(int rate) { return rate; }\n';
const VERIFY = '// @spdf verifies SEC-REQ-001\nvoid test_rejects_unsigned(void) {}\n';

/** What each consumer says about SEC-REQ-001: the rules (lint), the matrix (exports), the tree view (server) and the gate. */
async function verdicts(extra: Record<string, string>, model = MODEL) {
  const files = { 'spdf.config.yaml': 'profile: all\n', 'model.spdf.yaml': model, 'src/dose.c': IMPL, ...extra };
  const host = new MemoryHost(new Map(Object.entries(files)));
  const code = await buildCodeIndex({ root: '/example', host, workers: 0 });
  const workspace = await loadWorkspace(host);
  const inputs = ruleInputs(workspace, { code });
  const result = lint(inputs);
  const matrix = traceMatrix(inputs, result);
  const links: StatusLink[] = code.files
    .flatMap((f) => f.links)
    .map((l) => ({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, range: l.range, symbolRange: l.symbolRange, review: 'unreviewed' }));
  const tree = traceItems({ graph: workspace.graph, config: workspace.config, findings: result.findings, suppressed: result.suppressed, links, allFiles: workspace.allFiles });
  return {
    rq002: result.findings.some((f) => f.code === 'RQ002'),
    cl004: result.findings.some((f) => f.code === 'CL004'),
    vt002: result.findings.some((f) => f.code === 'VT002'),
    matrix: matrix.views.requirements!.rows[0].status,
    tree: tree[0].status,
    treeLinks: tree[0].verifiedByLinks.length,
    gate: runGate(inputs, result, { minCoverage: 100 }).pass,
  };
}

describe('one definition of verification', () => {
  it('a verifies tag outside code.test_globs is no evidence for any consumer', async () => {
    assert.deepEqual(await verdicts({ 'src/dose_check.c': VERIFY }), { rq002: true, cl004: true, vt002: false, matrix: 'PARTIAL', tree: 'PARTIAL', treeLinks: 0, gate: false });
  });

  it('the same tag in a test file verifies for every consumer', async () => {
    assert.deepEqual(await verdicts({ 'tests/test_dose.c': VERIFY }), { rq002: false, cl004: false, vt002: false, matrix: 'OK', tree: 'OK', treeLinks: 1, gate: true });
  });

  it('a test result whose evidence file is missing proves nothing for any consumer; with the file it does', async () => {
    const model = `${MODEL}    tests: [TC-001]\ntests:\n  - id: TC-001\n    title: Unsigned command is rejected\n    result: pass\n    evidence: reports/tc-001.txt\n`;
    assert.deepEqual(await verdicts({}, model), { rq002: false, cl004: false, vt002: true, matrix: 'PARTIAL', tree: 'PARTIAL', treeLinks: 0, gate: false });
    assert.deepEqual(await verdicts({ 'reports/tc-001.txt': 'passed\n' }, model), { rq002: false, cl004: false, vt002: false, matrix: 'OK', tree: 'OK', treeLinks: 0, gate: true });
  });
});
