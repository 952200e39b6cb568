// @spdf verifies SPDF-FC-WRITE
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/node/atomic-write';

// A rename needs no write permission on the file it replaces: both writers replaced a 0444 file silently.
const WRITERS: Record<string, (target: string, data: string) => Promise<void> | void> = {
  writeFileAtomic: (target, data) => writeFileAtomic(target, data),
  writeFileAtomicSync: (target, data) => writeFileAtomicSync(target, data),
};

describe('an atomic write never replaces a read-only file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spdf-read-only-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, write] of Object.entries(WRITERS))
    it(`${name}: EACCES naming the file, the file and its mode kept, no temporary file`, async () => {
      const target = join(dir, 'spdf.lock.json');
      writeFileSync(target, 'kept\n');
      chmodSync(target, 0o444);
      await assert.rejects((async () => write(target, 'new\n'))(), (e: NodeJS.ErrnoException) => e.code === 'EACCES' && /spdf\.lock\.json is read-only; not replaced/.test(e.message));
      assert.equal(readFileSync(target, 'utf8'), 'kept\n');
      assert.deepEqual(readdirSync(dir), ['spdf.lock.json']);
      chmodSync(target, 0o644);
      await write(target, 'new\n');
      assert.equal(readFileSync(target, 'utf8'), 'new\n', 'a writable file is replaced');
    });
});
