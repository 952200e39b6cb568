// @spdf verifies SPDF-FC-SYMLINK, SPDF-LSP-WATCH
/**
 * The walk's answer for one path (a file a watcher reports) equals what the whole walk lists, for every path of a tree
 * with every case the walk leaves out: ignore files at several levels, a `!` re-include, folders never walked, links in
 * and out of the root, loops, a folder reached through a link (listed once, under the path met first), a FIFO.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkWorkspace, walkWouldList, type WalkOptions } from '../../../src/node/codeindex/workspace-walker';

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

function tree(): string {
  const base = mkdtempSync(join(tmpdir(), 'spdf-walk-one-'));
  const root = join(base, 'ws');
  write(root, {
    '.gitignore': 'build/\n*.tmp\nout/*\n!out/kept.c\n',
    'src/a.c': '',
    'src/b.tmp': '',
    'src/lib/.gitignore': 'gen.c\n',
    'src/lib/gen.c': '',
    'src/lib/z.c': '',
    'build/out.c': '',
    'out/kept.c': '',
    'out/other.c': '',
    'node_modules/m/index.js': '',
    'pkg/node_modules': '',
    'docs/readme.md': '',
    'zz/.gitignore/inner.c': '',
  });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'o.c'), '');
  symlinkSync('..', join(root, 'src', 'loop'));
  symlinkSync(join(base, 'outside'), join(root, 'src', 'out-dir'));
  symlinkSync(join(base, 'outside', 'o.c'), join(root, 'src', 'out-file.c'));
  symlinkSync(join(root, 'missing.c'), join(root, 'src', 'dangling.c'));
  // Met before src/: the walk lists src/lib's files under lib-alias/ only.
  symlinkSync(join(root, 'src', 'lib'), join(root, 'lib-alias'));
  // Met after src/: listed under src/ only.
  symlinkSync(join(root, 'src'), join(root, 'x-src'));
  symlinkSync('a.c', join(root, 'src', 'a-link.c'));
  symlinkSync('self.c', join(root, 'src', 'self.c'));
  try {
    execFileSync('mkfifo', [join(root, 'src', 'pipe.c')]);
  } catch {
    // No mkfifo here: the other cases still hold.
  }
  return root;
}

/** Every path below `root`, through links too (loops cut at a depth), and some that do not exist. */
function candidates(root: string): string[] {
  const out = new Set<string>(['nothing.c', 'src/nothing/x.c', 'src/a.c/x.c', '', './src/a.c', 'src/../src/a.c', 'src//a.c']);
  const visit = (rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return;
    }
    for (const name of names) {
      const child = rel ? `${rel}/${name}` : name;
      out.add(child);
      let dir = false;
      try {
        dir = statSync(join(root, child)).isDirectory();
      } catch {
        dir = lstatSync(join(root, child)).isDirectory();
      }
      if (dir && depth < 4) visit(child, depth + 1);
    }
  };
  visit('', 0);
  return [...out].sort();
}

const isFolder = (abs: string) => {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
};

/** What the walk did with `p`: listed it, noted it (a path that is not a folder), or skipped it. */
const didWith = (listed: ReadonlySet<string>, noted: ReadonlySet<string>, root: string, p: string) => (listed.has(p) ? 'listed' : noted.has(p) && !isFolder(join(root, p)) ? 'noted' : 'skipped');

/** Asks about every path with the folders of a walk now; returns how many were asked. */
async function assertSameAsWalk(root: string, options: WalkOptions): Promise<number> {
  const { files, dirs, notes } = await walkWorkspace(root, options);
  const listed = new Set(files);
  const noted = new Set(notes.list().map((n) => n.file));
  const all = candidates(root);
  const wrong: string[] = [];
  for (const p of all) {
    const [got, want] = [await walkWouldList(root, p, dirs, options), didWith(listed, noted, root, p)];
    if (got !== want) wrong.push(`${p}: ${got}, the walk: ${want}`);
  }
  assert.deepEqual(wrong, [], 'paths the one-path answer gets wrong');
  return all.length;
}

