// @spdf verifies SPDF-CLI-001, SPDF-CMD-RULES
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPathOptions } from '../../src/cli/workspace-flags';
import { runCli, tempWorkspace } from '../support/cli';

const COMMANDS = ['lint', 'rules', 'explain', 'init', 'links', 'review', 'trace', 'check'];
const WORKSPACE_COMMANDS: Record<string, string[]> = {
  lint: [],
  links: [],
  review: ['--all', '--dry-run'],
  trace: ['--format', 'json'],
  check: [],
};
const CODE_COMMANDS = ['lint', 'trace', 'check'];

describe('uniform CLI flags', function () {
  this.timeout(60000);
  let root: string;
  before(() => {
    process.env.SPDF_NO_GIT = '1';
    root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const cmd of COMMANDS)
    it(`${cmd} --help and -h print its usage and exit 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await runCli([cmd, flag]);
        assert.equal(r.code, 0, `${cmd} ${flag}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^usage: spdf ${cmd}\\b`), r.stdout);
      }
    });

  for (const [cmd, extra] of Object.entries(WORKSPACE_COMMANDS))
    it(`${cmd} accepts the workspace flags${CODE_COMMANDS.includes(cmd) ? ' and --no-code' : ''}`, async () => {
      const flags = ['--no-cache', '--untrusted', '--cache-location', resolve(root, '..', 'spdf-flags-cache'), ...(CODE_COMMANDS.includes(cmd) ? ['--no-code'] : [])];
      const where = cmd === 'review' ? ['--root', root] : [root];
      const r = await runCli([cmd, ...where, ...extra, ...flags], root);
      assert.notEqual(r.code, 2, `${cmd}: ${r.stderr}`);
    });

  it('a command that takes one folder refuses a second one instead of ignoring it', async () => {
    for (const cmd of ['links', 'trace', 'check', 'init', 'explain']) {
      const r = await runCli([cmd, root, root]);
      assert.equal(r.code, 2, cmd);
      assert.match(r.stderr, /takes at most 1 /, cmd);
    }
    assert.equal((await runCli(['rules', 'extra'])).code, 2);
  });

  it('every --format is validated the same way', async () => {
    for (const cmd of ['lint', 'rules', 'links', 'trace']) {
      const r = await runCli([cmd, ...(cmd === 'rules' ? [] : [root]), '--format', 'pdf']);
      assert.equal(r.code, 2, cmd);
      assert.match(r.stderr, /^spdf: unknown --format 'pdf' \((human|html)/, cmd);
    }
  });

  it('turns flag values into CheckPathOptions', () => {
    assert.deepEqual(checkPathOptions({}), { trusted: true, cache: true });
    assert.deepEqual(checkPathOptions({ untrusted: true, 'no-cache': true, 'no-code': true, 'cache-location': 'c' }), { trusted: false, cache: false, code: false, cacheLocation: resolve('c') });
  });
});
