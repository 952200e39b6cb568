// @spdf verifies SPDF-FC-NEAR-MISS
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * A requirement written into a file the loader never reads (a model name spelt otherwise), or settings written into
 * a config it never reads: `spdf check` fails at the file's 1:1 whatever TM013's severity, `spdf trace` says
 * INCOMPLETE, `spdf links` and `spdf lint` exit 1 (at TM013's severity, as for every load problem); renamed, included or excluded, it passes.
 */
const REQ = 'requirements:\n  - id: REQ-002\n    title: Limit the dose\n    text: The pump shall limit the dose.\n    verification: [test]\n';
const NEAR: [string, string][] = [
  ['model/limits.spdf.yaml.txt', REQ],
  ['model/limits.spdf .yaml', REQ],
  ['model/Limits.SPDF.yml', REQ],
  ['spdf.config.yml', 'check:\n  min_coverage: 100\n'],
  ['.spdf.config.yaml', 'check:\n  min_coverage: 100\n'],
];

describe('files named like a model file or the config but spelt otherwise', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  const withWorkspace = (files: Record<string, string>, run: (root: string) => Promise<void>) => withTempWorkspace({ ...BASE, ...files }, run);

  it('the base workspace passes', () => withWorkspace({}, async (root) => assert.equal((await runCli(['check', root, '--no-cache'])).code, 0)));

  for (const [name, text] of NEAR)
    it(`${JSON.stringify(name)}: check and trace fail at ${name}:1:1 (even with TM013 off)`, () =>
      withWorkspace({ [name]: text, 'spdf.config.yaml': `${CONFIG}rules: {TM013: off}\n` }, async (root) => {
        const check = await runCli(['check', root, '--no-cache', '--allow-errors']);
        assert.equal(check.code, 1, check.stderr);
        assert.ok(check.stderr.includes(`${name}:1:1: TM013 named like`), check.stderr);
        const trace = await runCli(['trace', root, '--format', 'md', '--no-cache']);
        assert.equal(trace.code, 1, trace.stderr);
        assert.match(trace.stdout, /INCOMPLETE: 1 input problem/);
      }));

  it('with TM013 at its default severity, lint and links report it', () =>
    withWorkspace({ 'model/limits.spdf.yaml.txt': REQ }, async (root) => {
      const lint = await runCli(['lint', root, '--no-cache']);
      assert.equal(lint.code, 1);
      assert.match(lint.stdout, /model\/limits\.spdf\.yaml\.txt:1:1 +error +TM013/);
      const links = await runCli(['links', root, '--no-cache']);
      assert.equal(links.code, 1);
      assert.match(links.stderr, /model\/limits\.spdf\.yaml\.txt:1:1: error TM013/);
    }));

  it('excluded, the near miss passes', () =>
    withWorkspace({ 'model/limits.spdf.yaml.txt': REQ, 'spdf.config.yml': 'x: 1\n', 'spdf.config.yaml': `${CONFIG}exclude: ['**/*.txt', 'spdf.config.yml']\n` }, async (root) => {
      const check = await runCli(['check', root, '--no-cache']);
      assert.equal(check.code, 0, check.stderr);
    }));
});
