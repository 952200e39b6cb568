import assert from 'node:assert/strict';
import { idIndexOf, nearestId } from '../../src/core/rules/cl/nearest-id';

const mapOf = (ids: string[]) => new Map(ids.map((id) => [id, id]));
const many = (n: number, extra: string[]) => [...Array.from({ length: n }, (_, i) => `REQ-${String(i).padStart(5, '0')}`), ...extra];

describe('the ID index of CL001 is kept only while the IDs are the same', () => {
  it('is reused for an equal list of IDs (a new graph after an edit that renames nothing)', () => {
    const ids = many(3000, ['SAFETY-ALARM']);
    assert.equal(idIndexOf(mapOf(ids)), idIndexOf(mapOf([...ids])));
  });

  it('follows a renamed ID, even with the same number of IDs, and guesses as nearestId does', () => {
    const before = many(3000, ['SAFETY-ALARM']);
    const after = many(3000, ['SAFETY-ALERT']);
    const a = idIndexOf(mapOf(before));
    assert.equal(a.guess('SAFETY-ALARN'), 'SAFETY-ALARM');
    const b = idIndexOf(mapOf(after));
    assert.notEqual(a, b);
    assert.ok(b.ids.has('SAFETY-ALERT') && !b.ids.has('SAFETY-ALARM'));
    assert.equal(b.byUpper.get('SAFETY-ALERT'), 'SAFETY-ALERT');
    for (const typo of ['SAFETY-ALARN', 'SAFETY-ALERX', 'safety-alert', 'REQ-0001'])
      assert.equal(b.guess(typo), nearestId(typo, new Set(after), new Map(after.map((id) => [id.toUpperCase(), id]))), typo);
  });

  it('follows the order of the IDs (the first definition of an upper-cased ID wins as in a fresh index)', () => {
    const a = idIndexOf(mapOf(['X-1', 'x-1']));
    const b = idIndexOf(mapOf(['x-1', 'X-1']));
    assert.equal(a.byUpper.get('X-1'), 'x-1');
    assert.equal(b.byUpper.get('X-1'), 'X-1');
  });
});
