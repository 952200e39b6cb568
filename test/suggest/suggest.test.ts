import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nearestId } from '../../src/core/rules/cl/nearest-id';
import { closestCandidates, nearest } from '../../src/core/suggest';

interface Case {
  why: string;
  word: string;
  candidates: string[];
  nearest: string | null;
  closest?: string[];
}

const CASES = JSON.parse(readFileSync(join(__dirname, 'cases.json'), 'utf8')) as Case[];

describe('did you mean: the candidate clearly meant, or none', () => {
  for (const c of CASES) {
    it(`${c.word} -> ${c.nearest ?? 'nothing'} (${c.why})`, () => {
      assert.equal(nearest(c.word, c.candidates) ?? null, c.nearest);
      if (c.closest)
        assert.deepEqual(
          closestCandidates(c.word, c.candidates).map((x) => x.candidate),
          c.closest,
        );
    });
  }

  describe('CL001 in a model too large for a full scan', () => {
    const ids = new Set(Array.from({ length: 3000 }, (_, i) => `pkg${i % 7}.Item_${i}`));
    for (const id of ['trlc_req.Args_From_File', 'r200', 'SEC-REQ-014']) ids.add(id);
    const byUpper = new Map([...ids].map((id) => [id.toUpperCase(), id]));
    const expected: [string, string | null][] = [
      ['req.Args_From_File', 'trlc_req.Args_From_File'],
      ['Args_From_File', 'trlc_req.Args_From_File'],
      ['r7200', null],
      ['SEC-REQ-O14', 'SEC-REQ-014'],
      ['PKG3.ITEM_10', 'pkg3.Item_10'],
      ['Item_10', 'pkg3.Item_10'],
    ];
    for (const [word, meant] of expected)
      it(`${word} -> ${meant ?? 'nothing'}`, () => {
        assert.equal(nearestId(word, ids, byUpper) ?? null, meant);
      });
  });
});
