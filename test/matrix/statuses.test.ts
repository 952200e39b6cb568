// @spdf verifies SPDF-TRC-001
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrace } from '../../src/cli/commands/trace';
import { buildMatrix } from '../../src/core/matrix/build';
import { decideStatus, coverageOf, traceItems, type StatusEvidence } from '../../src/core/matrix/status';
import { matrixLinksFromCode } from '../../src/core/matrix/links';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const FIXTURE = join(__dirname, '..', 'workspaces', 'matrix-statuses');

function evidence(over: Partial<StatusEvidence>): StatusEvidence {
  return {
    requires: { implementation: true, verification: true, children: false },
    errors: [],
    suppressions: [],
    implementation: [{ label: 'a.c:1 f', review: 'unreviewed' }],
    verifiers: [{ label: 'TC-1', outcome: 'pass' }],
    children: [],
    reviewsInUse: false,
    ...over,
  };
}

describe('matrix statuses', () => {
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });

  it('match the fixture expectations (code links, JUnit, suppressions, acceptance, broken references)', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected-statuses.json'), 'utf8')) as Record<string, string>;
    const t = await loadTrace(FIXTURE);
    const actual: Record<string, string> = {};
    for (const v of Object.values(t.matrix.views)) for (const r of v.rows) actual[r.id] = r.status;
    for (const [id, status] of Object.entries(expected)) assert.equal(actual[id], status, `${id}: ${actual[id]} != ${status}`);
    assert.equal(actual['SEC-REQ-OBS'], undefined, 'obsolete requirements are out of scope');
    // (OK 2 + JUSTIFIED 1) / 9 requirements in scope
    assert.equal(t.matrix.coverage.total, 9);
    assert.equal(t.matrix.coverage.byStatus.OK, 2);
    assert.equal(t.matrix.coverage.byStatus.JUSTIFIED, 1);
    assert.ok(Math.abs(t.matrix.coverage.percent! - 100 / 3) < 1e-9, `coverage ${t.matrix.coverage.percent}%`);
  });

  it('the tree-view API (traceItems) and the matrix agree', async () => {
    const t = await loadTrace(FIXTURE);
    const traces = traceItems(
      {
        graph: t.check.workspace.graph,
        config: t.check.workspace.config,
        findings: t.result.findings,
        suppressed: t.result.suppressed,
        testResults: t.testResults,
        links: matrixLinksFromCode(undefined, undefined, t.check.workspace.graph).links as never,
      },
      ['requirement'],
    );
    assert.equal(traces.length, 9, traces.map((x) => x.item.id).join(', '));
    const byId = new Map(traces.map((x) => [x.item.id, x]));
    // without code links the implemented requirements lose their implementation evidence
    assert.equal(byId.get('SEC-REQ-OK')!.status, 'PARTIAL');
    assert.equal(byId.get('SEC-REQ-MISS')!.status, 'MISSING');
    assert.equal(coverageOf(traces).total, 9);
  });

  describe('decision rule', () => {
    it('OK with every required piece met; not applicable when nothing is required', () => {
      assert.equal(decideStatus(evidence({})).status, 'OK');
      assert.equal(decideStatus(evidence({ requires: { implementation: false, verification: false, children: false }, implementation: [], verifiers: [] })).status, 'OK');
    });
    it('PARTIAL: some evidence, a test that never ran or was blocked', () => {
      assert.equal(decideStatus(evidence({ verifiers: [] })).status, 'PARTIAL');
      assert.equal(decideStatus(evidence({ verifiers: [{ label: 'x', outcome: 'not-run' }] })).status, 'PARTIAL');
      assert.equal(
        decideStatus(
          evidence({
            verifiers: [
              { label: 'x', outcome: 'pass' },
              { label: 'y', outcome: 'blocked' },
            ],
          }),
        ).status,
        'PARTIAL',
      );
    });
    it('MISSING: no evidence at all', () => {
      assert.equal(decideStatus(evidence({ implementation: [], verifiers: [] })).status, 'MISSING');
    });
    it('SUSPECT beats evidence; ERROR beats everything', () => {
      assert.equal(decideStatus(evidence({ implementation: [{ label: 'a', review: 'suspect' }] })).status, 'SUSPECT');
      assert.equal(decideStatus(evidence({ verifiers: [{ label: 'a', outcome: 'fail' }], implementation: [{ label: 'a', review: 'suspect' }] })).status, 'ERROR');
      assert.equal(decideStatus(evidence({ errors: ['TM002: x'] })).status, 'ERROR');
    });
    it('unreviewed links are incomplete only when a review lock is in use', () => {
      assert.equal(decideStatus(evidence({ reviewsInUse: true })).status, 'PARTIAL');
      assert.equal(decideStatus(evidence({ reviewsInUse: true, implementation: [{ label: 'a', review: 'reviewed' }] })).status, 'OK');
    });
    it('JUSTIFIED: suppression of a gap, accepted risk; a suppression never hides ERROR or SUSPECT', () => {
      assert.equal(decideStatus(evidence({ verifiers: [], suppressions: ['RQ002: by inspection'] })).status, 'JUSTIFIED');
      assert.equal(decideStatus(evidence({ suppressions: ['RQ002: x'] })).status, 'OK');
      assert.equal(decideStatus(evidence({ errors: ['e'], suppressions: ['RQ002: x'] })).status, 'ERROR');
      assert.equal(decideStatus(evidence({ accepted: 'ok (by X)', implementation: [], verifiers: [] })).status, 'JUSTIFIED');
    });
    it('children roll up: ERROR and SUSPECT propagate, PARTIAL makes the parent PARTIAL', () => {
      const parent = (statuses: string[]) =>
        decideStatus(
          evidence({
            requires: { implementation: false, verification: false, children: true },
            implementation: [],
            verifiers: [],
            children: statuses.map((s, i) => ({ label: `C${i}`, status: s as never })),
          }),
        ).status;
      assert.equal(parent([]), 'MISSING');
      assert.equal(parent(['OK', 'JUSTIFIED']), 'OK');
      assert.equal(parent(['OK', 'MISSING']), 'PARTIAL');
      assert.equal(parent(['OK', 'SUSPECT']), 'SUSPECT');
      assert.equal(parent(['SUSPECT', 'ERROR']), 'ERROR');
    });
  });

  it('marks links suspect from the review lock', async () => {
    const host = new MemoryHost(new Map([['m.spdf.yaml', 'requirements:\n  - id: SEC-REQ-1\n    title: A\n']]));
    const { graph, config } = await loadWorkspace(host);
    const link = {
      id: 'SEC-REQ-1',
      relation: 'implements',
      file: 'a.c',
      symbol: 'f',
      codeHash: 'new',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } },
      symbolRange: { start: { line: 2, character: 0 }, end: { line: 9, character: 1 } },
    };
    const lock = { version: 1, links: [{ id: 'SEC-REQ-1', relation: 'implements', file: 'a.c', symbol: 'f', codeHash: 'old', targetHash: 'x', reviewer: 'r', date: '2026-01-01' }] };
    const code = matrixLinksFromCode({ files: [{ links: [link] as never }] }, lock as never, graph);
    assert.equal(code.links[0].review, 'suspect');
    assert.equal(code.links[0].line, 3);
    const m = buildMatrix({ graph, config, code }, ['requirements']);
    assert.equal(m.views.requirements!.rows[0].status, 'SUSPECT');
  });
});
