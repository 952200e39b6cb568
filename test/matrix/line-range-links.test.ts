// @spdf verifies SPDF-TRC-004
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { buildMatrix } from '../../src/core/matrix/build';
import { matrixLinksFromCode } from '../../src/core/matrix/links';
import { traceIndexOf, type StatusLink } from '../../src/core/matrix/status';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 9 } });
const FUNCTION = { start: { line: 2, character: 0 }, end: { line: 20, character: 1 } };

/** A StrictDoc range link (markers on 0-based lines 5 and 9) and a line link (line 12) inside function `f`, and a plain symbol link. */
const LINKS = [
  { id: 'REQ-1', relation: 'implements', file: 'a.c', symbol: 'f', codeHash: 'h', range: at(5), symbolRange: FUNCTION, lines: { start: 5, end: 9 } },
  { id: 'REQ-1', relation: 'implements', file: 'a.c', symbol: 'f', codeHash: 'h', range: at(12), symbolRange: FUNCTION, lines: { start: 12, end: 12 } },
  { id: 'REQ-1', relation: 'implements', file: 'b.c', symbol: 'g', codeHash: 'h', range: at(0), symbolRange: at(1) },
];

describe('matrix: line and range links show the lines they cover', () => {
  it('in the matrix cells and their targets (every export renders these)', async () => {
    const { graph, config } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', 'requirements:\n  - id: REQ-1\n    title: A\n']])));
    const code = matrixLinksFromCode({ files: [{ links: LINKS as never }] }, undefined, graph);
    const row = buildMatrix({ graph, config, code }, ['requirements']).views.requirements!.rows[0];
    const cell = Object.values(row.cells).find((c) => c.some((v) => v.text.startsWith('a.c')))!;
    assert.deepEqual(
      cell.map((v) => [v.text, v.target]),
      [
        ['a.c:6-10 f', { type: 'code', file: 'a.c', line: 6, endLine: 10, symbol: 'f' }],
        ['a.c:13 f', { type: 'code', file: 'a.c', line: 13, symbol: 'f' }],
        ['b.c:2 g', { type: 'code', file: 'b.c', line: 2, symbol: 'g' }],
      ],
    );
  });

  it("in the language server's trace index (its links carry the lines too)", async () => {
    const { graph, config } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', 'requirements:\n  - id: REQ-1\n    title: A\n']])));
    const links: StatusLink[] = LINKS.map(({ codeHash: _, ...l }) => ({ ...l, review: 'unreviewed' }));
    const index = traceIndexOf({ graph, config, links });
    assert.deepEqual(
      index.implementationOf(graph.byId.get('REQ-1')!).map((l) => [l.line, l.lines]),
      [
        [6, { start: 6, end: 10 }],
        [13, { start: 13, end: 13 }],
        [2, undefined],
      ],
    );
  });
});
