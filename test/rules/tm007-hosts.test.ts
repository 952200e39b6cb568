import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FsHost } from '../../src/node/fs-host';
import { checkPath } from '../../src/node/workspace';
import { WorkspaceState } from '../../src/server/state';
import { tempWorkspace } from '../support/cli';

/** TM007 reads what the hosts really pass (git dates and the code index), through the one rule-input assembly. */
describe('TM007 stale model through the CLI and server hosts', () => {
  let root: string;
  before(function () {
    try {
      execFileSync('git', ['--version'], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    root = tempWorkspace({
      'spdf.config.yaml': 'rules:\n  TM007: info\n',
      'model/requirements.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Reject unsigned therapy commands\n',
    });
    const git = (args: string[], date?: string) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      });
    git(['init', '-q']);
    git(['add', '.']);
    git(['commit', '-qm', 'model'], '2025-01-10T00:00:00Z');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/dose.c'), '// @spdf implements SEC-REQ-001\nint dose_set_rate(int rate) { return rate; }\n');
    git(['add', '.']);
    git(['commit', '-qm', 'code'], '2025-09-01T00:00:00Z');
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  const stale = (findings: { code: string; file: string; message: string }[]) => findings.filter((f) => f.code === 'TM007').map((f) => `${f.file}: ${f.message}`);
  const expected = ['model/requirements.spdf.yaml: model file is 234 days older than the code it links (stale_days 180)'];

  it('the CLI check reports it', async () => {
    const check = await checkPath(root, { cache: false });
    assert.deepEqual(stale(check.result.findings), expected);
  });

  it('no host runs git for an untrusted workspace', async () => {
    const check = await checkPath(root, { cache: false, trusted: false });
    assert.deepEqual(stale(check.result.findings), []);
    const state = new WorkspaceState(new FsHost(root), { root, trusted: false, codeLinks: true });
    try {
      await state.loadAll();
      assert.deepEqual(stale(state.check().result.findings), []);
    } finally {
      state.dispose();
    }
  });

  it('the language server reports it', async () => {
    const state = new WorkspaceState(new FsHost(root), { root, trusted: true, codeLinks: true });
    try {
      await state.loadAll();
      assert.deepEqual(stale(state.check().result.findings), expected);
    } finally {
      state.dispose();
    }
  });
});
