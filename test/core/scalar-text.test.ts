import assert from 'node:assert/strict';
import { itemTitle } from '../../src/core/query/completion';
import { scalarText } from '../../src/core/scalar-text';

describe('scalarText (a model value shown where a scalar belongs)', () => {
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  const cases: [string, unknown, string][] = [
    ['a string as written', 'Pump stops', 'Pump stops'],
    ['a number', 42, '42'],
    ['a boolean', false, 'false'],
    ['null', null, 'null'],
    ['a mapping as compact JSON, not [object Object]', { en: 'Pump stops', de: 'Pumpe stoppt' }, '{"en":"Pump stops","de":"Pumpe stoppt"}'],
    ['a sequence as compact JSON', ['a', 1], '["a",1]'],
    ['a cyclic value elided, without throwing', cyclic, '[…]'],
  ];
  for (const [name, value, expected] of cases) it(`prints ${name}`, () => assert.equal(scalarText(value), expected));

  it('gives hovers and completion details the written mapping of a title', () => {
    assert.equal(itemTitle({ data: { title: { text: 'Occlusion' } } }), '{"text":"Occlusion"}');
  });
});
