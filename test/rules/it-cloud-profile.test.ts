import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

const MODEL = `zones:
  - {id: Z-CLOUD, name: Cloud, class: cloud}
assets:
  - {id: AST-API, name: Orders API, kind: service, zone: Z-CLOUD}
threats:
  - {id: THR-1, title: API token theft, stride: [S], targets: [AST-API], score: {exploitability: medium, post_exploitability: low}}
hazards:
  - {id: HAZ-1, hazard: Wrong order shipped}
`;
const PATIENT_SAFETY = ['HZ001', 'HZ002', 'TR006', 'TR011'];

async function codes(profile: string): Promise<string[]> {
  const { result } = await lintFiles({ 'spdf.config.yaml': `profile: ${profile}\n`, 'model.spdf.yaml': MODEL });
  return [...new Set(result.findings.map((f) => f.code))].filter((c) => PATIENT_SAFETY.includes(c)).sort();
}

describe('profile it-cloud', () => {
  it('turns off the hazard and multi-patient rules that the recommended profile reports', async () => {
    assert.deepEqual(await codes('recommended'), PATIENT_SAFETY);
    assert.deepEqual(await codes('it-cloud'), []);
  });
});
