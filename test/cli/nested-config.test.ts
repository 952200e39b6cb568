// @spdf verifies SPDF-FC-NESTED-CONFIG
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * A sub-project's config raises the coverage the root's gate asks for: run from the root, the root's gate passed over
 * the sub-project's requirement the sub-project's own gate fails on. Now every command says so at the nested config's
 * 1:1 and `spdf check` fails (whatever TM014's severity); excluded, the root passes; run in the sub-project, its own
 * config applies.
 */
const ROOT = `${CONFIG}rules: {RQ002: warning}\n`;
const SUB = {
  'spdf.config.yaml': ROOT,
  'pump/spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: 100\nrules: {RQ002: error}\n',
  'pump/req.spdf.yaml': 'requirements:\n  - id: REQ-002\n    title: Limit the dose\n    text: The pump shall limit the dose.\n    verification: [test]\n',
};

describe("a sub-project's spdf.config.yaml when spdf runs from the root", () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  const withWorkspace = (files: Record<string, string>, run: (root: string) => Promise<void>) => withTempWorkspace({ ...BASE, ...files }, run);

  it("the sub-project's own gate fails", () =>
    withWorkspace(SUB, async (root) => {
      const own = await runCli(['check', join(root, 'pump'), '--no-cache', '--no-code']);
      assert.equal(own.code, 1, own.stderr);
      assert.match(own.stdout + own.stderr, /coverage below 100%/);
    }));

  it('check and trace from the root fail at pump/spdf.config.yaml:1:1 (even with TM014 off)', () =>
    withWorkspace({ ...SUB, 'spdf.config.yaml': `${CONFIG}rules: {RQ002: warning, TM014: off}\n` }, async (root) => {
      const check = await runCli(['check', root, '--no-cache', '--allow-errors']);
      assert.equal(check.code, 1, check.stderr);
      assert.match(check.stderr, /^pump\/spdf\.config\.yaml:1:1: TM014 a sub-project's config that this run does not apply: it reads files under pump\/ \(pump\/req\.spdf\.yaml among them\)/m);
      const trace = await runCli(['trace', root, '--format', 'md', '--no-cache']);
      assert.equal(trace.code, 1, trace.stderr);
      assert.match(trace.stdout, /INCOMPLETE: 1 input problem/);
    }));

  it('lint and links from the root report it', () =>
    withWorkspace(SUB, async (root) => {
      const lint = await runCli(['lint', root, '--no-cache']);
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /pump\/spdf\.config\.yaml:1:1 +error +TM014/);
      const links = await runCli(['links', root, '--no-cache']);
      assert.equal(links.code, 1);
      assert.match(links.stderr, /pump\/spdf\.config\.yaml:1:1: error TM014/);
    }));

  for (const exclude of ['pump/**', 'pump/spdf.config.yaml'])
    it(`with \`exclude: ['${exclude}']\` in the root's config, the root's gate passes`, () =>
      withWorkspace({ ...SUB, 'spdf.config.yaml': `${ROOT}exclude: ['${exclude}']\n` }, async (root) => {
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, 0, check.stderr);
      }));
});
