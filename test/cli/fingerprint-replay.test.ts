// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_FORMATS } from '../../src/cli/commands/trace';
import { derivedWorkspace, loadCommandModules, runBinary } from '../support/derived-replay';

/** The body of set_rate (GEN-REQ-1 in src/pump.py) edited on one line: its fingerprint changes, nothing else of its index. */
const editBody = (root: string) => {
  const file = join(root, 'src/pump.py');
  writeFileSync(file, readFileSync(file, 'utf8').replace('limit = 100', 'limit = 100 + 1'));
};
const review = async (root: string, ...ids: string[]) => assert.equal((await runBinary(['review', ...ids, '--reviewer', 'r'], root)).out.split('\n')[0], 'exit 0');

/**
 * Every format of the commands replayed over a changed source file whose answer is stored: not xlsx (it needs -o, a
 * write) nor reqif (its header holds the time it was made: the clock is read).
 */
const COMMANDS = [
  ...['human', 'json'].map((f) => ['check', '--format', f, '--fail-on-status', 'MISSING']),
  ...['human', 'json'].map((f) => ['links', '--format', f]),
  ...TRACE_FORMATS.filter((f) => f !== 'xlsx' && f !== 'reqif').map((f) => ['trace', '--format', f]),
];

/**
 * Review locks around the edit. `before` runs before the answers are stored, `after` between storing and the edit.
 * A stored answer is fingerprint-free in a file when the lock it read names no link of that file.
 */
const LOCKS: { lock: string; before?: (root: string) => Promise<void> | void; after?: (root: string) => Promise<void>; replays: boolean; suspect: boolean }[] = [
  { lock: 'no review lock', replays: true, suspect: false },
  { lock: 'an empty review lock', before: (r) => writeFileSync(join(r, 'spdf.lock.json'), '{\n  "version": 1,\n  "links": []\n}\n'), replays: true, suspect: false },
  { lock: 'a lock that reviews a link of another file only', before: (r) => review(r, 'GEN-REQ-3'), replays: true, suspect: false },
  { lock: 'a lock that reviews another link of the edited file', before: (r) => review(r, 'GEN-REQ-2'), replays: false, suspect: false },
  { lock: 'a lock that reviews the edited link', before: (r) => review(r, 'GEN-REQ-1'), replays: false, suspect: true },
  { lock: 'the edited link reviewed after the answers were stored', after: (r) => review(r, 'GEN-REQ-1'), replays: false, suspect: true },
  // The lock's bytes change, the folder's listing does not: the lock's read is an input of its own.
  { lock: 'a lock of another file only, the edited link added to it after', before: (r) => review(r, 'GEN-REQ-3'), after: (r) => review(r, 'GEN-REQ-1'), replays: false, suspect: true },
  { lock: 'a lock of the edited link, removed after', before: (r) => review(r, 'GEN-REQ-1'), after: async (r) => rmSync(join(r, 'spdf.lock.json')), replays: false, suspect: false },
];

