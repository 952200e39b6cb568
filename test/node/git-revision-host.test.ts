// @spdf verifies SPDF-CMD-DIFF
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRevisionHost, resolveCommit } from '../../src/node/git-revision';
import { gitRepo, type GitRepo } from '../support/git-repo';

describe('GitRevisionHost (a commit read through git)', function () {
  this.timeout(60_000);
  let repo: GitRepo;
  const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);

  before(() => {
    repo = gitRepo(join(__dirname, '..', 'fixtures', 'git-host'));
    mkdirSync(join(repo.root, 'sub'));
    writeFileSync(join(repo.root, 'sub', 'big.bin'), big);
    writeFileSync(join(repo.root, 'sub', 'empty.txt'), '');
    symlinkSync('a.txt', join(repo.root, 'link.txt'));
    repo.commit('one', 'files');
    writeFileSync(join(repo.root, 'a.txt'), 'changed in the working tree\n');
  });
  after(() => rmSync(repo.root, { recursive: true, force: true }));

  it('lists the commit, reads exact bytes (binary, larger than a pipe buffer, empty) in any order, and notes a symbolic link', async () => {
    const host = new GitRevisionHost(repo.root, repo.commits.one);
    try {
      assert.deepEqual(await host.listFiles(), ['a.txt', 'sub/big.bin', 'sub/empty.txt']);
      const [a, b, e, a2] = await Promise.all(['a.txt', 'sub/big.bin', 'sub/empty.txt', 'a.txt'].map((p) => host.readFile(p)));
      assert.equal(new TextDecoder().decode(a), 'model: x\n');
      assert.deepEqual(Buffer.from(b), Buffer.from(big));
      assert.equal(e.length, 0);
      assert.equal(new TextDecoder().decode(a2), 'model: x\n');
      assert.equal(await host.statSize('sub/big.bin'), big.length);
      assert.equal(await host.statSize('nope'), undefined);
      await assert.rejects(host.readFile('nope'), /ENOENT/);
      assert.deepEqual(
        host.notes.map((n) => n.path),
        ['link.txt'],
      );
    } finally {
      host.close();
    }
  });

  it('a workspace in a subfolder sees its own files, relative to it', async () => {
    const host = new GitRevisionHost(join(repo.root, 'sub'), repo.commits.one);
    try {
      assert.deepEqual(await host.listFiles(), ['big.bin', 'empty.txt']);
    } finally {
      host.close();
    }
  });

  it('names an unknown revision', async () => {
    await assert.rejects(resolveCommit(repo.root, 'v9'), /unknown revision 'v9'/);
    await assert.rejects(resolveCommit(repo.root, '--output=x'), /is not a revision/);
  });
});
