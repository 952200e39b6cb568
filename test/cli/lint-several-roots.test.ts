// @spdf verifies SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

/**
 * `spdf lint a b` where `b` belongs to another project (its own spdf.config.yaml, or another root) must not lint `b`
 * under `a`'s config: the rules, severities and model of `b`'s project would not apply, and a gate could pass where
 * `b`'s own config fails it. Paths of different config roots are refused, naming both roots.
 */
const BROKEN = 'requirements:\n  - id: REQ-001\n    title: [unclosed\n';
const PROJECT = {
  'spdf.config.yaml': "profile: recommended\nexclude: ['sub/**']\n",
  'model/ok.spdf.yaml': 'requirements: []\n',
  'other/ok.spdf.yaml': 'requirements: []\n',
  'sub/spdf.config.yaml': 'profile: recommended\n',
  'sub/model/broken.spdf.yaml': BROKEN,
  'sub/src/a.c': '// @spdf implemnts REQ-001\nint a(void) { return 1; }\n',
};

describe('spdf lint with paths of several config roots', () => {
  const cases: { name: string; paths: string[] }[] = [
    { name: 'the root, then a sub-project with its own config', paths: ['.', 'sub'] },
    { name: 'a folder of the root, then a file of a sub-project', paths: ['model', 'sub/model/broken.spdf.yaml'] },
    { name: 'the root, then a source file of a sub-project (no TM012 for it)', paths: ['.', 'sub/src/a.c'] },
    { name: 'a sub-project, then the root', paths: ['sub', '.'] },
  ];
  for (const c of cases)
    it(`${c.name}: refused (exit 2), naming both roots`, async () => {
      const root = tempWorkspace(PROJECT);
      for (const format of ['human', 'json', 'sarif', 'code-quality']) {
        const r = await runCli(['lint', ...c.paths, '-f', format], root);
        assert.equal(r.code, 2, `${format}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, /belong to different workspaces/);
        assert.ok(r.stderr.includes(`${join(root, 'sub')} (`), r.stderr);
        assert.ok(r.stderr.includes(`${root} (`), r.stderr);
        assert.equal(r.stdout, '');
      }
    });

  it('paths of one root are linted together as before', async () => {
    const root = tempWorkspace(PROJECT);
    const r = await runCli(['lint', 'model', 'other'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /no problems/);
  });
});
