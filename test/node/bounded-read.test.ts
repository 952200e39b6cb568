// @spdf verifies SPDF-FC-RESULT-CACHE
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundedReads, type BoundedBytes } from '../../src/node/bounded-read';
import { InputRecorder, replayInputs, type InputLog } from '../../src/node/result-cache-recorder';

const dir = () => mkdtempSync(join(tmpdir(), 'spdf-bounded-'));
const read = (path: string, max: number): BoundedBytes => {
  const r = boundedReads().readFileUpToSync(path, max);
  return Buffer.isBuffer(r) ? Buffer.from(r) : r;
};

describe('bounded reads', () => {
  it('reads a file whole up to the limit and only its size past it', () => {
    const d = dir();
    writeFileSync(join(d, 'small.c'), 'int a;\n');
    writeFileSync(join(d, 'empty.c'), '');
    writeFileSync(join(d, 'at-limit.c'), 'x'.repeat(100));
    writeFileSync(join(d, 'huge.c'), '');
    truncateSync(join(d, 'huge.c'), 3 * 1024 * 1024 * 1024);
    writeFileSync(join(d, 'large.c'), 'y'.repeat(300_000));
    assert.deepEqual(read(join(d, 'small.c'), 100), Buffer.from('int a;\n'));
    assert.deepEqual(read(join(d, 'empty.c'), 100), Buffer.alloc(0));
    assert.deepEqual(read(join(d, 'at-limit.c'), 100), Buffer.from('x'.repeat(100)));
    assert.deepEqual(read(join(d, 'at-limit.c'), 99), { size: 100 });
    // 3 GB (sparse): read whole it would not fit a Buffer.
    assert.deepEqual(read(join(d, 'huge.c'), 2 * 1024 * 1024), { size: 3 * 1024 * 1024 * 1024 });
    assert.deepEqual(read(join(d, 'large.c'), 1_000_000), readFileSync(join(d, 'large.c')), 'a file larger than the scratch buffer');
    assert.throws(() => read(join(d, 'missing.c'), 100), /ENOENT/);
    writeFileSync(join(d, 'larger.c'), 'w'.repeat(2_500_000));
    assert.deepEqual(read(join(d, 'larger.c'), 3_000_000), readFileSync(join(d, 'larger.c')), 'a file larger than the grown scratch buffer');
    // Around the scratch buffer's first size (64 KB), where a read stops asking for the file's size.
    for (const length of [65_535, 65_536, 65_537]) {
      writeFileSync(join(d, 'edge.c'), 'z'.repeat(length));
      assert.deepEqual(read(join(d, 'edge.c'), 1_000_000), readFileSync(join(d, 'edge.c')), `${length} bytes`);
      assert.deepEqual(read(join(d, 'edge.c'), length), readFileSync(join(d, 'edge.c')), `${length} bytes, at the limit`);
      assert.deepEqual(read(join(d, 'edge.c'), length - 1), { size: length }, `${length} bytes, one over the limit`);
    }
  });

  it('reads a file that reports no size (a pseudo-file) to its end, and stops one byte past the limit', function () {
    if (!existsSync('/proc/self/status')) this.skip();
    const whole = read('/proc/self/status', 1024 * 1024);
    assert.ok(Buffer.isBuffer(whole) && whole.length > 100 && whole.toString('latin1').startsWith('Name:'));
    assert.deepEqual(read('/proc/self/status', 10), { size: 11 });
  });

  it('is an input of the whole-result cache: its bytes, and a size over the limit, must read the same again', () => {
    const d = dir();
    const file = join(d, 'unit.c');
    writeFileSync(file, '// @spdf implements REQ-1\nint f(void);\n');
    const record = (max: number): InputLog => {
      const recorder = new InputRecorder([], []);
      recorder.start();
      let log: InputLog;
      try {
        boundedReads().readFileUpToSync(file, max);
      } finally {
        log = recorder.stop();
      }
      return log;
    };
    const log = record(1000);
    assert.equal(log.uncacheable, undefined);
    assert.deepEqual(
      log.inputs.map(([fn, args]) => [fn, args]),
      [['readFileUpToSync', [file, 1000]]],
    );
    assert.ok(replayInputs(log.inputs), 'the same bytes replay');
    writeFileSync(file, '// @spdf implements REQ-2\nint f(void);\n');
    assert.ok(!replayInputs(log.inputs), 'changed bytes of the same size are a miss');
    const over = record(10);
    assert.match(over.inputs[0][2], /^over:/);
    assert.ok(replayInputs(over.inputs));
    writeFileSync(file, 'x'.repeat(11));
    assert.ok(!replayInputs(over.inputs), 'another size over the limit is a miss');
    writeFileSync(file, 'x'.repeat(10));
    assert.ok(!replayInputs(over.inputs), 'a file back under the limit is a miss');
  });
});
