// @spdf verifies SPDF-LSP-PARITY
/**
 * The coverage of the status bar is the coverage of `spdf check` on the same workspace (every status, obsolete and
 * duplicate requirements left out alike), and the server computes it from the statuses alone: the per-item traces
 * (links, tests) the tree and the code lenses read are not built for it (at start-up they were the slower half of it).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mock } from 'node:test';
import { MemoryHost } from '../../src/core/host';
import { coverageOf } from '../../src/core/matrix/status';
import { WorkspaceState } from '../../src/server/state';
import { TraceCache } from '../../src/server/trace-cache';
import { coverageSummary } from '../../src/server/tree';
import type { StatusSummary } from '../../src/protocol';
import { runCli } from '../support/cli';
import { startHarness, until } from './harness';
import { BASE } from './parity-workspace';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}

/** Requirements of every status the example lacks: MISSING, JUSTIFIED, ERROR, obsolete (out of scope), a duplicate ID. */
const MORE = `spdf: "0.1"
requirements:
  - id: SEC-REQ-901
    title: Nothing implements or verifies this
    text: "The pump shall log every power cycle."
    verification: [test]
  # spdf-disable-next-line RQ002 -- verified by inspection of the enclosure drawing
  - id: SEC-REQ-902
    title: Justified gap
    text: "The pump shall keep its service port behind a sealed cover."
    verification: [inspection]
  - id: SEC-REQ-903
    title: Broken reference
    text: "The pump shall reject unknown commands."
    derived_from: [THR-NO-SUCH]
    verification: [test]
  - id: SEC-REQ-904
    title: Out of scope
    text: "The pump shall support the retired serial protocol."
    verification: [test]
    status: obsolete
  - id: SEC-REQ-001
    title: Second definition of an ID
    text: "The pump shall pair."
    verification: [test]
`;

describe('language server: the coverage of the status', function () {
  this.timeout(60000);

  it('equals the coverage of spdf check on the same workspace, every status counted', async () => {
    const h = await startHarness({ ...filesOf(EXAMPLE), 'model/more.spdf.yaml': MORE });
    try {
      const statuses = () => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);
      await until('the first complete status', () => statuses().some((s) => !s.indexing));
      const status = statuses().find((s) => !s.indexing)!;
      const r = await runCli(['check', h.root, '--format', 'json']);
      const gate = JSON.parse(r.stdout) as { coverage: { total: number; byStatus: Record<string, number>; percent: number | null } };
      assert.deepEqual(status.coverage, { total: gate.coverage.total, byStatus: gate.coverage.byStatus, percent: gate.coverage.percent ?? undefined });
      // The workspace has a requirement of each status the gate counts (or the comparison proves less).
      for (const s of ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR']) assert.ok(gate.coverage.byStatus[s] > 0, `${s}: ${JSON.stringify(gate.coverage)}`);
    } finally {
      await h.close();
    }
  });

  it('is computed without building the per-item traces, and equals the coverage over them', async () => {
    const state = new WorkspaceState(new MemoryHost(new Map(Object.entries({ ...BASE, 'model/more.spdf.yaml': MORE.replace('SEC-REQ-001', 'REQ-001') }))), {
      root: 'status-coverage',
      trusted: true,
      codeLinks: false,
    });
    await state.loadAll();
    state.check();
    const traces = mock.method(TraceCache.prototype, 'traces');
    let coverage;
    try {
      coverage = coverageSummary(state);
    } finally {
      traces.mock.restore();
    }
    assert.equal(traces.mock.callCount(), 0, 'the status built the per-item traces');
    const { percent, total, byStatus } = coverageOf(state.traces(['requirement']));
    assert.deepEqual(coverage, { percent, total, byStatus });
    assert.equal(coverage.total, 4, JSON.stringify(coverage));
  });
});
