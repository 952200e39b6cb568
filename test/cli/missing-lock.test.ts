// @spdf verifies SPDF-FC-LOCK
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';
import { askingGit } from '../support/git-env';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n';
const SOURCE = '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x;\n}\n';
const CHANGED = '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x + 1;\n}\n';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=qa@example.com', '-c', 'user.name=qa', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
}

/** A workspace whose link was reviewed, whose code then changed (SUSPECT), and whose lock is then removed. */
async function reviewedThenLockRemoved(config: string, commit: boolean): Promise<string> {
  const root = tempWorkspace({ 'spdf.config.yaml': config, 'm.spdf.yaml': MODEL, 'src/a.c': SOURCE });
  assert.equal((await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root)).code, 0);
  writeFileSync(join(root, 'src/a.c'), CHANGED);
  if (commit) {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'reviewed');
  }
  rmSync(join(root, 'spdf.lock.json'));
  return root;
}

describe('a review lock that is missing', () => {
  askingGit();

  // [case, config, lock committed in git, spdf links exit code, the problem printed]
  const CASES: [string, string, boolean, number, RegExp | undefined][] = [
    ['not named by the config, no git: nothing reviewed yet', 'version: 1\n', false, 0, undefined],
    ['named by the config as the default name', 'version: 1\nlock_file: spdf.lock.json\n', false, 1, /lock_file 'spdf\.lock\.json' of spdf\.config\.yaml does not exist: no review was read/],
    ['not named, but committed at HEAD and deleted from the working tree', 'version: 1\n', true, 1, /spdf\.lock\.json is committed at HEAD but missing from the working tree/],
  ];
  for (const [name, config, commit, code, message] of CASES)
    it(`${name}: spdf links exits ${code}`, async () => {
      const root = await reviewedThenLockRemoved(config, commit);
      try {
        const r = await runCli(['links', root], root);
        assert.equal(r.code, code, r.stdout + r.stderr);
        if (message) assert.match(r.stderr, message);
        else assert.doesNotMatch(r.stderr, /lock/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

  it('a git repository that never committed a lock reads as nothing reviewed yet', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/a.c': SOURCE });
    try {
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'no reviews');
      const r = await runCli(['links', root], root);
      assert.equal(r.code, 0, r.stderr);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('spdf init writes lock_file and an empty lock: links pass, and fail once the lock is deleted', async () => {
    const root = tempWorkspace({});
    try {
      assert.equal((await runCli(['init', root])).code, 0);
      writeFileSync(join(root, 'model/code.c'), '// @spdf hazard HAZ-001\nint dose(void) { return 0; }\n');
      assert.equal((await runCli(['links', root], root)).code, 0);
      rmSync(join(root, 'spdf.lock.json'));
      const r = await runCli(['links', root], root);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /lock_file 'spdf\.lock\.json' of spdf\.config\.yaml does not exist/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('spdf diff names a damaged or deleted lock of the working tree instead of reporting its SUSPECT links as resolved', async () => {
    for (const [damage, message] of [
      [(root: string) => writeFileSync(join(root, 'spdf.lock.json'), '{'), /spdf\.lock\.json is not valid JSON/],
      [(root: string) => rmSync(join(root, 'spdf.lock.json')), /spdf\.lock\.json is committed at HEAD but missing from the working tree/],
    ] as const) {
      const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/a.c': SOURCE });
      try {
        assert.equal((await runCli(['review', '--all', '--root', root, '--reviewer', 'qa'], root)).code, 0);
        writeFileSync(join(root, 'src/a.c'), CHANGED);
        git(root, 'init', '-q');
        git(root, 'add', '-A');
        git(root, 'commit', '-qm', 'suspect');
        damage(root);
        const r = await runCli(['diff', 'HEAD', '-C', root, '--format', 'json'], root);
        assert.equal(r.code, 1, r.stderr);
        const problems = (JSON.parse(r.stdout) as { problems: string[] }).problems;
        assert.ok(
          problems.some((p) => message.test(p)),
          JSON.stringify(problems),
        );
        const sarif = JSON.parse((await runCli(['diff', 'HEAD', '-C', root, '--format', 'sarif'], root)).stdout) as {
          runs: { invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[];
        };
        const run = sarif.runs[0].invocations?.[0];
        assert.equal(run?.executionSuccessful, false);
        assert.ok(run.toolExecutionNotifications.some((n) => message.test(n.message.text)));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });
});
