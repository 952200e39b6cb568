// @spdf verifies SPDF-FC-REGEX
/**
 * A cloned repository with a hostile .gitignore and one deep folder: the `ignore` package's backtracking expression of
 * `a/**\/a/**\/a/**\/a/**\/a/**\/a/**\/b` took 4.8 s on one path of 60 folders (this one has 100), and the walk asks it of every folder on
 * the way down, so `spdf check`, `spdf links` and the language server hung. The walk and walkWouldList end (without the
 * linear-time engine this test runs into mocha's timeout) and list what `ignore` would list.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ignore from 'ignore';
import { walkWorkspace, walkWouldList } from '../../../src/node/codeindex/workspace-walker';

const HOSTILE = 'a/**/a/**/a/**/a/**/a/**/a/**/b';

describe('the walk over a hostile .gitignore and a deep folder', function () {
  this.timeout(60000);
  const deep = `${'a/'.repeat(100)}c.c`;
  // Short enough for `ignore` itself to answer: the oracle of these.
  const shallow = ['a/a/a/a/a/a/b/x.c', 'a/a/b/y.c', 'a/b/z.c', 'a/a/a/a/a/a/a/b', 'b/w.c', 'keep.c'];
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'spdf-hostile-gitignore-'));
    for (const file of [deep, ...shallow]) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    writeFileSync(join(root, '.gitignore'), `${HOSTILE}\n**/a/**/a/**/a/**/a/**/a/**/a/**/b/\n!keep.c\n`);
  });

  it('walkWorkspace lists the deep file and what ignore() lists of the others', async () => {
    const { files, notes } = await walkWorkspace(root);
    const ig = ignore().add(`${HOSTILE}\n**/a/**/a/**/a/**/a/**/a/**/a/**/b/\n!keep.c\n`);
    const expected = [deep, ...shallow.filter((f) => !ig.ignores(f)), '.gitignore'].sort();
    assert.deepEqual(files, expected);
    assert.ok(!files.includes('a/a/a/a/a/a/b/x.c'), 'the hostile rule still ignores what it names');
    assert.deepEqual(notes.list(), []);
  });

  it('walkWouldList answers the same for each of them', async () => {
    const { dirs } = await walkWorkspace(root, { sync: true });
    assert.equal(await walkWouldList(root, deep, dirs), 'listed');
    const ig = ignore().add(`${HOSTILE}\n**/a/**/a/**/a/**/a/**/a/**/a/**/b/\n!keep.c\n`);
    for (const file of shallow) assert.equal(await walkWouldList(root, file, dirs), ig.ignores(file) ? 'skipped' : 'listed', file);
  });
});
