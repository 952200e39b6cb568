// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { CODE_INDEX_CACHE_DIR } from '../../src/node/codeindex/code-index-cache';
import { tempWorkspace } from '../support/cli';

const code = (i: number) => `class Pump${i}:\n    # @spdf implements SEC-REQ-${i}\n    def rate(self, r: "ü\\"x"):\n        """@spdf verifies SEC-REQ-${i + 1}"""\n        return r\n`;

function shards(cacheLocation: string): Map<string, string> {
  const dir = join(cacheLocation, CODE_INDEX_CACHE_DIR);
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('code index cache: shards written from the workers’ JSON', function () {
  this.timeout(120_000);

  it('are byte for byte the shards written from indexes made in this thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`src/m${i}.py`] = code(i);
    files['src/untagged.py'] = 'x = 1\n';
    const root = tempWorkspace(files);
    const inThread = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    const inWorkers = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    await buildCodeIndex({ root, cache: true, cacheLocation: inThread, workers: 0 });
    const parsed = await buildCodeIndex({ root, cache: true, cacheLocation: inWorkers, workers: 2, workerThresholdBytes: 0 });
    assert.equal(parsed.stats.usedWorkers, 2);
    const expected = shards(inThread);
    const actual = shards(inWorkers);
    assert.deepEqual([...actual.keys()], [...expected.keys()]);
    for (const [shard, text] of actual) {
      assert.equal(text, expected.get(shard), shard);
      const body = text.slice(text.indexOf('\n') + 1);
      assert.equal(JSON.stringify(JSON.parse(body)), body, shard);
    }
  });
});
