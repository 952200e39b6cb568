// @spdf verifies SPDF-LSP-START
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mock } from 'node:test';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { ParseWorkerPool } from '../../src/node/codeindex/worker-pool';

/**
 * With safety-critical globs still to come (the editor's first index, started before the model is loaded), the tagged
 * files already read go to the parse worker at once: it parses them while the model loads, not once the model named
 * its globs (at start-up it used to wait for the whole model parse). The index is the same.
 */
describe('code index: tagged files reach the worker before the deferred globs', function () {
  this.timeout(60_000);

  it('runs the first batch in the worker while the globs are pending, and indexes as without deferral', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-before-globs-'));
    try {
      fs.writeFileSync(path.join(root, 'pump.c'), '/* @spdf implements SEC-REQ-001 */\nint dose(int rate)\n{\n    return rate;\n}\n');
      fs.writeFileSync(path.join(root, 'alarm.c'), 'int alarm(int level)\n{\n    return level > 3;\n}\n');
      const run = mock.method(ParseWorkerPool.prototype, 'run');
      const batches = () => run.mock.calls.map((c) => c.arguments[0].map((t) => t.file));
      let give: (globs: string[]) => void = () => undefined;
      let read = false;
      try {
        const index = buildCodeIndex({ root, workers: 1, workerThresholdBytes: 0, alwaysParse: new Promise<string[]>((r) => (give = r)), onFilesRead: () => (read = true) });
        while (!read) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(batches(), [['pump.c']], 'the tagged file went to the worker before the globs were known');
        give(['alarm.c']);
        const result = await index;
        const eager = await buildCodeIndex({ root, workers: 0, alwaysParse: ['alarm.c'] });
        assert.deepEqual(result.files, eager.files);
        assert.deepEqual(
          result.files.map((f) => f.file),
          ['alarm.c', 'pump.c'],
        );
      } finally {
        run.mock.restore();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
