// @spdf verifies SPDF-FC-CL009-GATE, SPDF-FC-DISABLED-CODE, SPDF-FC-SKIPPED-TESTS
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * A link that counts but may claim the wrong code (a tag tree-sitter's error recovery attached to a broken function,
 * CL009), code no build compiles (a tag under `#if 0`, CL013) or a test no run runs (CL014): the gate fails on it by default, in every command,
 * and the user's explicit severity still rules.
 */
const RULES: { code: string; files: Record<string, string> }[] = [
  { code: 'CL009', files: { 'src/pump.py': 'class Pump:\n    # @spdf implements REQ-001\n    def stop(self, x:\n        pass\n' } },
  { code: 'CL013', files: { 'src/a.c': '#if 0 // replaced by f_v2\n/* @spdf implements REQ-001 */\nint f(void) { return 0; }\n#endif\n' } },
  { code: 'CL014', files: { 'tests/test_a.py': 'import pytest\n\n# @spdf verifies REQ-001\n@pytest.mark.skip\ndef test_f():\n    assert True\n' } },
];

interface Case {
  setting?: string;
  /** Exit codes of check, lint and links. */
  exits: [number, number, number];
  /** The rule's severity in lint's and links' JSON; undefined when not reported. */
  severity?: string;
}

const CASES: Case[] = [
  { exits: [1, 1, 1], severity: 'error' },
  { setting: 'error', exits: [1, 1, 1], severity: 'error' },
  { setting: 'warning', exits: [0, 0, 1], severity: 'warning' },
  { setting: 'off', exits: [0, 0, 0] },
];

for (const rule of RULES)
  describe(`${rule.code} and the gate`, () => {
    before(() => (process.env.SPDF_NO_GIT = '1'));

    for (const c of CASES)
      it(`with ${c.setting ? `${rule.code}: ${c.setting}` : 'the default severity'}: check, lint and links exit ${c.exits.join(', ')}`, () =>
        withTempWorkspace({ ...BASE, ...rule.files, 'spdf.config.yaml': `${CONFIG}${c.setting ? `rules: {${rule.code}: ${c.setting}}\n` : ''}` }, async (root) => {
          const check = await runCli(['check', '.', '--no-cache'], root);
          const lint = await runCli(['lint', '.', '-f', 'json', '--no-cache'], root);
          const links = await runCli(['links', '.', '-f', 'json', '--no-cache'], root);
          assert.deepEqual([check.code, lint.code, links.code], c.exits, `${check.stdout}${check.stderr}\n${lint.stdout}\n${links.stdout}`);
          const lintSeverity = (JSON.parse(lint.stdout).findings as { code: string; severity: string }[]).find((f) => f.code === rule.code)?.severity;
          const linksSeverity = (JSON.parse(links.stdout).problems as { code?: string; severity: string }[]).find((p) => p.code === rule.code)?.severity;
          assert.deepEqual([lintSeverity, linksSeverity], [c.severity, c.severity]);
        }));
  });
