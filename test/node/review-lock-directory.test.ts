// @spdf verifies SPDF-CMD-REVIEW
import assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const FILES = {
  'spdf.config.yaml': 'profile: recommended\n',
  'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
  'src/a.c': '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x;\n}\n',
  'spdf.lock.json/placeholder': '',
};
const MESSAGE = /spdf\.lock\.json is a directory, not the review lock file/;

describe('a review lock that is a directory', () => {
  for (const args of [['lint'], ['links'], ['trace', '--format', 'md'], ['check']])
    it(`spdf ${args[0]} names it and still works`, async () => {
      const root = tempWorkspace(FILES);
      const r = await runCli([...args, root], root);
      assert.match(r.stderr, MESSAGE);
      assert.doesNotMatch(r.stderr, /internal error|at async/);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
    });

  it('spdf review refuses to record and says why', async () => {
    const root = tempWorkspace(FILES);
    const r = await runCli(['review', '--all', '--root', root], root);
    assert.match(`${r.stdout}\n${r.stderr}`, MESSAGE);
    assert.notEqual(r.code, 0);
  });
});
