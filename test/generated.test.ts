import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../scripts/generated-files';

/** Generated files must be fresh; this test never writes (run `npm run generate`). */
describe('generated files', () => {
  for (const [file, content] of Object.entries(generatedFiles())) {
    it(`${file} is up to date`, () => {
      const current = readFileSync(join(__dirname, '..', file), 'utf8');
      const expected = typeof content === 'string' ? content : content(current);
      assert.ok(current === expected, `${file} is stale: run \`npm run generate\``);
    });
  }
});
