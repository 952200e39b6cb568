// @spdf verifies SPDF-LSP-INCR
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReplacedValues } from '../../src/server/replaced-values';

const read = <K, V>(m: Map<K, V>) => ({
  size: m.size,
  entries: [...m],
  keys: [...m.keys()],
  values: [...m.values()],
  each: (() => {
    const out: [K, V][] = [];
    m.forEach((v, k) => out.push([k, v]));
    return out;
  })(),
});

describe('language server: a map with some values replaced reads as a copy with those values set', () => {
  it('after chains of replacements, every read equals that of a plain Map updated the same way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(fc.array(fc.tuple(fc.nat(), fc.string()), { maxLength: 30 }), { maxLength: 5 }), (size, rounds) => {
        const keys = Array.from({ length: size }, (_, i) => `K${(i * 7919) % 1009}`);
        let plain = new Map(keys.map((k, i) => [k, String(i)]));
        let view: Map<string, string> = plain;
        for (const round of rounds) {
          const changed = new Map(round.map(([i, v]) => [keys[i % size], v]));
          plain = new Map(plain);
          for (const [k, v] of changed) plain.set(k, v);
          view = ReplacedValues.of(view, changed);
          assert.deepEqual(read(view), read(plain));
          for (const k of [...keys, 'absent']) {
            assert.equal(view.get(k), plain.get(k));
            assert.equal(view.has(k), plain.has(k));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a key the base does not have, and any change', () => {
    const base = new Map(Array.from({ length: 100 }, (_, i) => [i, i]));
    assert.throws(() => ReplacedValues.of(base, new Map([[100, 0]])));
    const view = ReplacedValues.of(base, new Map([[1, 5]]));
    assert.ok(view instanceof ReplacedValues);
    assert.throws(() => view.set(1, 2));
    assert.throws(() => view.delete(1));
    assert.equal(new Map(view).get(1), 5);
  });
});
