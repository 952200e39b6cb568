// @spdf verifies SPDF-CMD-REVIEW
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { updateReviewLock, type ReviewLockEntry } from '../../src/core/codelinks/review-lock';
import { runCli, tempWorkspace } from '../support/cli';
import { lockEntry } from '../support/lock-entry';

const entry = lockEntry;

describe('review lock rewrites keep what they do not own', () => {
  it('keeps unknown top-level and per-entry fields, malformed entries, CRLF line endings and a BOM', () => {
    const old = {
      $comment: 'reviewed by QA',
      version: 1,
      links: [{ ...entry('A-1', 'a.c'), ticket: 'QA-17' }, { id: 'broken' }],
      signedBy: { name: 'QA lead' },
    };
    const text = `\uFEFF${JSON.stringify(old, null, 2).replace(/\n/g, '\r\n')}\r\n`;
    const update = updateReviewLock(text, [{ ...entry('A-1', 'a.c'), codeHash: '2'.repeat(16) }, entry('B-1', 'b.c')]);
    assert.match(update.text!, /^\uFEFF\{\r\n/);
    assert.equal(update.text!.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    const written = JSON.parse(update.text!.slice(1));
    assert.deepEqual(Object.keys(written), ['$comment', 'version', 'links', 'signedBy']);
    assert.deepEqual(written.signedBy, { name: 'QA lead' });
    assert.deepEqual(written.links[0], { ...entry('A-1', 'a.c'), codeHash: '2'.repeat(16), ticket: 'QA-17' });
    assert.deepEqual(written.links[1], entry('B-1', 'b.c'));
    assert.deepEqual(written.links[2], { id: 'broken' });
    assert.deepEqual([update.added, update.updated], [1, 1]);
  });

  it('writes LF for an LF or new lock', () => {
    assert.doesNotMatch(updateReviewLock(undefined, [entry('A-1', 'a.c')]).text!, /\r/);
    assert.doesNotMatch(updateReviewLock('{"version":1,"links":[]}\n', [entry('A-1', 'a.c')]).text!, /\r/);
  });

  it('spdf review keeps a CRLF lock CRLF and its unknown fields', async () => {
    const lock = { version: 1, links: [], $schema: 'https://example.invalid/lock.json' };
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'spdf.lock.json': `${JSON.stringify(lock, null, 2).replace(/\n/g, '\r\n')}\r\n`,
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
    });
    try {
      const r = await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root);
      assert.equal(r.code, 0, r.stderr);
      const text = readFileSync(join(root, 'spdf.lock.json'), 'utf8');
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      const written = JSON.parse(text);
      assert.equal(written.$schema, lock.$schema);
      assert.deepEqual(
        written.links.map((l: ReviewLockEntry) => [l.id, l.reviewer]),
        [['SEC-REQ-001', 'qa']],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spdf review --prune', () => {
  const files = {
    'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
    'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n  - id: SEC-REQ-002\n    title: Audit log\n',
    'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
    'src/b.c': '// @spdf implements SEC-REQ-002\nint b(void) { return 0; }\n',
  };
  const lockedFiles = (root: string) => (JSON.parse(readFileSync(join(root, 'spdf.lock.json'), 'utf8')) as { links: ReviewLockEntry[] }).links.map((l) => `${l.file} ${l.id}`);

  it('drops the entries of links that no longer exist, says how many, and writes nothing on --dry-run', async () => {
    const root = tempWorkspace(files);
    try {
      assert.equal((await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root)).code, 0);
      assert.deepEqual(lockedFiles(root), ['src/a.c SEC-REQ-001', 'src/b.c SEC-REQ-002']);
      rmSync(join(root, 'src/b.c'));
      const before = readFileSync(join(root, 'spdf.lock.json'), 'utf8');
      const dry = await runCli(['review', '--prune', '--dry-run', '--root', root], root);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /would prune 1 lock entry whose link no longer exists/);
      assert.equal(readFileSync(join(root, 'spdf.lock.json'), 'utf8'), before, '--dry-run writes nothing');
      const r = await runCli(['review', '--prune', '--root', root], root);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /pruned 1 lock entry whose link no longer exists/);
      assert.deepEqual(lockedFiles(root), ['src/a.c SEC-REQ-001']);
      assert.match((await runCli(['review', '--prune', '--root', root], root)).stdout, /nothing to prune/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('records nothing while a model file does not load (it recorded the targets as the broken model read them)', async () => {
    const root = tempWorkspace({
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      'broken.spdf.yaml': 'requirements:\n  - id: SEC-REQ-002\n\ttitle: [\n',
      'src/a.c': '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x;\n}\n',
    });
    const r = await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^broken\.spdf\.yaml:3:1: error TM000 /m);
    assert.match(r.stderr, /the model did not load \(above\).*nothing recorded$/m);
    assert.throws(() => readFileSync(join(root, 'spdf.lock.json')), /ENOENT/);
  });

  it('prunes nothing and fails when the lock cannot be read, leaving it as it was', async () => {
    const root = tempWorkspace({ ...files, 'spdf.lock.json': '{"version": 1, "links": [' });
    try {
      const r = await runCli(['review', '--prune', '--root', root], root);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /cannot be read, so nothing was pruned/);
      assert.equal(readFileSync(join(root, 'spdf.lock.json'), 'utf8'), '{"version": 1, "links": [');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps the entries of a file the walk did not read (a symbolic link out of the workspace)', async () => {
    const root = tempWorkspace(files);
    const outside = mkdtempSync(join(tmpdir(), 'spdf-outside-'));
    try {
      writeFileSync(join(outside, 'c.c'), '// @spdf implements SEC-REQ-002\nint c(void) { return 0; }\n');
      symlinkSync(join(outside, 'c.c'), join(root, 'src/c.c'));
      writeFileSync(join(root, 'spdf.lock.json'), JSON.stringify({ version: 1, links: [lockEntry('SEC-REQ-002', 'src/c.c'), lockEntry('SEC-REQ-009', 'src/gone.c')] }, null, 2) + '\n');
      const r = await runCli(['review', '--prune', '--root', root], root);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(lockedFiles(root), ['src/c.c SEC-REQ-002']);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
