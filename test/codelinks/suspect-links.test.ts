// @spdf verifies SPDF-IDX-003
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fnv1a64 } from '../../src/core/hash';
import type { CodeLink } from '../../src/core/codelinks/model';
import { pickNormativeFields, targetHash } from '../../src/core/codelinks/normative-fields';
import { parseReviewLock, updateReviewLock, type ReviewLockEntry } from '../../src/core/codelinks/review-lock';
import { ReviewLockIndex, reviewStatusOf } from '../../src/core/codelinks/review-status';
import { readReviewLock, writeReviewLock } from '../../src/node/codeindex/review-lock-file';
import { indexText } from './fixture-harness';
import { lockEntry } from '../support/lock-entry';

const PY = `import math


def helper(x):
    return x * 2


# @spdf implements SEC-REQ-014
def set_rate(self, rate):
    """Clamp the rate."""
    if rate > self.limit:
        # never exceed the limit
        rate = self.limit
    return rate
`;

const CPP = `// @spdf implements SEC-REQ-014
void DoseController::setRate(int rate) {
    if (rate > max_) { rate = max_; }
    rate_ = rate; // store
}

int other() { return 1; }
`;

async function linkOf(file: string, text: string, id = 'SEC-REQ-014'): Promise<CodeLink> {
  const index = await indexText(file, text);
  const link = index.links.find((l) => l.id === id);
  assert.ok(link, `no link for ${id} in ${file}: ${JSON.stringify(index.problems)}`);
  return link;
}

describe('suspect links: code fingerprints', () => {
  it('changes when the body changes', async () => {
    const before = await linkOf('pump/dose.py', PY);
    const after = await linkOf('pump/dose.py', PY.replace('rate = self.limit', 'rate = self.limit - 1'));
    assert.equal(before.symbol, 'pump.dose.set_rate');
    assert.notEqual(after.codeHash, before.codeHash);
  });

  it('changes when the signature changes', async () => {
    const before = await linkOf('pump/dose.py', PY);
    const after = await linkOf('pump/dose.py', PY.replace('def set_rate(self, rate)', 'def set_rate(self, rate, force)'));
    assert.notEqual(after.codeHash, before.codeHash);
  });

  it('stays when only formatting changes', async () => {
    const before = await linkOf('pump/dose.py', PY);
    const reformatted = PY.replace('if rate > self.limit:', 'if   rate>self.limit :').replace('return rate\n', 'return  rate\n\n\n');
    assert.equal((await linkOf('pump/dose.py', reformatted)).codeHash, before.codeHash);

    const cppBefore = await linkOf('dose.cpp', CPP);
    const cppReflowed = CPP.replace('void DoseController::setRate(int rate) {', 'void\nDoseController::setRate( int rate )\n{').replace('{ rate = max_; }', '{\n        rate = max_;\n    }');
    assert.equal((await linkOf('dose.cpp', cppReflowed)).codeHash, cppBefore.codeHash);
  });

  it('stays when comments, the docstring or the tag line change', async () => {
    const before = await linkOf('pump/dose.py', PY);
    const edited = PY.replace('# never exceed the limit', '# clamp: the pump must never exceed the configured limit')
      .replace('"""Clamp the rate."""', '"""Clamp the requested rate to the limit.\n\n    Longer text.\n    """')
      .replace('# @spdf implements SEC-REQ-014', '# Rate control.\n# @spdf implements SEC-REQ-014, SEC-REQ-015');
    assert.equal((await linkOf('pump/dose.py', edited)).codeHash, before.codeHash);

    const cppBefore = await linkOf('dose.cpp', CPP);
    const cppEdited = CPP.replace('// store', '/* keep the accepted rate */');
    assert.equal((await linkOf('dose.cpp', cppEdited)).codeHash, cppBefore.codeHash);
  });

  it('stays when the function moves within its file', async () => {
    const before = await linkOf('pump/dose.py', PY);
    const [head, rest] = PY.split('\n\n\ndef helper');
    const [helper, setRate] = `def helper${rest}`.split('\n\n\n');
    const moved = `${head}\n\n\n${setRate.trimEnd()}\n\n\n${helper}\n`;
    assert.notEqual(moved, PY);
    const after = await linkOf('pump/dose.py', moved);
    assert.equal(after.codeHash, before.codeHash);
    assert.notDeepEqual(after.range, before.range);
  });

  it('does not treat comment markers inside strings as comments', async () => {
    const a = await linkOf('x.ts', '// @spdf implements R-1\nfunction f() { return "a // b"; }\n', 'R-1');
    const b = await linkOf('x.ts', '// @spdf implements R-1\nfunction f() { return "a // c"; }\n', 'R-1');
    assert.notEqual(a.codeHash, b.codeHash);
  });
});

