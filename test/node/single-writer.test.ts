// @spdf verifies SPDF-FC-WRITE
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

/** Calls that write or replace a file. */
const WRITES = /\b(writeFile|writeFileSync|appendFile|appendFileSync|rename|renameSync|createWriteStream|copyFile|copyFileSync)\(/;

/** The atomic writer itself, and `spdf init`, which creates new files exclusively (flag wx) and must never replace one. */
const ALLOWED = new Set(['src/node/atomic-write.ts', 'src/cli/commands/init.ts']);

describe('one atomic writer', () => {
  it('src/node and src/cli write files only through src/node/atomic-write.ts', () => {
    const writers = ['src/node', 'src/cli']
      .flatMap((d) => files(join(ROOT, d)))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !ALLOWED.has(f) && WRITES.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(writers, []);
  });
});
