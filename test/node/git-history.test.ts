// @spdf verifies SPDF-FC-GIT-HISTORY
/**
 * TM007 (stale model) compares git dates. A shallow clone (the CI default) dates every file to the one commit fetched
 * and a folder outside git has no dates: the rule then found nothing and a run with TM007 at error passed unchecked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPath } from '../../src/node/workspace';
import { runCli, tempWorkspace } from '../support/cli';
import { GIT_TEST_ENV } from '../support/git-env';

const FILES = (severity: string) => ({
  'spdf.config.yaml': `version: 1\nrules: { TM007: ${severity}, RQ001: off, RQ002: off, RQ003: off }\n`,
  'model/requirements.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Reject unsigned therapy commands\n',
  'src/dose.c': '// @spdf implements SEC-REQ-001\nint dose_set_rate(int rate) { return rate; }\n',
});

describe('TM007 without a usable git history', () => {
  const roots: string[] = [];
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_TEST_ENV, stdio: 'ignore' });
  /** A repository of two commits, and a shallow clone of it (depth 1). */
  function repos(severity: string): { full: string; shallow: string; plain: string } {
    const full = tempWorkspace(FILES(severity));
    git(full, 'init', '-q', '-b', 'main');
    git(full, 'add', 'model', 'spdf.config.yaml');
    git(full, 'commit', '-qm', 'model');
    git(full, 'add', '-A');
    git(full, 'commit', '-qm', 'code');
    const shallow = join(mkdtempSync(join(tmpdir(), 'spdf-shallow-')), 'clone');
    git(full, 'clone', '-q', '--depth', '1', `file://${full}`, shallow);
    const plain = tempWorkspace(FILES(severity));
    roots.push(full, shallow, plain);
    return { full, shallow, plain };
  }
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  const history = (problems: readonly string[]) => problems.filter((p) => p.startsWith('TM007 ')).map((p) => (/shallow/.test(p) ? 'shallow' : /not in a git repository/.test(p) ? 'no repository' : p));

  it('TM007 at error: a shallow clone and a folder outside git are input problems that fail spdf check; a full clone is not', async () => {
    const { full, shallow, plain } = repos('error');
    assert.deepEqual(history((await checkPath(full, { cache: false })).problems), []);
    assert.deepEqual(history((await checkPath(shallow, { cache: false })).problems), ['shallow']);
    assert.deepEqual(history((await checkPath(plain, { cache: false })).problems), ['no repository']);
    const r = await runCli(['check', '--no-cache', '--min-coverage', '0'], shallow);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /input problem: TM007 \(stale model\) needs file dates from git, and this clone is shallow/);
    assert.equal((await runCli(['check', '--no-cache', '--min-coverage', '0'], full)).code, 0);
  });

  it('TM007 at info: a note, not a failure', async () => {
    const { shallow } = repos('info');
    const check = await checkPath(shallow, { cache: false });
    assert.deepEqual(history(check.problems), []);
    assert.deepEqual(history(check.notes.map((n) => n.reason)), ['shallow']);
  });
});
