// @spdf verifies SPDF-FC-NEAR-MISS
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli, tempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';
import { commitIgnored, MORE, WHY } from '../support/tracked-ignored';
import { askingGit } from '../support/git-env';

describe('a model file git tracks that .gitignore hides from the walk', () => {
  askingGit();

  async function run(config: string, args: string[]) {
    const root = tempWorkspace({ ...BASE, 'spdf.config.yaml': config, '.gitignore': 'gen/\n', 'gen/more.spdf.yaml': MORE });
    try {
      commitIgnored(root);
      return await runCli([...args.map((a) => (a === 'ROOT' ? root : a)), '--no-cache'], root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('fails spdf check, naming it', async () => {
    const r = await run(CONFIG, ['check', 'ROOT']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, WHY);
  });

  it('makes spdf trace INCOMPLETE and spdf links exit 1', async () => {
    const trace = await run(CONFIG, ['trace', 'ROOT', '--format', 'md']);
    assert.equal(trace.code, 1, trace.stderr);
    assert.match(trace.stdout, /INCOMPLETE: 1 input problem/);
    assert.equal((await run(CONFIG, ['links', 'ROOT'])).code, 1);
  });

  it('passes when the config excludes it, and untrusted (no git is run)', async () => {
    assert.equal((await run(`${CONFIG}exclude: ['gen/**']\n`, ['check', 'ROOT'])).code, 0);
    assert.equal((await run(CONFIG, ['check', 'ROOT', '--untrusted'])).code, 0);
  });
});
