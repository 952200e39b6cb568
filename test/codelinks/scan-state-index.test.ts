// @spdf verifies SPDF-FC-TAGS
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ScanState } from '../../src/core/codelinks/comment-tags/scan-state';
import { tagSnippet } from '../../src/core/codelinks/comment-tags/tag-text';

/** A scan step: a span consumed, or a query answered (covers an offset, overlaps a range). */
type Step = { consume: [number, number] } | { covers: number } | { overlaps: [number, number] };

const pos = fc.integer({ min: 0, max: 60 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(pos, pos).map(([a, b]) => ({ consume: [a, b] as [number, number] })),
  pos.map((covers) => ({ covers })),
  fc.tuple(pos, pos).map(([a, b]) => ({ overlaps: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
);

/** The snippet as it was read before it was bounded: the whole range, however long. */
function wholeSnippet(text: string, start: number, end: number): string {
  const line = text
    .slice(start, end)
    .replace(/\s*(?:\*\/|"""|'''|-->)[\s\S]*$/, '')
    .trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

describe('tag scan state: the span index answers as a scan over every span does', () => {
  it('covers and overlaps equal the definitions, whatever order spans are consumed in', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const scan = new ScanState();
        const spans: [number, number][] = [];
        for (const s of steps) {
          if ('consume' in s) {
            scan.consume(...s.consume);
            spans.push([s.consume[0], Math.max(s.consume[1], s.consume[0] + 1)]);
          } else if ('covers' in s) {
            assert.equal(
              scan.covers(s.covers),
              spans.some(([a, b]) => s.covers >= a && s.covers < b),
              `covers ${s.covers} of ${JSON.stringify(spans)}`,
            );
          } else {
            const [start, end] = s.overlaps;
            assert.equal(
              scan.overlaps(start, end),
              spans.some(([a, b]) => start < b && end > a),
              `overlaps ${start}-${end} of ${JSON.stringify(spans)}`,
            );
          }
        }
        assert.deepEqual(scan.spans, spans);
      }),
      { numRuns: 2000 },
    );
  });

  it('consuming in order of start keeps the index; a span before the last one rebuilds it', () => {
    const scan = new ScanState();
    scan.consume(10, 20);
    assert.equal(scan.covers(15), true);
    scan.consume(30, 40);
    assert.equal(scan.covers(35), true);
    scan.consume(0, 5);
    assert.equal(scan.covers(3), true);
    assert.equal(scan.covers(25), false);
    assert.equal(scan.overlaps(19, 31), true);
    assert.equal(scan.overlaps(20, 30), false);
  });

  it('a snippet of a line up to the read bound equals the snippet of the whole line', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '\t', '*/', '"""', "'''", '-->', 'REQ-1', '~', '\r', ' \u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.nat(50), (parts, cut) => {
        const text = parts.join('');
        const start = Math.min(cut, text.length);
        assert.equal(tagSnippet(text, start, text.length), wholeSnippet(text, start, text.length));
      }),
      { numRuns: 2000 },
    );
  });

  it('a megabyte line gives the snippet of its start', () => {
    const line = `lobster trace A1 ${'x'.repeat(1 << 20)}`;
    assert.equal(tagSnippet(line, 0, line.length), wholeSnippet(line, 0, line.length));
    const closed = `@relation(REQ-1 */${' '.repeat(1 << 20)}`;
    assert.equal(tagSnippet(closed, 0, closed.length), '@relation(REQ-1');
  });
});
