// @spdf verifies SPDF-FC-GATE, SPDF-CMD-REVIEW
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

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
