// @spdf verifies SPDF-IDX-002
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

describe('the code index reads every listed file once', () => {
  for (const count of [1, 63, 64, 65, 200, 333]) {
    it(`${count} files: each read, no note about a file that does not exist`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'spdf-read-every-'));
      try {
        mkdirSync(join(root, 'src'));
        for (let i = 0; i < count; i++) writeFileSync(join(root, 'src', `f${i}.c`), i % 7 === 0 ? `// @spdf implements REQ-${i}\nint f${i}(void) { return 0; }\n` : `int f${i}(void) { return 0; }\n`);
        const result = await buildCodeIndex({ root, cache: false, workers: 0 });
        assert.deepEqual(result.notes, []);
        assert.equal(result.stats.read, count);
        assert.deepEqual(
          result.files.map((f) => f.file),
          Array.from({ length: count }, (_, i) => i)
            .filter((i) => i % 7 === 0)
            .map((i) => `src/f${i}.c`)
            .sort(),
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
