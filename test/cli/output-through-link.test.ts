// @spdf verifies SPDF-FC-OUTPUT
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { gitRepo, type GitRepo } from '../support/git-repo';

const FIXTURE = join(__dirname, '..', 'fixtures', 'diff', 'workspace');

/**
 * `--output` named inside the workspace that leads out of it through a symbolic link (a folder on the way, or the
 * file itself), as a cloned repository may ship: refused with exit 2 naming the path, nothing written out there.
 * A path named outside the workspace is the user's choice and is written.
 */
const COMMANDS: { name: string; args: string[] }[] = [
  { name: 'trace', args: ['trace', 'ROOT', '--format', 'md'] },
  { name: 'export', args: ['export', 'otm', 'ROOT'] },
  { name: 'diff', args: ['diff', 'first', '--format', 'md'] },
];

describe('--output through a link leading out of the workspace', () => {
  let repo: GitRepo;
  let outside: string;
  before(() => {
    repo = gitRepo(FIXTURE);
    repo.commit('first', 'first');
    outside = mkdtempSync(join(tmpdir(), 'spdf-outside-'));
    writeFileSync(join(outside, 'victim.html'), 'kept\n');
    symlinkSync(outside, join(repo.root, 'published'));
    symlinkSync(join(outside, 'victim.html'), join(repo.root, 'report.html'));
  });
  after(() => {
    rmSync(repo.root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const run = (args: string[], output: string) => runCli([...args.map((a) => (a === 'ROOT' ? repo.root : a)), '--output', output], repo.root);

  for (const c of COMMANDS) {
    it(`spdf ${c.name} -o published/new/m.html (published -> outside): exit 2, nothing made outside`, async () => {
      const r = await run(c.args, 'published/new/m.html');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`spdf ${c.name}: --output published/new/m\\.html: .*leads outside the workspace .* through a symbolic link; not written`));
      assert.equal(existsSync(join(outside, 'new')), false);
    });

    it(`spdf ${c.name} -o report.html (a link to a file outside): exit 2, the file kept`, async () => {
      const r = await run(c.args, 'report.html');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /--output report\.html: .*leads outside the workspace/);
      assert.equal(readFileSync(join(outside, 'victim.html'), 'utf8'), 'kept\n');
    });

    it(`spdf ${c.name} -o <a path outside the workspace>: written`, async () => {
      const target = join(outside, `explicit-${c.name}.out`);
      const r = await run(c.args, target);
      assert.notEqual(r.code, 2, r.stderr);
      assert.ok(readFileSync(target, 'utf8').length > 0);
    });
  }

  it('a link inside the workspace to a folder inside it is written through', async () => {
    mkdirSync(join(repo.root, 'out-real'), { recursive: true });
    symlinkSync(join(repo.root, 'out-real'), join(repo.root, 'out-link'));
    const r = await run(['trace', 'ROOT', '--format', 'md'], 'out-link/m.md');
    assert.notEqual(r.code, 2, r.stderr);
    assert.match(readFileSync(join(repo.root, 'out-real', 'm.md'), 'utf8'), /Traceability matrix/);
  });
});
