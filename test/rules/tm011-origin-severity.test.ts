import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

async function tm011Severities(config: string, value: string) {
  const model = `hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: ${value}\n`;
  const { result } = await lintFiles({ 'spdf.config.yaml': config, 'model.spdf.yaml': model });
  return result.findings.filter((f) => f.code === 'TM011').map((f) => f.severity);
}

describe('TM011 placeholder-value keeps the severity of the rule whose fix left it', () => {
  it('TODO(CODE) is reported at the higher of TM011 and CODE', async () => {
    assert.deepEqual(await tm011Severities('profile: all\n', 'TODO(TR006)'), ['error']);
    assert.deepEqual(await tm011Severities('profile: all\n', 'TODO(HZ002)'), ['warning']);
    assert.deepEqual(await tm011Severities('profile: all\nrules: {HZ002: error}\n', 'TODO(HZ002)'), ['error']);
    assert.deepEqual(await tm011Severities('profile: all\nrules: {TM011: error}\n', 'TODO(HZ002)'), ['error'], 'never lowered');
  });

  it('a plain TODO, an unknown code or an origin rule that is off leaves TM011 at its own severity', async () => {
    assert.deepEqual(await tm011Severities('profile: all\n', 'TODO'), ['warning']);
    assert.deepEqual(await tm011Severities('profile: all\n', 'TODO(XX999)'), ['warning']);
    assert.deepEqual(await tm011Severities('profile: all\nrules: {TR006: off}\n', 'TODO(TR006)'), ['warning']);
  });
});
