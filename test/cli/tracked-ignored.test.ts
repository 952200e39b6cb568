// @spdf verifies SPDF-FC-NEAR-MISS
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { runCli, tempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';
import { messageText, startHarness, until } from '../server/harness';

const MORE = 'requirements:\n  - id: REQ-002\n    title: Limit the dose\n    text: The pump shall limit the dose.\n    verification: [test]\n';
const WHY = /gen\/more\.spdf\.yaml: tracked by git but matched by a \.gitignore file, so it was not read/;

/** A model file committed to git inside a folder .gitignore ignores: the walk never lists it, every reviewer reads it. */
function commitIgnored(root: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=qa@example.com', '-c', 'user.name=qa', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('add', '-f', 'gen/more.spdf.yaml');
  git('commit', '-qm', 'model');
}

describe('a model file git tracks that .gitignore hides from the walk', () => {
  let noGit: string | undefined;
  before(() => {
    noGit = process.env.SPDF_NO_GIT;
    delete process.env.SPDF_NO_GIT;
  });
  after(() => {
    if (noGit !== undefined) process.env.SPDF_NO_GIT = noGit;
  });

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

  it('is an error on spdf.config.yaml in the editor', async function () {
    this.timeout(30000);
    const h = await startHarness({ ...BASE, '.gitignore': 'gen/\n', 'gen/more.spdf.yaml': MORE }, { prepare: commitIgnored });
    try {
      const config = h.uri('spdf.config.yaml');
      await until('the problem on spdf.config.yaml', () => (h.diagnostics.get(config) ?? []).some((d) => d.severity === 1 && WHY.test(messageText(d))));
    } finally {
      await h.close();
    }
  });
});
