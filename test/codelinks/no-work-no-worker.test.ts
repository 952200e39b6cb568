// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

/** The editor's index asks for a worker whatever the amount of code (no threshold): it starts one only for code to parse. */
describe('code index: no parse worker without code to parse', function () {
  this.timeout(60_000);

  it('starts no worker when nothing is left to parse (no tagged file, or every one answered by the cache)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-before-globs-'));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-before-globs-cache-'));
    try {
      fs.writeFileSync(path.join(root, 'alarm.c'), 'int alarm(int level)\n{\n    return level > 3;\n}\n');
      const untagged = await buildCodeIndex({ root, workers: 1, workerThresholdBytes: 0, alwaysParse: Promise.resolve([]) });
      assert.equal(untagged.stats.usedWorkers, 0, 'no tagged file');
      fs.writeFileSync(path.join(root, 'pump.c'), '/* @spdf implements SEC-REQ-001 */\nint dose(int rate)\n{\n    return rate;\n}\n');
      const first = await buildCodeIndex({ root, workers: 1, workerThresholdBytes: 0, alwaysParse: Promise.resolve([]), cache });
      assert.equal(first.stats.usedWorkers, 1, 'a tagged file to parse: the worker parses it');
      const second = await buildCodeIndex({ root, workers: 1, workerThresholdBytes: 0, alwaysParse: Promise.resolve([]), cache });
      assert.deepEqual([second.stats.cached, second.stats.usedWorkers], [1, 0], 'the tagged file from the cache');
      assert.deepEqual(second.files, first.files);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
