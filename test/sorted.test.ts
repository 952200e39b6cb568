// @spdf verifies SPDF-FC-TAGS
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countBelow } from '../src/core/sorted';

describe('countBelow: the lower bound every sorted lookup of the core shares', () => {
  it('equals the number of entries below the limit, for any sorted list and limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), fc.integer({ min: -25, max: 25 }), (xs, limit) => {
        const sorted = [...xs].sort((a, b) => a - b);
        assert.equal(
          countBelow(sorted.length, (i) => sorted[i] < limit),
          sorted.filter((x) => x < limit).length,
        );
        assert.equal(
          countBelow(sorted.length, (i) => sorted[i] <= limit),
          sorted.filter((x) => x <= limit).length,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('is 0 for an empty list and the length when every entry is below', () => {
    assert.equal(
      countBelow(0, () => true),
      0,
    );
    assert.equal(
      countBelow(5, () => true),
      5,
    );
    assert.equal(
      countBelow(5, () => false),
      0,
    );
  });
});
