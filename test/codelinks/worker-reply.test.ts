// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { ParseWorkerPool } from '../../src/node/codeindex/worker-pool';

const TAGGED_PY = (n: number) => `def set_rate_${n}(rate):\n    # @spdf implements SEC-REQ-${n}\n    return rate\n`;

/** A worker that answers every request with the given `json` reply. */
function fakeWorker(dir: string, json: string): string {
  const script = path.join(dir, 'fake-worker.js');
  const body = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (r) => parentPort.postMessage({ id: r.id, results: [], json: ${JSON.stringify(json)} }));`;
  fs.writeFileSync(script, body);
  return script;
}

describe('code index: packed worker replies', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-reply-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [what, json] of [
    ['a packed index whose number stream is cut short', '[["a.py","python",["x"],[1],[],[],[],[]]]'],
    ['a reply that is not JSON', '[["a.py"'],
  ] as const) {
    it(`rejects the batch on ${what} (never an index made of it)`, async () => {
      const pool = new ParseWorkerPool(1, {}, undefined, fakeWorker(dir, json));
      try {
        await assert.rejects(pool.run([{ file: 'a.py', language: 'python', text: TAGGED_PY(1), isTestFile: false }]));
      } finally {
        await pool.close();
      }
    });
  }

  it('caches what workers parsed so that a warm run gives the same index', async () => {
    const root = path.join(dir, 'ws');
    fs.mkdirSync(root);
    for (let n = 0; n < 40; n++) fs.writeFileSync(path.join(root, `f${n}.py`), TAGGED_PY(n));
    const options = { root, cache: path.join(dir, 'cache'), workers: 2, workerThresholdBytes: 0 };
    const cold = await buildCodeIndex(options);
    assert.deepEqual([cold.stats.usedWorkers, cold.stats.workerFallbacks, cold.stats.parsed], [2, 0, 40]);
    const inThread = await buildCodeIndex({ root, workers: 0 });
    assert.deepEqual(cold.files, inThread.files);
    const warm = await buildCodeIndex(options);
    assert.equal(warm.stats.cached, 40);
    assert.deepEqual(warm.files, inThread.files);
  });
});
