// @spdf verifies SPDF-TRC-001
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { buildMatrix } from '../../src/core/matrix/build';
import type { MatrixCodeLink } from '../../src/core/matrix/links';
import type { Cell } from '../../src/core/matrix/model';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const MODEL = `requirements:
  - id: REQ-1
    title: Linked
    controls: [CTL-1]
  - id: REQ-2
    title: Alone
controls:
  - id: CTL-1
    title: C
`;

const link = (id: string, symbol: string | null, line: number, review: MatrixCodeLink['review']): MatrixCodeLink => ({ id, relation: 'implements', file: 'a.c', symbol, line, review });

async function requirementRows() {
  const { graph, config } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
  const links = [link('REQ-1', 'f', 3, 'suspect'), link('REQ-1', null, 1, 'reviewed')];
  return buildMatrix({ graph, config, code: { links, reviewsInUse: true } }, ['requirements', 'controls']).views.requirements!.rows;
}

describe('matrix cells without values', () => {
  it('are one frozen array shared by every row (a change to it throws instead of showing in every row)', async () => {
    const rows = await requirementRows();
    const empty: Cell[] = rows.flatMap((r) => Object.values(r.cells).filter((c) => c.length === 0));
    // REQ-1: threats, hazards, zones, conduits, verification, suppressions; REQ-2: also controls and implementation.
    assert.ok(empty.length >= 12, `${empty.length} empty cells`);
    assert.equal(new Set(empty).size, 1, 'one shared array');
    assert.ok(Object.isFrozen(empty[0]));
    assert.throws(() => empty[0].push({ text: 'x' }), TypeError);
    assert.equal(JSON.stringify(empty[0]), '[]');
  });

  it('leave the cells with values as they were: implementing code with its label, suspect mark and target', async () => {
    const [req1] = await requirementRows();
    assert.deepEqual(req1.cells.implementation, [
      { text: 'a.c:3 f [suspect]', target: { type: 'code', file: 'a.c', line: 3, symbol: 'f' } },
      { text: 'a.c:1', target: { type: 'code', file: 'a.c', line: 1 } },
    ]);
    assert.deepEqual(
      req1.cells.controls.map((v) => v.text),
      ['CTL-1'],
    );
  });
});
