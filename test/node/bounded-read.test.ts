// @spdf verifies SPDF-FC-RESULT-CACHE
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

  // The recorder takes a quicker path for a bounded read made as the hosts make it (a resolved path and a size): every
  // way of calling it must still be recorded exactly as the general path records it.
  // Bound before any recorder wraps `fs`: a write the recorder would refuse (marking the run uncacheable first).
  const writeUnrecorded = writeFileSync.bind(null);
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const calls: { how: string; reads: (file: string, allowed: string) => void; records: (file: string) => [string, unknown[], string][]; uncacheable?: RegExp }[] = [
    { how: 'a resolved path and a size', reads: (f) => read(f, 1000), records: (f) => [['readFileUpToSync', [f, 1000], sha('int a;\n')]] },
    { how: 'the same read twice', reads: (f) => (read(f, 1000), read(f, 1000)), records: (f) => [['readFileUpToSync', [f, 1000], sha('int a;\n')]] },
    { how: 'over the limit', reads: (f) => read(f, 3), records: (f) => [['readFileUpToSync', [f, 3], 'over:7']] },
    { how: 'a relative path', reads: (f) => read(relative(process.cwd(), f), 1000), records: (f) => [['readFileUpToSync', [relative(process.cwd(), f), 1000], sha('int a;\n')]] },
    { how: 'a path with a dot segment', reads: (f) => read(f.replace(/\/([^/]+)$/, '/./$1'), 1000), records: (f) => [['readFileUpToSync', [f.replace(/\/([^/]+)$/, '/./$1'), 1000], sha('int a;\n')]] },
    {
      how: 'a missing file',
      reads: (f) => assert.throws(() => read(`${f}.gone`, 1000), /ENOENT/),
      records: (f) => [['readFileUpToSync', [`${f}.gone`, 1000], `E:ENOENT:ENOENT: no such file or directory, open '${f}.gone'`]],
    },
    { how: 'a file of an allowed folder', reads: (_f, allowed) => read(join(allowed, 'tool.js'), 1000), records: () => [] },
    {
      how: 'a file that changed between two reads',
      reads: (f) => (read(f, 1000), writeUnrecorded(f, 'int b;\n'), read(f, 1000)),
      records: (f) => [['readFileUpToSync', [f, 1000], sha('int a;\n')]],
      uncacheable: /changed while it was read/,
    },
  ];
  for (const c of calls) {
    it(`is recorded as every read is: ${c.how}`, () => {
      const d = dir();
      const file = join(d, 'unit.c');
      const allowed = join(d, 'tool');
      writeFileSync(file, 'int a;\n');
      mkdirSync(allowed);
      writeFileSync(join(allowed, 'tool.js'), 'tool');
      const recorder = new InputRecorder([allowed], [], true);
      recorder.start();
      let log: InputLog;
      try {
        c.reads(file, allowed);
      } finally {
        log = recorder.stop();
      }
      assert.deepEqual(log.inputs, c.records(file));
      if (c.uncacheable) assert.match(log.uncacheable ?? '', c.uncacheable);
      else assert.equal(log.uncacheable, undefined);
    });
  }
});
