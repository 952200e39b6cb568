// @spdf verifies SPDF-FC-JUNIT-UNMAPPED
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readTree } from '../support/read-tree';
import { lintFiles } from '../support/workspace';

const fixture = () => readTree(join(__dirname, '..', 'fixtures', 'rules', 'VT005'));

/** VT005's severity per test of its fixture, under extra `rules:` settings of the config. */
async function severities(rules = ''): Promise<Record<string, string>> {
  const files = fixture();
  const config = `${files['spdf.config.yaml']}${rules ? `rules: {${rules}}\n` : ''}`;
  const { result } = await lintFiles({ ...files, 'spdf.config.yaml': config });
  return Object.fromEntries(result.findings.filter((f) => f.code === 'VT005').map((f) => [/test '([^']+)'/.exec(f.message)![1], f.severity]));
}

const DEFAULT = { 'TC-PASS-CLAIM': 'error', 'TC-FAIL-CLAIM': 'error', 'TC-ERROR': 'warning', 'TC-AGREES': 'warning', 'TC.DOTTED': 'error', 'TC-SKIPPED': 'warning' };

/** VT005's fixture: a contradiction between the unmapped case and the recorded result is reported at VT005's severity, anything else at most as a warning. */
describe('VT005 junit-case-unmapped severity and message', () => {
  it('errors where the case contradicts the recorded result, warns otherwise, and names the case and the mapping', async () => {
    const { result } = await lintFiles(fixture());
    const vt = result.findings.filter((f) => f.code === 'VT005');
    assert.deepEqual(await severities(), DEFAULT);
    const first = vt.find((f) => f.message.includes("'TC-PASS-CLAIM'"))!;
    assert.match(first.message, /results\/junit\.xml:3 failed/);
    assert.match(first.message, /`junit: \{classname: dose, name: TC-PASS-CLAIM\}`/);
  });

  it("takes its own severity from `rules:`, never VT001's", async () => {
    assert.deepEqual(await severities('VT001: off'), DEFAULT);
    assert.deepEqual(await severities('VT001: info'), DEFAULT);
    const warnings = Object.fromEntries(Object.keys(DEFAULT).map((k) => [k, 'warning']));
    assert.deepEqual(await severities('VT005: warning'), warnings);
    assert.deepEqual(await severities('VT005: warning, VT001: error'), warnings);
    assert.deepEqual(await severities('VT005: info'), Object.fromEntries(Object.keys(DEFAULT).map((k) => [k, 'info'])));
    assert.deepEqual(await severities('VT005: off'), {});
  });
});
