// @spdf verifies SPDF-FC-SYMLINK
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixFile } from '../../src/cli/commands/lint';
import { writeBaselineFile } from '../../src/node/baseline-file';
import { writeReviewLock } from '../../src/node/codeindex/review-lock-file';
import { writeImport } from '../../src/node/import-write';
import { LinkOutsideError } from '../../src/node/path-inside';

const VICTIM = 'not yours to overwrite\n';
const edit = { file: 'm.spdf.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# fixed\n' };

// Each writer of a workspace file, given a root whose `link` points at `outside/victim` (or, for a folder, at `outside`).
const CASES: { name: string; link: string; folder?: boolean; write: (root: string) => Promise<unknown> }[] = [
  { name: 'the review lock', link: 'spdf.lock.json', write: (root) => writeReviewLock(root, '{"version":1,"links":[]}\n') },
  { name: 'the review lock in a linked folder', link: 'locks', folder: true, write: (root) => writeReviewLock(root, '{"version":1,"links":[]}\n', 'locks/victim') },
  { name: 'the baseline', link: 'spdf.baseline.json', write: (root) => writeBaselineFile(root, join(root, 'spdf.baseline.json'), { version: 1, entries: [] }) },
  { name: 'lint --fix', link: 'm.spdf.yaml', write: (root) => fixFile(join(root, 'm.spdf.yaml'), VICTIM, [edit], root) },
  { name: 'an import (its report)', link: 'IMPORT-REPORT.md', write: (root) => writeImport(root, 'otm', [{ name: 'model.spdf.yaml', content: 'zones: []\n' }], () => 'report\n', true) },
];

describe('a workspace file that is a symbolic link out of the workspace is never written through', () => {
  let base: string;
  beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'spdf-link-out-'))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  for (const c of CASES)
    it(`${c.name}: refused, the file outside unchanged, nothing written`, async () => {
      const root = join(base, 'ws');
      mkdirSync(join(base, 'outside'), { recursive: true });
      mkdirSync(root);
      writeFileSync(join(base, 'outside', 'victim'), VICTIM);
      symlinkSync(c.folder ? join(base, 'outside') : join(base, 'outside', 'victim'), join(root, c.link));
      await assert.rejects(c.write(root), (e: Error) => e instanceof LinkOutsideError && /leads outside the workspace .* through a symbolic link; not written/.test(e.message));
      assert.equal(readFileSync(join(base, 'outside', 'victim'), 'utf8'), VICTIM);
      assert.equal(existsSync(join(root, 'model.spdf.yaml')), false, 'an import writes nothing when one target is refused');
    });

  it('a link that stays inside the workspace is written through', async () => {
    const root = join(base, 'ws');
    mkdirSync(join(root, 'locks'), { recursive: true });
    writeFileSync(join(root, 'locks', 'real.json'), '{"version":1,"links":[]}\n');
    symlinkSync(join(root, 'locks', 'real.json'), join(root, 'spdf.lock.json'));
    await writeReviewLock(root, '{"version":1,"links":[],"x":1}\n');
    assert.equal(readFileSync(join(root, 'locks', 'real.json'), 'utf8'), '{"version":1,"links":[],"x":1}\n');
  });
});
