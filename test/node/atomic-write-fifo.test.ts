// @spdf verifies SPDF-FC-WRITE
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { exitOf } from '../support/wait';

/**
 * `-o /dev/stdout`, `-o /dev/full` or a FIFO: the report used to be written to a temporary file renamed over the
 * device or FIFO (replacing it, as root even /dev/full), so nothing reached the reader and the command said "wrote".
 */
describe('writeFileAtomic to a FIFO or a device', function () {
  this.timeout(60000);
  let dir: string;
  let fifo: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spdf-fifo-'));
    fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const via of ['the FIFO', 'a symbolic link to it'])
    it(`writes into ${via}, which stays a FIFO`, async () => {
      const named = via === 'the FIFO' ? fifo : join(dir, 'link');
      if (named !== fifo) symlinkSync(fifo, named);
      const reader = exitOf(spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, join(dir, 'got.txt')]), 'the reader', 30000);
      await writeFileAtomic(named, ['{"a": ', '1}\n']);
      await reader;
      assert.equal(readFileSync(join(dir, 'got.txt'), 'utf8'), '{"a": 1}\n');
      assert.equal(lstatSync(fifo).isFIFO(), true);
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith('.spdf-tmp')),
        [],
      );
    });

  it('fails when the reader goes away before the data is written (EPIPE), instead of reporting it written', async () => {
    // The reader opens the FIFO and exits without reading: more than a pipe buffer cannot be written.
    const reader = exitOf(spawn('sh', ['-c', 'exec 3< "$1"', 'sh', fifo]), 'the reader', 30000);
    await assert.rejects(writeFileAtomic(fifo, 'x'.repeat(4 << 20)), /EPIPE/);
    await reader;
    assert.equal(lstatSync(fifo).isFIFO(), true);
  });
});
