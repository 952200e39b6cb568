// @spdf verifies SPDF-FC-SYMLINK
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';
import { BASE } from '../server/parity-workspace';

/**
 * A FIFO or a device where the globs choose a model or source file is not read (reading a FIFO would block): it is
 * an input problem naming the file, so `spdf check`, `spdf links` and `spdf trace` do not pass as if it held nothing.
 * One the globs do not choose (no model name, no source extension) is not an input.
 */
const SPECIAL: { name: string; make: (root: string, path: string) => void }[] = [
  { name: 'src/pipe.c', make: (_root, path) => execFileSync('mkfifo', [path]) },
  { name: 'model/pipe.spdf.yaml', make: (_root, path) => execFileSync('mkfifo', [path]) },
  { name: 'src/null.c', make: (_root, path) => symlinkSync('/dev/null', path) },
];

describe('FIFOs and devices named like inputs', function () {
  before(function () {
    if (process.platform === 'win32') this.skip();
    process.env.SPDF_NO_GIT = '1';
  });

  for (const s of SPECIAL)
    it(`${s.name}: check, links and trace fail naming it`, async () => {
      const root = tempWorkspace(BASE);
      try {
        s.make(root, join(root, s.name));
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, 1, check.stderr);
        assert.ok(check.stderr.includes(`${s.name}: not a regular file (a FIFO, socket or device); not read`), check.stderr);
        assert.equal((await runCli(['links', root, '--no-cache'])).code, 1);
        const trace = await runCli(['trace', root, '--format', 'md', '--no-cache']);
        assert.equal(trace.code, 1, trace.stderr);
        assert.match(trace.stdout, /INCOMPLETE: 1 input problem/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

  it('a FIFO as a .gitignore is not read (it ignores nothing): the check ends, as without one', async () => {
    const root = tempWorkspace(BASE);
    try {
      execFileSync('mkfifo', [join(root, '.gitignore')]);
      const check = await runCli(['check', root, '--no-cache']);
      assert.equal(check.code, 0, check.stderr);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a FIFO the globs do not choose is not an input', async () => {
    const root = tempWorkspace(BASE);
    try {
      mkdirSync(join(root, 'run'));
      execFileSync('mkfifo', [join(root, 'run', 'control')]);
      const check = await runCli(['check', root, '--no-cache']);
      assert.equal(check.code, 0, check.stderr);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
