// @spdf verifies SPDF-FC-JUNIT-UNMAPPED
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readTree } from '../support/read-tree';
import { lintFiles } from '../support/workspace';

/** VT005's fixture: a contradiction between the unmapped case and the recorded result is an error, anything else a warning. */
describe('VT005 junit-case-unmapped severity and message', () => {
  it('errors where the case contradicts the recorded result, warns otherwise, and names the case and the mapping', async () => {
    const files = readTree(join(__dirname, '..', 'fixtures', 'rules', 'VT005'));
    const { result } = await lintFiles(files);
    const vt = result.findings.filter((f) => f.code === 'VT005');
    const byTest = Object.fromEntries(vt.map((f) => [/test '([^']+)'/.exec(f.message)![1], f.severity]));
    assert.deepEqual(byTest, { 'TC-PASS-CLAIM': 'error', 'TC-FAIL-CLAIM': 'error', 'TC-ERROR': 'warning', 'TC-AGREES': 'warning', 'TC.DOTTED': 'error', 'TC-SKIPPED': 'warning' });
    const first = vt.find((f) => f.message.includes("'TC-PASS-CLAIM'"))!;
    assert.match(first.message, /results\/junit\.xml:3 failed/);
    assert.match(first.message, /`junit: \{classname: dose, name: TC-PASS-CLAIM\}`/);
  });
});
