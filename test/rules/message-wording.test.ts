import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

async function messages(model: string, code: string): Promise<string[]> {
  const { result } = await lintFiles({ 'model.spdf.yaml': model });
  return result.findings.filter((f) => f.code === code).map((f) => f.message);
}

const threat = (vector: string) => `assets:
  - {id: AST-LOG, name: Log, kind: data}
threats:
  - id: THR-001
    title: Log read
    stride: [I]
    targets: [AST-LOG]
    score: {method: cvss-3.1, vector: "${vector}"}
    no_safety_impact_rationale: No therapy data.
`;

describe('finding messages', () => {
  it('TM001 and TM002 put "an" before "asset"', async () => {
    const model = `zones:
  - {id: Z-A, name: A, class: ot}
assets:
  - {id: AST-1, name: One, kind: device, zone: Z-A}
  - {id: AST-2, name: Two, kind: device, zone: Z-A}
controls:
  - {id: AST-1, title: Same ID as an asset}
  - {id: CTRL-1, title: A control}
threats:
  - {id: THR-1, title: T, controls: [AST-2], targets: [CTRL-1]}
`;
    assert.deepEqual(await messages(model, 'TM001'), ["duplicate ID 'AST-1': already defined as an asset in model.spdf.yaml"]);
    assert.deepEqual((await messages(model, 'TM002')).sort(), [
      "'AST-2' is an asset, but threat.controls expects a control",
      "'CTRL-1' is a control, but threat.targets expects an asset or conduit or zone or flow or component",
    ]);
  });

  it('TR004 calls a value a base metric cannot take invalid, not missing', async () => {
    const [invalid] = await messages(threat('CVSS:3.1/AV:X/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N'), 'TR004');
    assert.match(invalid, /AV:X is not a valid base metric value/);
    assert.doesNotMatch(invalid, /missing/);
    const [missing] = await messages(threat('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N'), 'TR004');
    assert.match(missing, /base metric A is missing/);
  });

  it('TR011 names its trigger: a cloud zone, or the multi_patient flag', async () => {
    const model = `zones:
  - {id: Z-CLOUD, name: Cloud, class: cloud}
assets:
  - {id: AST-PORTAL, name: Portal, kind: service, zone: Z-CLOUD}
  - {id: AST-FLEET, name: Fleet data, kind: data, multi_patient: true}
threats:
  - {id: THR-1, title: Portal takeover, targets: [AST-PORTAL]}
  - {id: THR-2, title: Library poisoned, targets: [AST-FLEET]}
`;
    const [cloud, flag] = await messages(model, 'TR011');
    assert.match(cloud, /^threat 'THR-1' targets asset 'AST-PORTAL' in cloud zone 'Z-CLOUD': say whether/);
    assert.match(flag, /^threat 'THR-2' targets asset 'AST-FLEET', marked `multi_patient: true`: say whether/);
    assert.doesNotMatch(`${cloud} ${flag}`, /more than one device/);
  });
});
