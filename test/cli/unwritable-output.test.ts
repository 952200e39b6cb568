// @spdf verifies SPDF-CLI-001
import assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const FILES = {
  'spdf.config.yaml': 'version: 1\n',
  'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    verification: [test]\n',
  'folder/keep.txt': '',
};

/** Output paths that cannot be written: each printed an internal error with a stack trace. */
const CASES: string[][] = [
  ['trace', '-o', 'spdf.config.yaml/x.html'],
  ['trace', '--format', 'csv', '-o', 'folder'],
  ['baseline', '-o', 'spdf.config.yaml/b.json'],
  ['export', 'otm', '.', '-o', 'spdf.config.yaml/x.json'],
];

describe('an output path that cannot be written', () => {
  for (const args of CASES)
    it(`spdf ${args.join(' ')}: exit 2 naming the path, no stack trace`, async () => {
      const root = tempWorkspace(FILES);
      const r = await runCli(args, root);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^spdf: cannot \w+: E[A-Z]+: .*(spdf\.config\.yaml|folder)/m);
      assert.doesNotMatch(r.stderr, /internal error|^\s+at /m);
    });
});