describe('the walk asked about one path', () => {
  it('lists or notes a path exactly when the whole walk does, for every path of the tree', async () => {
    const root = tree();
    const { files } = await walkWorkspace(root);
    // The tree exercises what it claims: nested ignore files, the re-include, the alias met first.
    for (const p of ['src/a.c', 'lib-alias/.gitignore', 'lib-alias/z.c', 'out/kept.c', 'src/a-link.c', 'zz/.gitignore/inner.c']) assert.ok(files.includes(p), p);
    for (const p of ['src/b.tmp', 'build/out.c', 'lib-alias/gen.c', 'src/lib/z.c', 'x-src/a.c', 'out/other.c', 'src/out-file.c', 'src/pipe.c', 'node_modules/m/index.js'])
      assert.ok(!files.includes(p), p);
    const noted = (await walkWorkspace(root)).notes.list().map((n) => n.file);
    for (const p of ['src/out-file.c', 'src/dangling.c', 'src/self.c', 'src/out-dir']) assert.ok(noted.includes(p), p);
    assert.ok((await assertSameAsWalk(root, {})) > 40, 'enough paths were asked about');
  });

  it('follows include, excludes and gitignore: false as the walk does', async () => {
    const root = tree();
    await assertSameAsWalk(root, { include: (f) => f.endsWith('.c'), excludes: ['src/lib/**', 'out/kept.c'] });
    await assertSameAsWalk(root, { gitignore: false });
  });

  it('judges a path not on disk as the regular file it will be when asked to (an open document), else skips it', async () => {
    const root = tree();
    const { dirs } = await walkWorkspace(root);
    const ask = (p: string, absentAsFile?: boolean) => walkWouldList(root, p, dirs, { absentAsFile });
    assert.deepEqual(
      await Promise.all(['src/new.c', 'build/new.c', 'src/new.tmp', 'src/lib/gen.c', 'lib-alias/gen.c', 'lib-alias/new.c', 'src/lib/new.c', 'out/new.c', 'out/kept.c'].map((p) => ask(p, true))),
      ['listed', 'skipped', 'skipped', 'skipped', 'skipped', 'listed', 'skipped', 'skipped', 'listed'],
    );
    assert.equal(await ask('src/new.c'), 'skipped');
  });

  it('answers for files and folders created after a walk as a new walk lists them, or says it cannot tell without one', async () => {
    const root = tree();
    const walked = (await walkWorkspace(root)).dirs;
    write(root, {
      'src/new/x.c': '',
      'src/new/.gitignore': 'y.c\n',
      'src/new/y.c': '',
      'build/new.c': '',
      'src/lib/more.c': '',
      'out/new.c': '',
      'fresh.tmp': '',
    });
    // Met after src/new: a new walk lists src/new/x.c only, which the folders of the first walk cannot tell.
    symlinkSync(join(root, 'src', 'new'), join(root, 'src', 'z-new'));
    const fresh = await walkWorkspace(root);
    const [listed, noted] = [new Set(fresh.files), new Set(fresh.notes.list().map((n) => n.file))];
    for (const p of ['src/new/x.c', 'src/z-new/x.c', 'src/new/y.c']) assert.equal(await walkWouldList(root, p, walked), undefined, p);
    // Files in folders the first walk entered, or hidden before a new folder is reached: answered, as a new walk lists them.
    for (const p of ['build/new.c', 'src/lib/more.c', 'lib-alias/more.c', 'out/new.c', 'out/kept.c', 'fresh.tmp', 'src/a.c', 'src/pipe.c'])
      assert.equal(await walkWouldList(root, p, walked), didWith(listed, noted, root, p), p);
    const fresh2 = new Set(fresh.files);
    assert.ok(fresh2.has('lib-alias/more.c') && !fresh2.has('src/lib/more.c') && fresh2.has('src/new/x.c') && !fresh2.has('src/z-new/x.c'));
    await assertSameAsWalk(root, {});
  });
});
