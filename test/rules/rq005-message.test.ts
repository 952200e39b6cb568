// @spdf verifies SPDF-RQ-001
import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

const zone = (slt: string) => `zones:\n  - {id: Z-CELL, name: Cell, class: ot, sl_t: ${slt}}\n`;
const req = (srs: string[]) => `requirements:\n  - {id: SEC-REQ-001, title: Mapped, standards: {iec62443_3_3: [${srs.map((s) => `"${s}"`).join(', ')}]}}\n`;

async function rq005(model: string): Promise<string[]> {
  const { result } = await lintFiles({ 'model.spdf.yaml': model });
  return result.findings.filter((f) => f.code === 'RQ005').map((f) => f.message);
}

describe('RQ005 at SR/RE level', () => {
  it('names each missing SR/RE with the SL that selects it, grouped by FR and SL-T', async () => {
    const [msg, ...rest] = await rq005(zone('{FR4: 4}') + req(['SR 4.1', 'SR 4.1 RE 1', 'SR 4.3']));
    assert.deepEqual(rest, []);
    assert.match(msg, /zone 'Z-CELL': its SL-T requires 3 IEC 62443-3-3 SR\/REs/);
    assert.match(msg, /FR4 at SL-T 4: SR 4\.1 RE 2 \(SL 4\), SR 4\.2 \(SL 2\), SR 4\.2 RE 1 \(SL 3\)$/);
  });

  it('is silent when every required SR/RE is mapped, and when the model maps nothing to 62443', async () => {
    assert.deepEqual(await rq005(zone('{FR4: 1}') + req(['SR 4.1', 'SR 4.3'])), []);
    assert.deepEqual(await rq005(zone('{FR4: 1}')), []);
  });

  it('counts controls as covering (a requirement for SR 4.3 and a control for SR 4.1)', async () => {
    const model = zone('{FR4: 1}') + req(['SR 4.3']) + 'controls:\n  - {id: CTL-001, title: TLS, standards: {iec62443_3_3: ["SR 4.1"]}}\n';
    assert.deepEqual(await rq005(model), []);
  });
});
