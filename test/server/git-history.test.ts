// @spdf verifies SPDF-FC-GIT-HISTORY
/**
 * TM007 (stale model) needs file dates from git. Without a usable history (no repository, a shallow clone) `spdf check`
 * says the rule could not run (an input problem at error, a note otherwise); the editor said nothing and passed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Matrix } from '../../src/core/matrix/model';
import type { StatusSummary } from '../../src/protocol';
import { runCli, tempWorkspace } from '../support/cli';
import { GIT_TEST_ENV } from '../support/git-env';
import { messageText, startHarness, until, type Harness } from './harness';

const FILES = (severity: string) => ({
  'spdf.config.yaml': `version: 1\nrules: { TM007: ${severity}, RQ001: off, RQ002: off, RQ003: off }\n`,
  'model/requirements.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Reject unsigned therapy commands\n',
  'src/dose.c': '// @spdf implements SEC-REQ-001\nint dose_set_rate(int rate) { return rate; }\n',
});

describe('language server: TM007 without a usable git history says so, as spdf check does', function () {
  this.timeout(60000);
  const roots: string[] = [];
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_TEST_ENV, stdio: 'ignore' });
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** A repository of two commits (`full`), a shallow clone of it, or a folder outside git. */
  function workspace(kind: 'full' | 'shallow' | 'plain', severity: string): string {
    const root = tempWorkspace(FILES(severity));
    roots.push(root);
    if (kind === 'plain') return root;
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', 'model', 'spdf.config.yaml');
    git(root, 'commit', '-qm', 'model');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'code');
    if (kind === 'full') return root;
    const shallow = join(mkdtempSync(join(tmpdir(), 'spdf-shallow-')), 'clone');
    roots.push(shallow);
    git(root, 'clone', '-q', '--depth', '1', `file://${root}`, shallow);
    return shallow;
  }

  /** The TM007 history diagnostics of spdf.config.yaml (severity and message), and the first complete status. */
  async function editor(root: string): Promise<{ shown: [number | undefined, string][]; status: StatusSummary; matrix: string[] }> {
    const h: Harness = await startHarness({}, { root });
    try {
      const statuses = () => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);
      await until('the first complete status', () => statuses().some((s) => !s.indexing));
      const status = statuses().find((s) => !s.indexing)!;
      const history = (d: Diagnostic) => messageText(d).startsWith('TM007 ');
      const shown = (h.diagnostics.get(h.uri('spdf.config.yaml')) ?? []).filter(history).map((d): [number | undefined, string] => [d.severity, messageText(d)]);
      const matrix = (await h.request<Matrix>('spdf/traceMatrix', {})).problems.filter((p) => p.startsWith('TM007 '));
      return { shown, status, matrix };
    } finally {
      await h.close();
    }
  }

  for (const kind of ['shallow', 'plain'] as const)
    it(`${kind}, TM007 at error: the CLI's input problem is an error at 1:1 of spdf.config.yaml, counted, in the matrix`, async () => {
      const root = workspace(kind, 'error');
      const r = await runCli(['check', '--no-cache', '--min-coverage', '0'], root);
      assert.equal(r.code, 1, r.stdout);
      const message = /input problem: (TM007 .*)/.exec(r.stderr)?.[1];
      assert.ok(message, r.stderr);
      const { shown, status, matrix } = await editor(root);
      assert.deepEqual(shown, [[1, message]]);
      assert.ok(status.errors > 0 && (status.inputProblems ?? 0) > 0, JSON.stringify(status));
      assert.deepEqual(matrix, [message]);
    });

  it('shallow, TM007 at warning: a note (information), not an error', async () => {
    const root = workspace('shallow', 'warning');
    const { shown, status, matrix } = await editor(root);
    assert.equal(shown.length, 1);
    assert.equal(shown[0][0], 3);
    assert.match(shown[0][1], /this clone is shallow/);
    assert.equal(status.inputProblems ?? 0, 0);
    assert.deepEqual(matrix, []);
  });

  it('a full clone: nothing said', async () => {
    const { shown, matrix } = await editor(workspace('full', 'error'));
    assert.deepEqual(shown, []);
    assert.deepEqual(matrix, []);
  });
});