describe('suspect links: target fingerprints and the review lock', () => {
  const requirement = { id: 'SEC-REQ-014', title: 'Signed commands', text: 'The pump shall reject unsigned commands.', status: 'draft' };

  it('hashes only normative fields, ignoring re-flowed whitespace', () => {
    const base = targetHash(pickNormativeFields('requirement', requirement));
    assert.equal(targetHash(pickNormativeFields('requirement', { ...requirement, status: 'approved' })), base);
    assert.equal(targetHash(pickNormativeFields('requirement', { ...requirement, text: 'The pump shall reject\n  unsigned commands. ' })), base);
    assert.notEqual(targetHash(pickNormativeFields('requirement', { ...requirement, text: 'The pump shall reject unsigned or replayed commands.' })), base);
  });

  it('FNV-1a 64 matches the reference vectors for ASCII', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  it('body change -> suspect, reformat -> not, requirement text change -> suspect, review -> clean', async () => {
    const file = 'pump/dose.py';
    const review = (link: CodeLink, tHash: string): ReviewLockEntry => ({
      id: link.id,
      relation: link.relation,
      file,
      symbol: link.symbol,
      codeHash: link.codeHash,
      targetHash: tHash,
      reviewer: 'j.doe',
      date: '2026-05-01',
    });
    const status = (lockText: string | undefined, link: CodeLink, tHash: string) => reviewStatusOf({ ...link, file }, tHash, new ReviewLockIndex(parseReviewLock(lockText).lock));

    const t0 = targetHash(pickNormativeFields('requirement', requirement));
    const link0 = await linkOf(file, PY);
    assert.equal(status(undefined, link0, t0).state, 'unreviewed');

    const lock1 = updateReviewLock(undefined, [review(link0, t0)]);
    assert.ok(lock1.text, JSON.stringify(lock1));
    assert.equal(status(lock1.text, link0, t0).state, 'reviewed');

    const reformatted = await linkOf(file, PY.replace('if rate > self.limit:', 'if rate>self.limit:'));
    assert.equal(status(lock1.text, reformatted, t0).state, 'reviewed');

    const changed = await linkOf(file, PY.replace('rate = self.limit', 'rate = 0'));
    assert.deepEqual({ ...status(lock1.text, changed, t0), review: undefined }, { state: 'suspect', codeChanged: true, targetChanged: false, review: undefined });

    const t1 = targetHash(pickNormativeFields('requirement', { ...requirement, text: 'The pump shall reject replayed commands.' }));
    const targetStatus = status(lock1.text, link0, t1);
    assert.equal(targetStatus.state, 'suspect');
    assert.equal(targetStatus.targetChanged, true);

    const lock2 = updateReviewLock(lock1.text, [review(changed, t1)]);
    assert.equal(lock2.updated, 1);
    assert.equal(status(lock2.text, changed, t1).state, 'reviewed');
  });

  it('renders a stable, sorted lock with a version and keeps unparseable locks untouched', () => {
    const entry = lockEntry;
    const a = updateReviewLock(undefined, [entry('B-1', 'b.c'), entry('A-1', 'a.c')]);
    const b = updateReviewLock(undefined, [entry('A-1', 'a.c'), entry('B-1', 'b.c')]);
    assert.equal(a.text, b.text);
    const parsed = JSON.parse(a.text!);
    assert.equal(parsed.version, 1);
    assert.deepEqual(
      parsed.links.map((l: ReviewLockEntry) => l.id),
      ['A-1', 'B-1'],
    );
    assert.equal(updateReviewLock(a.text, [], (e) => e.id !== 'B-1').removed, 1);

    const broken = updateReviewLock('{ not json', [entry('A-1', 'a.c')]);
    assert.equal(broken.text, undefined);
    assert.equal(broken.problems.length, 1, JSON.stringify(broken.problems));
  });

  it('a link reviewed twice: suspect when either entry is stale, kept twice by a rewrite, one entry once reviewed again', () => {
    const current = { ...lockEntry('A-1', 'a.c'), codeHash: 'c'.repeat(16) };
    const stale = { ...current, codeHash: '0'.repeat(16), reviewer: 'old' };
    const link = { id: 'A-1', relation: 'implements' as const, file: 'a.c', symbol: 'f', codeHash: current.codeHash };
    const twice = (...links: ReviewLockEntry[]) => `${JSON.stringify({ version: 1, links }, null, 2)}\n`;
    for (const text of [twice(stale, current), twice(current, stale)]) {
      const parsed = parseReviewLock(text);
      assert.equal(parsed.problems.length, 1, JSON.stringify(parsed.problems));
      assert.deepEqual(reviewStatusOf(link, current.targetHash, new ReviewLockIndex(parsed.lock)), {
        state: 'suspect',
        codeChanged: true,
        targetChanged: false,
        review: { reviewer: 'old', date: stale.date },
      });
    }
    assert.equal(reviewStatusOf(link, current.targetHash, new ReviewLockIndex(parseReviewLock(twice(current, { ...current })).lock)).state, 'reviewed');
    // Reviewing another link rewrites the lock without picking one of the two entries.
    const other = updateReviewLock(twice(stale, current), [lockEntry('B-1', 'b.c')]);
    assert.deepEqual(
      (JSON.parse(other.text!) as { links: ReviewLockEntry[] }).links.map((l) => `${l.id} ${l.reviewer}`),
      ['A-1 old', 'A-1 r', 'B-1 r'],
    );
    const again = updateReviewLock(other.text, [{ ...current, reviewer: 'new' }]);
    assert.equal(again.updated, 1);
    assert.deepEqual(
      (JSON.parse(again.text!) as { links: ReviewLockEntry[] }).links.map((l) => `${l.id} ${l.reviewer}`),
      ['A-1 new', 'B-1 r'],
    );
    assert.deepEqual(parseReviewLock(again.text).problems, []);
  });

  it('writeReviewLock replaces the lock atomically and readReviewLock reads it back', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-lock-'));
    try {
      assert.equal(await readReviewLock(root), undefined);
      await writeReviewLock(root, '{"version":1,"links":[]}\n');
      await writeReviewLock(root, '{"version":1,"links":[]}\n\n');
      assert.equal(await readReviewLock(root), '{"version":1,"links":[]}\n\n');
      assert.deepEqual(fs.readdirSync(root), ['spdf.lock.json']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
