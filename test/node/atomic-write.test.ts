// @spdf verifies SPDF-FC-WRITE
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { exitOf } from '../support/wait';

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.spdf-tmp'));

describe('writeFileAtomic', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spdf-atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the content, keeps the permission bits, writes through a symlink and leaves no temporary file', async () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    symlinkSync('a.txt', join(dir, 'link.txt'));
    await writeFileAtomic(join(dir, 'link.txt'), 'new');
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.equal(lstatSync(join(dir, 'link.txt')).isSymbolicLink(), true, 'link.txt is still a symbolic link');
    assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(temps(dir), []);
  });

  it('writes pieces one after the other, and leaves the target and no temporary file when a piece fails', async () => {
    const target = join(dir, 'report.html');
    await writeFileAtomic(target, ['<p>é</p>\n'.repeat(20_000), '', 'end\n']);
    assert.equal(readFileSync(target, 'utf8'), `${'<p>é</p>\n'.repeat(20_000)}end\n`);
    function* failing() {
      yield 'half of a report';
      throw new Error('rendering failed');
    }
    await assert.rejects(writeFileAtomic(target, failing()), /rendering failed/);
    assert.equal(readFileSync(target, 'utf8'), `${'<p>é</p>\n'.repeat(20_000)}end\n`);
    assert.deepEqual(temps(dir), []);
  });

  it('removes its temporary file when the rename fails', async () => {
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'target', 'x'), '');
    await assert.rejects(writeFileAtomic(join(dir, 'target'), 'data'));
    assert.deepEqual(temps(dir), []);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`removes its temporary file when ${signal} arrives mid-write, and the process still dies of the signal`, async () => {
      const script = `
        const { readdirSync } = require('node:fs');
        const { writeFileAtomic } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'node', 'atomic-write.ts'))});
        const dir = ${JSON.stringify(dir)};
        const big = Buffer.alloc(64 * 1024 * 1024, 97);
        writeFileAtomic(dir + '/out.bin', big).then(() => { clearInterval(poll); console.log('finished'); });
        const poll = setInterval(() => {
          if (readdirSync(dir).some((f) => f.endsWith('.spdf-tmp'))) { clearInterval(poll); console.log('seen'); process.kill(process.pid, ${JSON.stringify(signal)}); }
        }, 1);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const [code, sig] = await exitOf(child, 'the writing child process', 30000);
      assert.equal(out.trim(), 'seen', 'the signal arrived while the temporary file existed');
      assert.deepEqual([code, sig], [null, signal]);
      assert.deepEqual(readdirSync(dir), []);
    });
});
