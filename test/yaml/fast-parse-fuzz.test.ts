// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { differential, type PathTaken } from './differential';
import { nearSubsetDocument, nested, subsetDocument } from './yaml-gen';

/** Runs per property (SPDF_FUZZ_RUNS=N for longer; a failure prints the seed to replay with SPDF_FUZZ_SEED). */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 400;
const SEED = process.env.SPDF_FUZZ_SEED ? { seed: Number(process.env.SPDF_FUZZ_SEED) } : {};

describe('YAML fast path against the reference path (generated documents)', () => {
  it('takes the fast path for every document of the subset and builds the same tree', () => {
    fc.assert(
      fc.property(subsetDocument, (doc) => {
        assert.equal(differential(doc), 'fast', JSON.stringify(doc));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('gives the same ParsedYaml as the reference path for documents just outside the subset, and takes both paths', () => {
    const seen: Record<PathTaken, number> = { fast: 0, reference: 0 };
    fc.assert(
      fc.property(nearSubsetDocument, (doc) => {
        seen[differential(doc)]++;
      }),
      { numRuns: RUNS, ...SEED },
    );
    assert.ok(seen.fast > 0 && seen.reference > 0, JSON.stringify(seen));
  });

  it('keeps the depth limit: identical trees and problems just below, at and beyond maxDepth', () => {
    const seen: Record<PathTaken, number> = { fast: 0, reference: 0 };
    for (const maxDepth of [1, 2, 3, 8])
      for (let depth = Math.max(1, maxDepth - 3); depth <= maxDepth + 3; depth++) for (const seqEvery of [1, 2, 3, 100]) seen[differential(nested(depth, seqEvery), { maxDepth, maxAliases: 10 })]++;
    assert.ok(seen.fast > 0 && seen.reference > 0, JSON.stringify(seen));
  });

  it('handles long lines and keys near the 1024-character implicit key limit like the reference path', () => {
    for (const n of [1000, 1020, 1024, 1025, 1030, 5000]) {
      differential(`${'k'.repeat(n)}: v\n`);
      differential(`${'k'.repeat(n)} : v\n`);
      assert.equal(differential(`a: ${'v '.repeat(n)}x\n`), 'fast');
    }
  });
});
