// @spdf verifies SPDF-CMD-REVIEW
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
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