describe('a linked function body edited: replayed only when the stored answer read none of its fingerprints', () => {
  before(async function () {
    this.timeout(60_000);
    await loadCommandModules(COMMANDS);
  });

  for (const l of LOCKS) {
    it(`${l.lock}: ${l.replays ? 'replayed' : 'a miss'} in every format, with the answer of an uncached run`, async function () {
      this.timeout(120_000);
      const root = derivedWorkspace();
      await l.before?.(root);
      const cache = ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-fp-'))];
      const before: string[] = [];
      for (const args of COMMANDS) {
        const first = await runBinary([...args, ...cache], root);
        assert.ok(first.stats.hit === false && first.stats.notStored === undefined, `spdf ${args.join(' ')}: the first run was stored (${first.stats.notStored})`);
        before.push(first.out);
      }
      await l.after?.(root);
      editBody(root);
      for (const [i, args] of COMMANDS.entries()) {
        const after = await runBinary([...args, ...cache], root);
        const uncached = await runBinary([...args, '--no-cache'], root);
        assert.equal(after.out, uncached.out, `spdf ${args.join(' ')}: the answer is the uncached answer of the edited workspace`);
        if (l.replays) {
          assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `spdf ${args.join(' ')}: replayed`);
          assert.equal(after.out, before[i], `spdf ${args.join(' ')}: the same answer as before`);
        } else assert.equal(after.stats.hit, false, `spdf ${args.join(' ')}: a miss`);
        if (args[0] === 'links' && args[2] === 'json') {
          const statuses = (JSON.parse(uncached.out.split('\n1 ').slice(1).join('\n')) as { links: { id: string; file: string; status: string }[] }).links
            .filter((k) => k.id === 'GEN-REQ-1' && k.file === 'src/pump.py')
            .map((k) => k.status);
          assert.deepEqual(statuses, [l.suspect ? 'suspect' : 'unreviewed'], 'the edited link as the uncached run sees it');
        }
      }
    });
  }

  it('edit after edit of the same body, each is replayed (the digests proven once are kept)', async function () {
    this.timeout(60_000);
    const root = derivedWorkspace();
    const args = [...COMMANDS[1], '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-fp-'))];
    const first = await runBinary(args, root);
    const file = join(root, 'src/pump.py');
    const text = readFileSync(file, 'utf8');
    for (let n = 1; n <= 3; n++) {
      writeFileSync(file, text.replace('limit = 100', `limit = 100 + ${n}`));
      const after = await runBinary(args, root);
      assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `edit ${n}`);
      assert.equal(after.out, first.out);
    }
    writeFileSync(file, text.replace('limit = 100', 'limit = 100\n    limit += 1'));
    const moved = await runBinary(args, root);
    // check's answer prints no position of src/pump.py: a line inserted moves positions only (position-replay.test.ts).
    assert.deepEqual(moved.stats, { hit: true, rederived: 1 }, 'then a line inserted: replayed too');
    assert.equal(moved.out, (await runBinary([...COMMANDS[1], '--no-cache'], root)).out);
  });
});

/**
 * The audit behind "fingerprint-free": where a code fingerprint (`codeHash`) is named outside the editor. A stored
 * answer counts as reading none of a file's fingerprints when the review lock names no link of the file, which holds
 * only while every reader reachable from check, links and trace compares a fingerprint with the lock's entry of the
 * same link alone. A new file here must keep that (or make the recorder say otherwise) before it is added.
 */
const FINGERPRINT_READERS: Record<string, string> = {
  'src/core/codelinks/model.ts': 'the types',
  'src/core/codelinks/fingerprint.ts': 'computes them',
  'src/core/codelinks/link-recorder.ts': 'writes them into the index',
  'src/core/codelinks/review-lock.ts': "the lock's own entries (parse, render)",
  'src/core/codelinks/review-status.ts': "reviewStatusOf: the one comparison, with the lock's entry of the same link",
  'src/core/matrix/links.ts': 'hands them to reviewStatusOf (the matrix, the gate)',
  'src/core/rules/cl/cl006-suspect-link.ts': 'an example lock in its metadata; compares through reviewStatusOf',
  'src/core/diff/compute.ts': 'spdf diff (not cached)',
  'src/node/codeindex/compact-index.ts': 'the code-index cache format',
  'src/node/review.ts': 'spdf review (writes the lock: not cached)',
  'src/node/result-cache-derived.ts': 'projectedDigest leaves them out',
};

describe('code fingerprints are read only where the audit says', () => {
  it('every source file outside the editor that names codeHash is an audited one', () => {
    const src = join(__dirname, '..', '..', 'src');
    const naming = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('server/') && !f.startsWith('extension/'))
      .filter((f) => readFileSync(join(src, f), 'utf8').includes('codeHash'))
      .map((f) => `src/${f}`)
      .sort();
    assert.deepEqual(naming, Object.keys(FINGERPRINT_READERS).sort());
  });
});
