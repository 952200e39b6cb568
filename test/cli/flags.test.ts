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

  // Every flag or argument taking a name from a list: an unknown value is a usage error naming it, with the nearest name.
  const UNKNOWN_VALUES: [string[], string][] = [
    [['check', '--fail-on-status', 'MISING'], "unknown status in --fail-on-status 'MISING' (did you mean 'MISSING'?) (OK, PARTIAL, MISSING, SUSPECT, JUSTIFIED, ERROR)"],
    [['check', '--allow-error'], "unknown option '--allow-error' (did you mean '--allow-errors'?)"],
    [['lint', '--no-cach'], "unknown option '--no-cach' (did you mean '--no-cache'?)"],
    [['rules', '--format', 'jsn'], "unknown --format 'jsn' (did you mean 'json'?) (human, json)"],
    [['trace', '--view', 'threat'], "unknown --view 'threat' (did you mean 'threats'?) (requirements, threats, hazards, controls, zones, fda, iec62443, sbom)"],
    [['import', 'reqiff', 'x', '-o', 'out'], "unknown import format 'reqiff' (did you mean 'reqif'?) (csv, oft-spec, reqif, strictdoc, trlc, xlsx, otm, threagile, threat-dragon, induform)"],
    [['import', 'reqif', 'x', '-o', 'out', '--oft-ids', 'nam'], "unknown --oft-ids 'nam' (did you mean 'name'?) (name, full)"],
    [['explain', 'dangling-refrence'], "unknown rule 'dangling-refrence' (did you mean 'dangling-reference'?); `spdf rules` lists them"],
    [['lnks'], "unknown command 'lnks' (did you mean 'links'?)"],
  ];
  for (const [args, message] of UNKNOWN_VALUES)
    it(`spdf ${args.join(' ')}: exit 2 naming the value and the nearest name`, async () => {
      const r = await runCli(args, root);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.split('\n')[0].replace(/^spdf: /, ''), message);
    });

  it('turns flag values into CheckPathOptions', () => {
    assert.deepEqual(checkPathOptions({}), { trusted: true, cache: true });
    assert.deepEqual(checkPathOptions({ untrusted: true, 'no-cache': true, 'no-code': true, 'cache-location': 'c' }), { trusted: false, cache: false, code: false, cacheLocation: resolve('c') });
  });
});
