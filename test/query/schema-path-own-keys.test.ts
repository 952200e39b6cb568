// @spdf verifies SPDF-LSP-HOVER
/**
 * Keys named after Object.prototype members are not in the schema: the hover, completion and document links of a
 * model holding `constructor:` or `toString:` found `Object` where a section or field spec was expected, and threw.
 */
import assert from 'node:assert/strict';
import { schemaAt } from '../../src/core/query/schema-path';

const PATHS: [path: string[], expected: string | undefined][] = [
  [['constructor'], undefined],
  [['toString'], undefined],
  [['requirements', '[]', 'constructor'], undefined],
  [['requirements', '[]', '__proto__'], undefined],
  [['assets', '[]', 'components', '[]', 'hasOwnProperty'], undefined],
  [['requirements'], 'section'],
  [['requirements', '[]', 'title'], 'field'],
];

describe('schemaAt: only keys the schema defines', () => {
  for (const [path, expected] of PATHS)
    it(`${path.join('.')} -> ${expected ?? 'nothing'}`, () => {
      assert.equal(schemaAt(path)?.at, expected);
    });
});
