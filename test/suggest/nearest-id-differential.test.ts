import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { idIndexOf, INDEX_AFTER, nearestId, oneEditAway } from '../../src/core/rules/cl/nearest-id';
import { nearestIdReference, oneEditAwayReference } from '../support/nearest-id-reference';

interface Case {
  word: string;
  candidates: string[];
}

/** More IDs than CL001 scans in full, so that the indexed path answers. */
const FILLER = Array.from({ length: 2001 }, (_, i) => `FILLER-${String(i).padStart(4, '0')}`);

const upperMap = (ids: Set<string>) => new Map([...ids].map((id) => [id.toUpperCase(), id]));

function assertSame(words: string[], list: string[]) {
  const ids = new Set([...list, ...FILLER]);
  const byUpper = upperMap(ids);
  // The first queries of an ID map search every position, the later ones ask the deletion index: compare both.
  for (const word of [...words, ...Array<string>(INDEX_AFTER).fill('x'), ...words]) {
    assert.deepEqual(new Set(oneEditAway(word, ids, byUpper)), new Set(oneEditAwayReference(word, ids, byUpper)), `one edit from ${word}`);
    assert.equal(nearestId(word, ids, byUpper), nearestIdReference(word, ids, byUpper), `nearest to ${word}`);
  }
}

/** A random one-character edit of `s` (or `s` itself), so that queries land near the IDs. */
const edited = (s: string, op: number, at: number, ch: string) => {
  const i = s.length ? at % (s.length + 1) : 0;
  if (op === 0) return s.slice(0, i) + s.slice(i + 1);
  if (op === 1) return s.slice(0, i) + ch + s.slice(i + 1);
  if (op === 2) return s.slice(0, i) + ch + s.slice(i);
  if (op === 3) return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
  return s;
};

/** Letters of both cases, digits, separators and characters whose upper case is ASCII or longer (ı, ſ, ß, ﬁ). */
const CHARS = ['a', 'A', 'b', 'B', 'r', 'R', '0', '1', '2', '-', '_', '.', ':', '/', 'ı', 'ſ', 'ß', 'ﬁ', 'é', '😀'];
const idChars = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
const typoQuery = (ids: string[]) =>
  fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 0, max: 4 }), fc.nat(), fc.constantFrom(...CHARS), fc.boolean()).map(([s, op, at, ch, again]) => {
    const once = edited(s, op, at, ch);
    return again ? edited(once, (op + at) % 5, at * 7, ch) : once;
  });

describe('CL001 nearest ID: the deletion index gives exactly the suggestions of the full typo search', function () {
  this.timeout(60_000);
  const cases = JSON.parse(readFileSync(join(__dirname, 'cases.json'), 'utf8')) as Case[];
  for (const c of cases) it(`${c.word} among ${c.candidates.length} candidates and ${FILLER.length} more`, () => assertSame([c.word], c.candidates));

  it('generated ID sets of mixed case, separators and non-ASCII characters, queried with typos of their IDs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(idChars, { minLength: 1, maxLength: 30 }).chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.oneof(typoQuery(ids), idChars), { minLength: 1, maxLength: 12 }))),
        ([ids, queries]) => {
          assertSame(queries, ids);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('generated sequential and qualified IDs (REQ-00042, pkg.Name_7), queried with typos', () => {
    const id = fc.oneof(
      fc.tuple(fc.constantFrom('REQ', 'req', 'SEC-REQ', 'CTRL'), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 5 })).map(([p, n, w]) => `${p}-${String(n).padStart(w, '0')}`),
      fc
        .tuple(fc.constantFrom('pkg', 'trlc_req', 'a::b', 'dir/sub'), fc.constantFrom('.', '::', '/'), fc.constantFrom('Args_From_File', 'Item', 'Codebeamer_URL', 'x'), fc.nat(30))
        .map(([q, sep, name, n]) => `${q}${sep}${name}_${n}`),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 60 }).chain((ids) => fc.tuple(fc.constant(ids), fc.array(typoQuery(ids), { minLength: 1, maxLength: 12 }))),
        ([ids, queries]) => {
          assertSame(queries, ids);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('announcing many unknown IDs first (CL001 over a whole workspace) builds the index at once and changes no guess', () => {
    const cases = JSON.parse(readFileSync(join(__dirname, 'cases.json'), 'utf8')) as Case[];
    const list = [...new Set(cases.flatMap((c) => c.candidates))];
    const words = [...cases.map((c) => c.word), ...Array.from({ length: INDEX_AFTER + 5 }, (_, i) => `SEC-REQ-MISSING-${i}`)];
    const ids = new Set([...list, ...FILLER]);
    const byUpper = upperMap(ids);
    const index = idIndexOf(new Map([...ids].map((id) => [id, id])));
    index.expect(words);
    for (const word of words) assert.equal(index.guess(word), nearestIdReference(word, ids, byUpper), `nearest to ${word}`);
  });
});
