// @spdf verifies SPDF-FC-GATE
import assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/model/config';
import { readTestResultsOf } from '../../src/server/workspace-reads';
import { tempWorkspace } from '../support/cli';

describe('the server reading JUnit results', () => {
  it('turns results that cannot be read at all into a problem with no results, never into "no results configured"', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements: []\n' });
    const unreadable = await readTestResultsOf(root, { ...defaultConfig(), testResults: [`${'a'.repeat(70_000)}/*.xml`] });
    assert.ok(unreadable, 'configured results that failed to read are not "none configured"');
    assert.deepEqual(unreadable.cases, []);
    assert.equal(unreadable.problems.length, 1);
    assert.match(unreadable.problems[0].message, /cannot read the test results named by test_results: .*maximum allowed length/);
    assert.equal(await readTestResultsOf(root, defaultConfig()), undefined);
  });
});
