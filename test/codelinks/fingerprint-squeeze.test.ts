// @spdf verifies SPDF-IDX-003
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { squeezeWhitespace } from '../../src/core/codelinks/fingerprint';
import { listFixtures } from './fixture-harness';

/** The normalization the fingerprint was defined with; squeezeWhitespace must give exactly this string. */
function reference(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(?<=[^\w$]) | (?=[^\w$])/g, '')
    .trim();
}

const PIECES = [' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085'];
const WORDS = ['a', 'Z', '0', '9', '_', '$', 'é', 'ß', '😀', '(', ')', '{', '-', '+', '=', ';', '"', "'", '#', '/', '*', '\\', '.', ','];

describe('fingerprint: whitespace squeezing', () => {
  it('equals the regular-expression definition on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ...WORDS), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(squeezeWhitespace(text), reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals the regular-expression definition on every code fixture', () => {
    for (const file of listFixtures()) {
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(squeezeWhitespace(text), reference(text), file);
    }
  });
});
