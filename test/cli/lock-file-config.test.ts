import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const files = (lockFile: string) => ({
  'spdf.config.yaml': `lock_file: ${lockFile}\n`,
  'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
  'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
});

describe('config lock_file', () => {
  it('spdf review writes the lock named by lock_file, and spdf links reads it back', async () => {
    const root = tempWorkspace(files('evidence/review.lock.json'));
    try {
      const review = await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root);
      assert.equal(review.code, 0, review.stderr);
      assert.equal(existsSync(join(root, 'spdf.lock.json')), false, 'the default lock name must not be written');
      const written = JSON.parse(readFileSync(join(root, 'evidence/review.lock.json'), 'utf8'));
      assert.deepEqual(
        written.links.map((l: { id: string }) => l.id),
        ['SEC-REQ-001'],
      );
      const links = await runCli(['links', root, '--format', 'json'], root);
      const rows = JSON.parse(links.stdout).links as { id: string; status: string }[];
      assert.deepEqual(
        rows.map((r) => [r.id, r.status]),
        [['SEC-REQ-001', 'reviewed']],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a lock_file outside the workspace root is refused by review and reported by check', async () => {
    const root = tempWorkspace(files('../outside.lock.json'));
    try {
      const review = await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root);
      assert.notEqual(review.code, 0);
      assert.match(review.stdout + review.stderr, /lock_file '\.\.\/outside\.lock\.json' must name a file inside the workspace root/);
      assert.equal(existsSync(join(root, '..', 'outside.lock.json')), false);
      const check = await runCli(['check', root, '--format', 'json'], root);
      assert.equal(check.code, 1);
      assert.match(check.stdout, /must name a file inside the workspace root/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
