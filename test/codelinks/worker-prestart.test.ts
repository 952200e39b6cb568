// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

const TAGGED_PY = (n: number) => `def set_rate_${n}(rate):\n    # @spdf implements SEC-REQ-${n}\n    return rate\n`;

describe('code index: workers started before reading', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-prestart-'));
    // Enough files to start workers early; most carry no tag.
    for (let n = 0; n < 260; n++) fs.writeFileSync(path.join(root, `f${n}.py`), n % 10 === 0 ? TAGGED_PY(n) : `x_${n} = ${n}\n`);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('parses in this thread, as before, when the text stays below the threshold', async () => {
    const started = await buildCodeIndex({ root, workers: 2 });
    assert.deepEqual([started.stats.usedWorkers, started.stats.parsed, started.stats.workerFallbacks], [0, 26, 0]);
    assert.deepEqual(started.files, (await buildCodeIndex({ root, workers: 0 })).files);
  });

  it('gives the in-thread result when the early workers parse', async () => {
    const pooled = await buildCodeIndex({ root, workers: 2, workerThresholdBytes: 0 });
    assert.deepEqual([pooled.stats.usedWorkers, pooled.stats.parsed, pooled.stats.workerFallbacks], [2, 26, 0]);
    assert.deepEqual(pooled.files, (await buildCodeIndex({ root, workers: 0 })).files);
  });
});
