// @spdf verifies SPDF-TRC-001
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import type { MatrixCodeLink } from '../../src/core/matrix/links';
import { TraceIndex } from '../../src/core/matrix/trace-index';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const MODEL = `requirements:
  - id: REQ-1
    title: A
    controls: [CTL-1]
  - id: REQ-2
    title: B
    controls: [CTL-1]
controls:
  - id: CTL-1
    title: C
`;

const link = (id: string, file: string, symbol: string | null, line: number, relation = 'implements'): MatrixCodeLink => ({ id, relation, file, symbol, line, review: 'unreviewed' });

/** The list before the comparison of places: a set of `file NUL symbol NUL line` keys, first occurrence kept. */
function reference(ix: TraceIndex, ids: string[], links: MatrixCodeLink[]): MatrixCodeLink[] {
  const seen = new Set<string>();
  return ids.flatMap((id) =>
    links.filter((l) => l.id === id && l.relation === 'implements' && !seen.has(`${l.file}\u0000${l.symbol}\u0000${l.line}`) && seen.add(`${l.file}\u0000${l.symbol}\u0000${l.line}`) && !!ix.item(id)),
  );
}

describe('implementing code of an item: each place (file, symbol, line) once, in link order', () => {
  for (const [name, count] of [
    ['a few links (compared)', 6],
    ['many links (a set of places)', 60],
  ] as const)
    it(name, async () => {
      const { graph, config } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
      const links: MatrixCodeLink[] = [];
      for (let i = 0; i < count; i++) {
        const id = i % 3 === 0 ? 'REQ-1' : i % 3 === 1 ? 'REQ-2' : 'CTL-1';
        links.push(link(id, `src/f${i % 4}.c`, i % 5 === 0 ? null : i % 5 === 1 ? 'null' : `fn${i % 7}`, 1 + (i % 6)));
        if (i % 4 === 0) links.push(link(id, `src/f${i % 4}.c`, `fn${i % 7}`, 1 + (i % 6), 'verifies'));
      }
      // Repeated places: the same link twice, a requirement's place under the control, a file-level link and a symbol named "null".
      links.push({ ...links[0] }, { ...links[1] }, { ...links[0], id: 'CTL-1' }, link('REQ-2', 'src/n.c', null, 9), link('REQ-2', 'src/n.c', 'null', 9));
      const ix = new TraceIndex({ graph, config, code: { links, reviewsInUse: false } });
      for (const id of ['REQ-1', 'REQ-2', 'CTL-1']) {
        const got = ix.implementationOf(ix.item(id)!);
        assert.deepEqual(got, reference(ix, id === 'CTL-1' ? ['CTL-1', ...ix.requirementsOf('CTL-1')] : [id], links), id);
        assert.ok(got.length > 0, id);
      }
      assert.deepEqual(ix.requirementsOf('CTL-1'), ['REQ-1', 'REQ-2']);
      const control = ix.implementationOf(ix.item('CTL-1')!);
      assert.ok(count < 16 || control.length >= 16, `the long list goes past 16 places (${control.length})`);
      assert.ok(control.length < links.filter((l) => l.relation === 'implements').length, 'some places repeat');
    });
});
