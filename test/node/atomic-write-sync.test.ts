import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/node/atomic-write';

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.spdf-tmp'));

describe('writeFileAtomicSync and the mode option (the caches)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spdf-atomic-sync-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the content, keeps the permission bits and leaves no temporary file', () => {
    const target = join(dir, 'a.bin');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    writeFileAtomicSync(target, 'new');
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(temps(dir), []);
  });

  it('removes its temporary file when the rename fails', () => {
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'target', 'x'), '');
    assert.throws(() => writeFileAtomicSync(join(dir, 'target'), 'data'));
    assert.deepEqual(temps(dir), []);
  });

  it('gives a cache file the mode asked for, new or replaced, in both forms', async () => {
    const sync = join(dir, 'model.bin');
    const async = join(dir, 'codelinks.json');
    for (const f of [sync, async]) {
      writeFileSync(f, 'old');
      chmodSync(f, 0o644);
    }
    writeFileAtomicSync(sync, 'new', { mode: 0o600 });
    await writeFileAtomic(async, 'new', { mode: 0o600 });
    writeFileAtomicSync(join(dir, 'fresh.bin'), 'new', { mode: 0o600 });
    assert.deepEqual(
      [sync, async, join(dir, 'fresh.bin')].map((f) => statSync(f).mode & 0o777),
      [0o600, 0o600, 0o600],
    );
  });
});
