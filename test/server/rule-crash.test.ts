// @spdf verifies SPDF-LSP-VIEWS
/**
 * A rule that crashes reported nothing, so the findings that would make items ERROR may be missing: `spdf check`
 * fails (an internal offender) and `spdf trace` lists it as a problem. The editor must not look complete either: an
 * error on spdf.config.yaml, counted in the status, and the tree, diagram and matrix list it.
 */
import assert from 'node:assert/strict';
import type { Matrix } from '../../src/core/matrix/model';
import { findRule } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';
import type { StatusSummary, TreeDataResult, ZoneDiagramResult } from '../../src/protocol';
import { messageText, startHarness, until, type Harness } from './harness';
import { BASE } from './parity-workspace';

const CRASHED = 'internal error in rule RQ001: Error: boom (its findings are missing)';

describe('language server: a rule that crashed', function () {
  this.timeout(60000);
  let h: Harness;
  let rule: Rule;
  let original: PropertyDescriptor;
  before(async () => {
    rule = findRule('RQ001')!;
    original = Object.getOwnPropertyDescriptor(rule, 'check')!;
    (rule as { check: Rule['check'] }).check = () => {
      throw new Error('boom');
    };
    h = await startHarness(BASE);
    await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
  });
  after(async () => {
    Object.defineProperty(rule, 'check', original);
    await h.close();
  });

  it('is an error on spdf.config.yaml, counted in the status', () => {
    const errors = (h.diagnostics.get(h.uri('spdf.config.yaml')) ?? []).filter((d) => d.severity === 1).map(messageText);
    assert.ok(errors.includes(CRASHED), JSON.stringify(errors));
    const s = h.notifications
      .filter((n) => n.method === 'spdf/status')
      .map((n) => n.params as StatusSummary)
      .find((x) => !x.indexing)!;
    assert.ok((s.inputProblems ?? 0) >= 1 && s.errors >= 1, JSON.stringify(s));
  });

  it('is listed by the matrix, the tree and the diagram', async () => {
    assert.ok((await h.request<Matrix>('spdf/traceMatrix', {})).problems.includes(CRASHED));
    assert.deepEqual(
      (await h.request<TreeDataResult>('spdf/treeData', {})).problems?.map((p) => p.message),
      [CRASHED],
    );
    assert.deepEqual((await h.request<ZoneDiagramResult>('spdf/zoneDiagram', {})).problems, [CRASHED]);
  });
});
