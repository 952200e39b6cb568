import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTestResults } from '../../src/node/junit';

describe('test result globs', () => {
  it('a glob that matches no file is a problem, never an empty result that lets verifiers pass', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spdf-junit-'));
    try {
      const results = await readTestResults(root, ['build/test-results/**/*.xml']);
      assert.deepEqual(
        results.problems.map((p) => p.message),
        ["test result glob 'build/test-results/**/*.xml' matches no file: no test result was read, so no verifier can be shown to pass"],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
