// @spdf verifies SPDF-BASE-003
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEVER_BASELINED } from '../../src/core/baseline/format';
import { runCli, withTempWorkspace } from '../support/cli';

const MODEL = `requirements:
  - id: SEC-REQ-001
    title: Authenticate commands
    text: The pump shall authenticate every therapy command.
    verification: [test]
    status: approved
`;

/**
 * Findings that mean an input was not read, applied or understood: `spdf baseline` refuses them and a lint with the
 * baseline it wrote still reports them. A baselined unreadable SBOM made `spdf lint --baseline` print "no problems".
 */
const CASES: { code: string; files: Record<string, string>; at: RegExp }[] = [
  {
    code: 'SB007',
    files: { 'model.spdf.yaml': `system:\n  id: SYS-1\n  name: Pump\n  sbom: sbom/pump.cdx.json\n${MODEL}` },
    at: /model\.spdf\.yaml:4:9 +error +SB007 /,
  },
  {
    code: 'TM014',
    files: { 'model.spdf.yaml': MODEL, 'sub/spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: 100\n', 'sub/more.spdf.yaml': 'hazards: []\n' },
    at: /sub\/spdf\.config\.yaml:1:1 +error +TM014 /,
  },
  {
    code: 'CL012',
    files: { 'model.spdf.yaml': MODEL, 'src/pump.py': '# @spfd implements SEC-REQ-001\ndef authenticate():\n    pass\n' },
    at: /src\/pump\.py:1:3 +warning +CL012 /,
  },
];

describe('baseline: findings that mean an input was not read are never baselined', () => {
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });

  for (const c of CASES)
    it(`${c.code}: spdf baseline refuses it (exit 1) and spdf lint with that baseline still reports it`, async () => {
      await withTempWorkspace({ 'spdf.config.yaml': 'version: 1\n', ...c.files }, async (dir) => {
        const before = await runCli(['lint', dir, '--no-cache']);
        assert.match(before.stdout, c.at, 'the workspace has the finding');
        const r = await runCli(['baseline', dir, '--no-cache']);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stderr, new RegExp(`not baselined: (?:it means|they mean) an input was not read or understood[^]*  ${c.code}  `));
        assert.doesNotMatch(readFileSync(join(dir, 'spdf.baseline.json'), 'utf8'), new RegExp(`"code":"${c.code}"`));
        const lint = await runCli(['lint', dir, '--no-cache', '--baseline', join(dir, 'spdf.baseline.json')]);
        assert.match(lint.stdout, c.at);
      });
    });

  it('the usage of spdf baseline names every code never baselined', async () => {
    const r = await runCli(['baseline', '--help']);
    for (const code of NEVER_BASELINED) assert.match(r.stdout, new RegExp(`\\b${code}\\b`));
  });
});
