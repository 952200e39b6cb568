// @spdf verifies SPDF-CLI-001
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli, tempWorkspace } from '../support/cli';

/** One requirement, implemented in code but verified by nothing: PARTIAL, so `--fail-on-status PARTIAL` must fail. */
const FILES = {
  'spdf.config.yaml': 'version: 1\n',
  'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: Stop\n    text: The pump shall stop.\n    verification: [inspection]\n',
  'src/stop.c': '// @spdf implements REQ-1\nint stop(void) { return 0; }\n',
};
const PASSING = ['check', '--no-cache', '--allow-errors', '--min-coverage', '0'];

/** Spellings of the gate's flags that passed the PARTIAL item: each is now a usage error (exit 2) naming the flag. */
const REFUSED: [string, string[], RegExp][] = [
  ['a status flag given twice (the first was dropped)', ['--fail-on-status', 'PARTIAL', '--fail-on-status', 'SUSPECT'], /--fail-on-status is given twice \('PARTIAL', 'SUSPECT'\)/],
  ['the coverage given twice (the last, lower one won)', ['--min-coverage', '100', '--min-coverage', '0'], /--min-coverage is given twice/],
  ['a status list that names nothing', ['--fail-on-status', ','], /--fail-on-status names no status/],
  ['an empty status list', ['--fail-on-status', ''], /--fail-on-status names no status/],
  ['an empty test results glob', ['--test-results', ''], /--test-results takes a glob of JUnit XML files; got an empty one/],
  ['a blank test results glob beside another', ['--test-results', 'a/*.xml', '--test-results', ' '], /--test-results takes a glob/],
];

describe('spellings of the gate flags fail closed', function () {
  this.timeout(60_000);
  let root: string;
  before(() => (root = tempWorkspace(FILES)));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the workspace passes without the flags, and fails with --fail-on-status PARTIAL', async () => {
    assert.equal((await runCli(PASSING, root)).code, 0);
    assert.equal((await runCli([...PASSING, '--fail-on-status', 'PARTIAL'], root)).code, 1);
  });

  for (const [name, flags, message] of REFUSED)
    it(`${name}: exit 2`, async () => {
      const r = await runCli([...PASSING, ...flags], root);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stdout, /PASS/);
    });

  // The flag is a percentage: `0.95` (95 % written as a fraction) set the bar at 0.95 % and passed 1 % coverage.
  for (const value of ['0.95', '0.5%', '.9'])
    it(`--min-coverage ${value} (a fraction, not a percentage): exit 2`, async () => {
      const r = await runCli(['check', '--no-cache', '--allow-errors', '--min-coverage', value], root);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /--min-coverage takes a percentage 0\.\.100/);
    });

  it('spdf trace with an empty test results glob: exit 2 naming the flag', async () => {
    const r = await runCli(['trace', '--no-cache', '--format', 'md', '--test-results', ''], root);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /--test-results takes a glob of JUnit XML files; got an empty one/);
  });

  it('a flag that takes several values may still be repeated', async () => {
    const r = await runCli([...PASSING, '--test-results', 'a/*.xml', '--test-results', 'b/*.xml'], root);
    assert.notEqual(r.code, 2, r.stderr);
  });
});
