// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

const TAGGED_PY = (n: number) => `def set_rate_${n}(rate):\n    # @spdf implements SEC-REQ-${n}\n    return rate\n`;

/** Enough files for workers to start before reading; `tagged(n)` says which carry a tag. */
function tree(tagged: (n: number) => boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-prestart-'));
  for (let n = 0; n < 260; n++) fs.writeFileSync(path.join(root, `f${String(n).padStart(3, '0')}.py`), tagged(n) ? TAGGED_PY(n) : `x_${n} = ${n}\n`);
  return root;
}

describe('code index: workers started before reading', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  for (const [what, tagged, count] of [
    ['mostly tagged (workers start early)', (n: number) => n % 10 !== 0, 234],
    ['mostly untagged (no early start)', (n: number) => n % 10 === 0, 26],
  ] as const) {
    it(`parses in this thread below the text threshold and in workers above it, same index: ${what}`, async () => {
      const root = tree(tagged);
      roots.push(root);
      const inThread = await buildCodeIndex({ root, workers: 0 });
      const below = await buildCodeIndex({ root, workers: 2 });
      assert.deepEqual([below.stats.usedWorkers, below.stats.parsed, below.stats.workerFallbacks], [0, count, 0]);
      assert.deepEqual(below.files, inThread.files);
      const above = await buildCodeIndex({ root, workers: 2, workerThresholdBytes: 0 });
      assert.deepEqual([above.stats.usedWorkers, above.stats.parsed, above.stats.workerFallbacks], [2, count, 0]);
      assert.deepEqual(above.files, inThread.files);
    });
  }
});
