// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { corePlainValue } from '../../src/core/yaml/core-scalar';

const TEXTS = [
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fAlse', 'null', 'Null', 'NULL', 'nULL', '~', '~x', '~abcdef'],
  ...['1', '-0', '+1', '0x1F', '0o17', '.5', '.nan', '.NaN', '.inf', '-.inf', '1e3', '007', '1_000', '12345678', '123456789', '-12345.5'],
  ...['id', 'title', 'text', 'tru', 'nul', 'fals', 'falsey', 'Falsely', 'nulls', 'Null pointer', 'True story', 'The pump', 'FALSE ALARM'],
];

/** The value the `yaml` package gives a document that is only this plain scalar. */
const reference = (text: string): unknown => parse(text) as unknown;

describe('corePlainValue', () => {
  it('resolves plain scalars as the yaml package does, the first time and from its memo of short scalars', () => {
    for (const round of [1, 2]) for (const text of TEXTS) assert.ok(Object.is(corePlainValue(text), reference(text)), `${round}: ${JSON.stringify(text)} gave ${String(corePlainValue(text))}`);
  });

  it('still resolves short scalars once its memo is full', () => {
    for (let i = 0; i < 5000; i++) assert.equal(corePlainValue(`${i}`), i);
    for (const text of ['TRUE', 'nUll', '0o7', '-.INF', 'fAlSe']) assert.ok(Object.is(corePlainValue(text), reference(text)), text);
  });
});
