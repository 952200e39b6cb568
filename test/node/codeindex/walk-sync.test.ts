// @spdf verifies SPDF-FC-SYMLINK
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkWorkspace } from '../../../src/node/codeindex/workspace-walker';

/** A tree with every case the walk notes or leaves out: ignore files, links in and out of the root, loops, a FIFO. */
function tree(): string {
  const base = mkdtempSync(join(tmpdir(), 'spdf-walk-sync-'));
  const root = join(base, 'ws');
  const files = {
    '.gitignore': 'build/\n*.tmp\n',
    'src/a.c': '',
    'src/b.tmp': '',
    'src/lib/.gitignore': 'gen.c\n',
    'src/lib/gen.c': '',
    'src/lib/z.c': '',
    'build/out.c': '',
    'node_modules/m/index.js': '',
    'docs/readme.md': '',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'o.c'), '');
  symlinkSync('..', join(root, 'src', 'loop'));
  symlinkSync(join(base, 'outside'), join(root, 'src', 'out-dir'));
  symlinkSync(join(base, 'outside', 'o.c'), join(root, 'src', 'out-file.c'));
  symlinkSync(join(root, 'missing.c'), join(root, 'src', 'dangling.c'));
  symlinkSync(join(root, 'src', 'lib'), join(root, 'lib-alias'));
  symlinkSync('self.c', join(root, 'src', 'self.c'));
  try {
    execFileSync('mkfifo', [join(root, 'src', 'pipe.c')]);
  } catch {
    // No mkfifo here: the other cases still hold.
  }
  return root;
}

const listing = async (root: string, sync: boolean) => {
  const { files, notes } = await walkWorkspace(root, { sync, include: (f) => !f.endsWith('.md') });
  return { files, notes: notes.list() };
};

describe('the synchronous walk (a CLI command)', () => {
  it('lists the same files and notes the same entries as the walk with asynchronous calls', async () => {
    const root = tree();
    const expected = await listing(root, false);
    assert.ok(expected.files.some((f) => f.endsWith('/z.c')) && !expected.files.some((f) => f.endsWith('/gen.c') || f.endsWith('.tmp')), 'the tree exercises nested ignore files');
    assert.ok(expected.notes.length >= 4, 'the tree exercises the notes');
    assert.deepEqual(await listing(root, true), expected);
  });

  it('notes a root that does not exist as the asynchronous walk does', async () => {
    const root = join(tmpdir(), 'spdf-walk-sync-missing', String(process.pid));
    assert.deepEqual(await listing(root, true), await listing(root, false));
  });
});
