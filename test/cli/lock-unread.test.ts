// @spdf verifies SPDF-FC-GATE, SPDF-CMD-REVIEW
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace, withTempWorkspace } from '../support/cli';

const FILES = {
  'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
  'src/a.c': '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x;\n}\n',
};
const PASSING = ['--min-coverage', '0', '--allow-errors'];

/** Lock texts that hold no readable review: each once passed the gate as if the workspace had no lock. */
const UNREAD: [string, string, RegExp][] = [
  ['empty', '', /spdf\.lock\.json is empty: no review was read/],
  ['blank lines and a BOM', '\uFEFF\n  \n', /spdf\.lock\.json is empty: no review was read/],
  ['cut short', '{"version": 1, "links": [', /spdf\.lock\.json is not valid JSON/],
];

describe('a review lock that holds no readable review', () => {
  it('the workspace passes without a lock (the cases below differ only in it)', async () => {
    const root = tempWorkspace(FILES);
    assert.equal((await runCli(['check', root, ...PASSING], root)).code, 0);
  });

  for (const [name, text, message] of UNREAD)
    it(`${name}: spdf check fails naming it`, async () => {
      const root = tempWorkspace({ ...FILES, 'spdf.lock.json': text });
      const r = await runCli(['check', root, ...PASSING], root);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, message);
    });

  it('a lock_file the config names and that does not exist fails spdf check until spdf review writes it', async () => {
    const root = tempWorkspace({ ...FILES, 'spdf.config.yaml': 'version: 1\nlock_file: evidence/reveiw.lock.json\n' });
    const r = await runCli(['check', root, ...PASSING], root);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^input problem: lock_file 'evidence\/reveiw\.lock\.json' of spdf\.config\.yaml does not exist: no review was read/m);
    assert.equal((await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root)).code, 0);
    assert.equal((await runCli(['check', root, ...PASSING], root)).code, 0);
  });

  it('a damaged lock that lock_file names is named as such, not as spdf.lock.json', async () => {
    const root = tempWorkspace({ ...FILES, 'spdf.config.yaml': 'version: 1\nlock_file: evidence/review.lock.json\n', 'evidence/review.lock.json': '{"version": 1, "links": [42]}\n' });
    const r = await runCli(['check', root, ...PASSING], root);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^input problem: evidence\/review\.lock\.json: entry 1 is malformed and was ignored$/m);
    assert.doesNotMatch(r.stderr, /spdf\.lock\.json/);
  });

  it('spdf review writes a new lock over an empty one', async () => {
    const root = tempWorkspace({ ...FILES, 'spdf.lock.json': '' });
    const r = await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root);
    assert.equal(r.code, 0, r.stderr);
    const lock = JSON.parse(readFileSync(join(root, 'spdf.lock.json'), 'utf8')) as { links: { id: string }[] };
    assert.deepEqual(
      lock.links.map((l) => l.id),
      ['SEC-REQ-001'],
    );
  });
});

/** 1-based `line:column` of the `nth` (1-based) occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, nth: number): string {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} ${nth} times in ${text}`);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

type Entry = Record<string, unknown>;
const lockOf = (...links: Entry[]) => `${JSON.stringify({ version: 1, links }, null, 2)}\n`;
/** An entry's text with `name` written a second time after it, holding `value` (a git merge can leave that). */
const withSecond = (text: string, name: string, first: string, value: string) => text.replace(`"${name}": "${first}"`, `"${name}": "${first}",\n      "${name}": "${value}"`);

/**
 * Lock texts that read two ways (a git merge of two branches' reviews): a link reviewed twice, a name written twice
 * in one object. `current` is the entry `spdf review` wrote for the link as it is; `stale` has an older code hash.
 * Each once passed `spdf check` (JSON.parse and the index keep the last), so a stale review could hide behind a
 * current one. The lock must be an input problem at the position, and the link never better than any entry says.
 */
const TWICE: { name: string; lock: (current: Entry, stale: Entry) => string; at: (text: string) => string; message: RegExp; status: string }[] = [
  {
    name: 'the link reviewed twice, the stale entry first',
    lock: (current, stale) => lockOf(stale, current),
    at: (text) => positionOf(text, '{', 3),
    message: /entry 2 reviews the same link as entry 1 \(implements SEC-REQ-001 on verify in src\/a\.c\)/,
    status: 'suspect',
  },
  {
    name: 'the link reviewed twice, the current entry first',
    lock: (current, stale) => lockOf(current, stale),
    at: (text) => positionOf(text, '{', 3),
    message: /entry 2 reviews the same link as entry 1/,
    status: 'suspect',
  },
  {
    name: 'the link reviewed twice alike',
    lock: (current) => lockOf(current, { ...current }),
    at: (text) => positionOf(text, '{', 3),
    message: /entry 2 reviews the same link as entry 1/,
    status: 'reviewed',
  },
  {
    name: '"links" written twice',
    lock: (current, stale) => lockOf(stale).replace(/\n\}\n$/, `,\n  "links": ${JSON.stringify([current])}\n}\n`),
    at: (text) => positionOf(text, '"links"', 2),
    message: /the name "links" is written twice in one object/,
    status: 'unreviewed',
  },
  {
    name: '"codeHash" written twice in an entry',
    lock: (current, stale) => withSecond(lockOf(stale), 'codeHash', stale.codeHash as string, current.codeHash as string),
    at: (text) => positionOf(text, '"codeHash"', 2),
    message: /the name "codeHash" is written twice in one object/,
    status: 'unreviewed',
  },
  {
    name: 'a name written twice, once with an escape',
    lock: (current, stale) => withSecond(lockOf(stale), 'codeHash', stale.codeHash as string, current.codeHash as string).replace(/("codeHash": "[0-9a-f]+",\n\s*)"codeHash"/, '$1"c\\u006fdeHash"'),
    at: (text) => positionOf(text, '"c\\u006fdeHash"', 1),
    message: /the name "c\\u006fdeHash" is written twice in one object/,
    status: 'unreviewed',
  },
];

describe('a review lock that reads two ways (a link reviewed twice, a name written twice)', () => {
  for (const c of TWICE)
    it(`${c.name}: spdf check fails at its position, and the link is ${c.status}`, () =>
      withTempWorkspace(FILES, async (root) => {
        assert.equal((await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root)).code, 0);
        const current = (JSON.parse(readFileSync(join(root, 'spdf.lock.json'), 'utf8')) as { links: Entry[] }).links[0];
        const text = c.lock(current, { ...current, codeHash: '0123456789abcdef', date: '2026-01-01' });
        writeFileSync(join(root, 'spdf.lock.json'), text);
        const r = await runCli(['check', root, ...PASSING], root);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        const problem = r.stderr.split('\n').find((l) => l.startsWith('input problem: spdf.lock.json:'));
        assert.ok(problem, r.stderr);
        assert.equal(problem.split(':').slice(2, 4).join(':'), c.at(text), problem);
        assert.match(problem, c.message);
        const links = await runCli(['links', root, '--format', 'json'], root);
        assert.equal(links.code, 1, links.stdout);
        assert.deepEqual(
          (JSON.parse(links.stdout) as { links: { status: string }[] }).links.map((l) => l.status),
          [c.status],
        );
      }));
});
