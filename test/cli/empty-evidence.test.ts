// @spdf verifies SPDF-FC-EMPTY-EVIDENCE
/**
 * An evidence file of 0 bytes shows no result: the test it backs verifies nothing yet, as when the file is missing.
 * The same workspace with one byte of evidence passes, so the gate's failure comes from the empty file alone.
 */
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';

const MODEL = `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    verification: [test]
    tests: [TC-001]
    status: approved
tests:
  - id: TC-001
    title: Unsigned command is rejected
    result: pass
    evidence: reports/tc-001.md
`;

const files = (evidence: string | Uint8Array) => ({
  'spdf.config.yaml': 'version: 1\nrules: { RQ003: off }\nevidence: { requirement: { implementation: false, verification: true } }\n',
  'model.spdf.yaml': MODEL,
  'reports/tc-001.md': evidence,
});

describe('an empty evidence file is no evidence', () => {
  for (const [name, evidence, pass] of [
    ['0 bytes', '', false],
    ['white space only (a byte-order mark, blank lines)', '\ufeff\n  \r\n\t\n', false],
    ['UTF-16LE white space only (PowerShell 5 output of nothing)', Buffer.from([0xff, 0xfe, 0x0d, 0, 0x0a, 0]), false],
    ['3,000 blank lines (longer than the first read of a file)', '\n'.repeat(3000), false],
    ['UTF-16LE, 2,000 CRLFs', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\r\n'.repeat(2000), 'utf16le')]), false],
    ['one line of text', 'TC-001 passed on 2026-04-28\n', true],
    ['3,000 blank lines, then one line of text', '\n'.repeat(3000) + 'TC-001 passed\n', true],
    ['one line of UTF-16LE text', Buffer.from([0xff, 0xfe, 0x6f, 0, 0x6b, 0]), true],
  ] as const) {
    it(`evidence of ${name}: spdf check ${pass ? 'passes' : 'fails with the item PARTIAL'}, VT002 ${pass ? 'silent' : 'at the evidence'}`, async () => {
      await withTempWorkspace(files(evidence), async (root) => {
        const check = await runCli(['check', root, '--format', 'json', '--no-cache']);
        const json = JSON.parse(check.stdout) as { pass: boolean; coverage: { byStatus: Record<string, number> } };
        assert.equal(check.code, pass ? 0 : 1, check.stdout + check.stderr);
        assert.equal(json.pass, pass);
        assert.equal(json.coverage.byStatus[pass ? 'OK' : 'PARTIAL'], 1);
        const lint = await runCli(['lint', root, '--format', 'json', '--no-cache']);
        const vt002 = (JSON.parse(lint.stdout) as { findings: { code: string; line: number; message: string }[] }).findings.filter((f) => f.code === 'VT002');
        if (pass) assert.deepEqual(vt002, []);
        else {
          assert.equal(vt002.length, 1, lint.stdout);
          assert.equal(vt002[0].line, 11);
          assert.match(vt002[0].message, /evidence file 'reports\/tc-001\.md' is empty \(no text, or white space only\)/);
        }
      });
    });
  }
});
