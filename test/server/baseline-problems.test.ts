// @spdf verifies SPDF-BASE-004, SPDF-LSP-PARITY
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';
import { BASE, CONFIG } from './parity-workspace';

const BASELINE = 'spdf.baseline.json';

describe("server: the baseline file's own problems", () => {
  it('are replaced, not added to, when the baseline changes while the findings stay', async () => {
    const disk = new Map<string, string>(Object.entries({ ...BASE, 'spdf.config.yaml': `${CONFIG}baseline: ${BASELINE}\n`, [BASELINE]: '{' }));
    const state = new WorkspaceState(new MemoryHost(disk), { root: 'baseline-problems', trusted: true, codeLinks: false });
    await state.loadAll();
    state.check();
    const first = state.findingsByFile.get(BASELINE) ?? [];
    assert.equal(first.length, 1, JSON.stringify(first));
    disk.set(BASELINE, '[');
    await state.fileChanged(BASELINE, 'changed');
    state.check();
    const now = (state.findingsByFile.get(BASELINE) ?? []).map((f) => f.message);
    assert.equal(now.length, 1, JSON.stringify(now));
    assert.notDeepEqual(now, [first[0].message], 'the problem of the new text');
    disk.set(BASELINE, '{"version": 1, "entries": []}\n');
    await state.fileChanged(BASELINE, 'changed');
    state.check();
    assert.deepEqual(state.findingsByFile.get(BASELINE) ?? [], []);
  });
});
