// @spdf verifies SPDF-IDX-002
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { workspacePath } from '../../../src/node/codeindex/fs-read-host';

const ROOTS = ['/', '/srv/ws', '/srv/ws/', '/srv/./ws/../ws2', 'rel/ws', '.', '', '..', 'a/..', '/srv//ws'];
const FILES = [
  'a.c',
  'src/a.c',
  'src/deep/er/a.c',
  '.hidden/a.c',
  'src/...',
  'a..b/c',
  'src/./a.c',
  'src/../a.c',
  '../a.c',
  './a.c',
  'src//a.c',
  '/a.c',
  'src/',
  'src\\a.c',
  'ü n i/ç.c',
  '.',
  '..',
  '',
];

describe('workspacePath (the path a workspace file is read from)', () => {
  for (const root of ROOTS)
    it(`is path.join of the root and the name's segments, for every kind of name, under '${root}'`, () => {
      const abs = workspacePath(root);
      for (const file of FILES) assert.equal(abs(file), path.join(root, ...file.split('/')), file);
    });

  it('is path.join for any names and roots made of segments, dots and slashes', () => {
    const part = fc.constantFrom('', '.', '..', '...', 'a', 'b.c', '.d', 'e..', ' ', '\\');
    const name = fc.array(part, { maxLength: 6 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(name, name, fc.boolean(), (root, file, absolute) => {
        const r = absolute ? `/${root}` : root;
        assert.equal(workspacePath(r)(file), path.join(r, ...file.split('/')));
      }),
      { numRuns: 2000 },
    );
  });
});
