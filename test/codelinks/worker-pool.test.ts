// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTasks, type ParseTask } from '../../src/node/codeindex/parse-tasks';
import { BATCHES_PER_WORKER, ParseWorkerPool } from '../../src/node/codeindex/worker-pool';
import { TreeSitterRuntime } from '../../src/node/treesitter/tree-sitter-runtime';

const task = (n: number): ParseTask => ({
  file: `f${n}.py`,
  language: 'python',
  text: `def set_rate_${n}(rate):\n    # @spdf implements SEC-REQ-${n}\n    return rate\n`,
  isTestFile: false,
});

describe('parse worker pool: batches posted ahead', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-pool-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('posts a worker its next batches before it answers the first (a busy main thread leaves no worker idle)', async function () {
    // A pool that posts one batch at a time never gets an answer from this worker: the test then times out.
    this.timeout(20_000);
    // This worker answers only once it holds every batch it may hold: a pool that waits for each answer never gets one.
    const script = path.join(dir, 'holding-worker.js');
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
const held = [];
parentPort.on('message', (r) => {
  held.push(r);
  if (held.length < ${BATCHES_PER_WORKER}) return;
  for (const h of held.splice(0)) parentPort.postMessage({ id: h.id, results: [], json: '[]' });
});`,
    );
    assert.ok(BATCHES_PER_WORKER > 1);
    const pool = new ParseWorkerPool(1, {}, undefined, script);
    try {
      const replies = await Promise.all(Array.from({ length: BATCHES_PER_WORKER }, (_, n) => pool.run([task(n)])));
      assert.deepEqual(
        replies,
        Array.from({ length: BATCHES_PER_WORKER }, () => []),
      );
    } finally {
      await pool.close();
    }
  });

  it('answers batches queued at one worker each with its own files, as parsed in this thread', async () => {
    const batches = Array.from({ length: 3 * BATCHES_PER_WORKER }, (_, b) => Array.from({ length: 4 }, (_, n) => task(b * 4 + n)));
    const pool = new ParseWorkerPool(1, {}, undefined);
    let fromWorker;
    try {
      fromWorker = await Promise.all(batches.map((tasks) => pool.run(tasks)));
    } finally {
      await pool.close();
    }
    const runtime = await TreeSitterRuntime.create();
    try {
      for (const [b, tasks] of batches.entries()) {
        assert.deepEqual(
          fromWorker[b].map((parsed) => parsed.index),
          await parseTasks(runtime, tasks, {}),
        );
      }
    } finally {
      runtime.dispose();
    }
  });
});
