// @spdf verifies SPDF-BASE-001
import assert from 'node:assert/strict';
import { Fingerprinter } from '../../src/core/baseline/fingerprint';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import { checkWorkspace } from '../../src/core/check';
import { MemoryHost } from '../../src/core/host';
import type { Finding } from '../../src/core/types';

const MODEL = `conduits:
  - id: C-1
    zones: [Z-A, Z-B]
    channels:
      - protocol: https
        port: 443
      - protocol: modbus
        port: 502
  - id: C-2
    zones: [Z-A, Z-C]
`;

/** The same conduits with the items and the channels in the other order. */
const REORDERED = `conduits:
  - id: C-2
    zones: [Z-A, Z-C]
  - id: C-1
    channels:
      - protocol: modbus
        port: 502
      - protocol: https
        port: 443
    zones: [Z-A, Z-B]
`;

async function graphOf(text: string) {
  const host = new MemoryHost(new Map(Object.entries({ 'spdf.config.yaml': 'version: 1\n', 'm.spdf.yaml': text })));
  return (await checkWorkspace(host)).workspace.graph;
}

/** A finding on the first occurrence of `needle` (after `after`) in `text`. */
function findingAt(text: string, needle: string, after = ''): Finding {
  const offset = text.indexOf(needle, text.indexOf(after));
  const before = text.slice(0, offset).split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  return { code: 'ZC015', severity: 'warning', message: 'at 3:7 x', file: 'm.spdf.yaml', range: { start, end: { ...start, character: start.character + needle.length } } };
}

describe('baseline fingerprints', () => {
  it('name the item and the key path without sequence positions, and survive reordering items and list elements', async () => {
    const a = new Fingerprinter({ graph: await graphOf(MODEL) });
    const b = new Fingerprinter({ graph: await graphOf(REORDERED) });
    const first = a.of(findingAt(MODEL, 'modbus'));
    assert.deepEqual(first, { code: 'ZC015', file: 'm.spdf.yaml', item: 'C-1', field: 'channels.protocol', message: 'at #:# x' });
    assert.deepEqual(b.of(findingAt(REORDERED, 'modbus')), first);
    assert.deepEqual(a.of(findingAt(MODEL, 'Z-C')), b.of(findingAt(REORDERED, 'Z-C')));
    assert.deepEqual(a.of(findingAt(MODEL, 'Z-C')).item, 'C-2');
    assert.deepEqual(a.of(findingAt(MODEL, 'channels')), { ...first, field: 'channels' });
    assert.deepEqual(a.of(findingAt(MODEL, 'conduits')), { code: 'ZC015', file: 'm.spdf.yaml', field: 'conduits', message: 'at #:# x' });
  });

  it('name the symbol a tag is attached to, else the innermost symbol around the finding', async () => {
    const r = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });
    const code: CodeFileIndex = {
      file: 'src/a.c',
      language: 'c',
      symbols: [
        { name: 'outer', qualifiedName: 'outer', kind: 'function', range: r(10, 0, 1, 30), nameRange: r(10, 4, 9), docRanges: [r(9, 0, 20)] },
        { name: 'inner', qualifiedName: 'outer::inner', kind: 'function', range: r(12, 0, 1, 14), nameRange: r(12, 4, 9), docRanges: [] },
      ],
      tags: [{ syntax: 'spdf', id: 'REQ-1', idRange: r(3, 20, 25), relation: 'implements', tagRange: r(3, 3, 25), symbol: 'outer' }],
      links: [],
      orphanTags: [],
      exclusions: [],
      problems: [],
    };
    const fp = new Fingerprinter({ graph: await graphOf(MODEL), code: { files: [code] } });
    const at = (range: ReturnType<typeof r>) => fp.of({ code: 'CL001', severity: 'error', message: 'm', file: 'src/a.c', range });
    assert.equal(at(r(3, 20, 25)).symbol, 'outer');
    assert.equal(at(r(13, 4, 5)).symbol, 'outer::inner');
    assert.equal(at(r(20, 4, 5)).symbol, 'outer');
    assert.equal(at(r(9, 2, 3)).symbol, 'outer');
    assert.equal(at(r(40, 0, 1)).symbol, undefined);
  });
});
