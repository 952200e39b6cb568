// @spdf verifies SPDF-IDX-002
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import type { BoundedBytes } from '../../src/node/bounded-read';
import { IndexNotes } from '../../src/node/codeindex/index-notes';
import { type BoundedReadHost, readSourceBytesNow } from '../../src/node/codeindex/source-bytes';

const failure = (code: string) => Object.assign(new Error(`${code}: failed, open 'src/a.c'`), { code });

/** A host whose bounded read answers `read` (or throws it). */
function hostAnswering(read: BoundedBytes | Error | undefined): BoundedReadHost {
  return Object.assign(new MemoryHost(new Map()), {
    readUpToSync: () => {
      if (read instanceof Error) throw read;
      return read;
    },
  });
}

const CASES: { name: string; read: BoundedBytes | Error | undefined; bytes?: string; note?: [string, RegExp] }[] = [
  { name: 'text', read: Buffer.from('// @spdf implements R-1\n'), bytes: '// @spdf implements R-1\n' },
  { name: 'a file over the limit (by its size)', read: { size: 5_000_000 }, note: ['oversize', /file is 4\.8 MB, over the 1\.0 MB limit/] },
  { name: 'a file gone', read: failure('ENOENT'), note: ['vanished', /disappeared/] },
  // A failed open is no absence: the file may hold tags, so the gate must fail on it (a stat failure read as gone).
  { name: 'a file that cannot be opened', read: failure('EACCES'), note: ['unreadable', /cannot read: EACCES/] },
  { name: 'a binary file', read: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), note: ['binary', /NUL byte/] },
];

describe('reading a source file in one bounded read', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.note ? c.note[0] : 'its bytes'}`, () => {
      const notes = new IndexNotes();
      const got = readSourceBytesNow(hostAnswering(c.read), 'src/a.c', 1024 * 1024, notes);
      if (c.bytes !== undefined) assert.equal(Buffer.isBuffer(got) ? got.toString('utf8') : got, c.bytes);
      else assert.equal(got, undefined);
      const listed = notes.list();
      if (c.note) {
        assert.equal(listed.length, 1);
        assert.equal(listed[0].kind, c.note[0]);
        assert.match(listed[0].message, c.note[1]);
      } else assert.deepEqual(listed, []);
    });
  }

  it('leaves a file the host cannot read so to the asynchronous read', () => {
    assert.equal(readSourceBytesNow(hostAnswering(undefined), 'src/a.c', 100, new IndexNotes()), 'later');
    assert.equal(readSourceBytesNow(new MemoryHost(new Map([['src/a.c', 'x']])), 'src/a.c', 100, new IndexNotes()), 'later');
  });
});
