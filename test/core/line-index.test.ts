import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, SourceText } from '../../src/core/text';

describe('LineIndex (the one line index)', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r by default, as editors see model files', () => {
    const lines = new LineIndex('a\r\nb\rc\nd');
    assert.deepEqual(lines.starts, [0, 3, 5, 7]);
    assert.deepEqual(lines.position(6), { line: 2, character: 1 });
  });

  it("ends lines at \\n only with 'lf', as tree-sitter counts rows of source code", () => {
    const lines = new LineIndex('a\r\nb\rc\nd', 'lf');
    assert.deepEqual(lines.starts, [0, 3, 7]);
    assert.deepEqual(lines.position(6), { line: 1, character: 3 });
    assert.deepEqual(lines.range(0, 8), { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
  });

  it('puts an offset on a line start on that line, and one past the end on the last line', () => {
    const lines = new LineIndex('ab\ncd\n');
    assert.deepEqual(
      [0, 2, 3, 5, 6].map((o) => lines.lineOf(o)),
      [0, 0, 1, 1, 2],
    );
  });

  it('is the index of SourceText, which clamps offsets and keeps \\r\\n out of a line', () => {
    const text = 'k: 1\r\nv: 2\r\n';
    const src = new SourceText('m.spdf.yaml', text);
    assert.deepEqual(src.lineStarts, new LineIndex(text).starts);
    assert.deepEqual(src.positionAt(5), { line: 0, character: 4 });
    assert.deepEqual(src.positionAt(99), { line: 2, character: 0 });
  });

  it('gives a range the positions of its two ends, on one line or across lines, in or out of the text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r') }), fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }), fc.boolean(), (text, a, b, lf) => {
        const lines = new LineIndex(text, lf ? 'lf' : 'any');
        assert.deepEqual(lines.range(a, b), { start: lines.position(a), end: lines.position(b) });
      }),
      { numRuns: 2000 },
    );
  });

  it("shares the 'lf' index of the text asked last (LineIndex.lf), and makes a new one for another text", () => {
    const text = 'x\ny\r\nz';
    const first = LineIndex.lf(text);
    assert.equal(LineIndex.lf(text), first);
    assert.deepEqual(first.starts, new LineIndex(text, 'lf').starts);
    const other = LineIndex.lf('x\n');
    assert.notEqual(other, first);
    assert.deepEqual(other.starts, [0, 2]);
    assert.deepEqual(LineIndex.lf(text).starts, [0, 2, 5]);
  });
});
