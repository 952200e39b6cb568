// @spdf verifies SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: REQ-1\n    title: Stop\n    text: The pump shall stop.\n    verification: [inspection]\n';

/** `spdf lint` over nothing printed "no problems" and exited 0: a pass over no file. Each case is now exit 2. */
const NOTHING: [string, (root: string) => string[], RegExp][] = [
  ['an empty folder of a workspace', (root) => (mkdirSync(join(root, 'empty')), ['lint', '--no-cache', 'empty']), /nothing to lint under empty/],
  [
    'a folder holding only node_modules',
    (root) => (
      mkdirSync(join(root, 'vendor/node_modules/x'), { recursive: true }),
      writeFileSync(join(root, 'vendor/node_modules/x/a.js'), '// @spdf implements REQ-9\n'),
      ['lint', '--no-cache', 'vendor']
    ),
    /nothing to lint under vendor/,
  ],
];

describe('spdf lint over nothing is not a pass', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = tempWorkspace({ 'spdf.config.yaml': 'version: 1\n', 'm.spdf.yaml': MODEL })));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a folder with a model file is linted as before: its findings, no usage error', async () => {
    const r = await runCli(['lint', '--no-cache', '.'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /m\.spdf\.yaml:2:9 +error +RQ002/);
  });

  for (const [name, setUp, message] of NOTHING)
    it(`${name}: exit 2`, async () => {
      const r = await runCli(setUp(root), root);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stdout, /no problems/);
    });

  it('a folder without config or any file: exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'spdf-test-'));
    try {
      const r = await runCli(['lint', '--no-cache'], empty);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /nothing to lint: the workspace .* lists no file/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
