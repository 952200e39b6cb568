import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

const ZONES = `zones:
  - {id: Z-DMZ, name: DMZ, class: dmz, sl_t: 1}
  - {id: Z-GW, name: Gateway, class: ot, sl_t: {FR1: 2, FR3: 3, FR4: 4}}
`;
const conduitWith = (channel: string) => `${ZONES}conduits:\n  - id: C-1\n    zones: [Z-DMZ, Z-GW]\n    channels:\n      - ${channel}\n    sl_t: 1\n`;

async function findings(files: Record<string, string>, code: string): Promise<string[]> {
  const { result } = await lintFiles(files);
  return result.findings.filter((f) => f.code === code).map((f) => `${f.range.start.line + 1}: ${f.message}`);
}

describe('protocol vocabulary', () => {
  it('records the common IT, OT and radio protocols without TM006', async () => {
    const protocols = ['telnet', 'ftp', 'ldap', 'ldaps', 'jdbc', 'nfs', 'smb', 'amqp', 'wifi', 'nfc', 'cellular', 'sub-ghz'];
    const channels = protocols.map((p) => `{protocol: ${p}}`).join(', ');
    assert.deepEqual(await findings({ 'model.spdf.yaml': `${ZONES}conduits:\n  - {id: C-1, zones: [Z-DMZ, Z-GW], channels: [${channels}]}\n` }, 'TM006'), []);
  });

  it('suggests the usual value for a synonym edit distance cannot find', async () => {
    const model = `${conduitWith('{protocol: bluetooth}')}requirements:\n  - {id: REQ-1, title: R, standards: {fda_app1: [encryption]}}\n`;
    const got = await findings({ 'model.spdf.yaml': model }, 'TM006');
    assert.equal(got.length, 2);
    assert.match(got[0], /unknown protocol 'bluetooth' \(did you mean 'ble'\?\)/);
    assert.match(got[1], /'encryption' \(did you mean 'cryptography'\?\)/);
  });

  it('accepts a protocol declared in spdf.config.yaml and judges it by its declared properties', async () => {
    const files = {
      'spdf.config.yaml': 'protocols:\n  vendor-bus: {title: Vendor field bus, authentication: false, integrity: false, encryption: false, write_capable: true, ot: true}\n',
      'model.spdf.yaml': conduitWith('{protocol: vendor-bus, port: 9000}'),
    };
    assert.deepEqual(await findings(files, 'TM006'), []);
    assert.match((await findings(files, 'ZC015'))[0], /Vendor field bus \(vendor-bus\) has no native authentication/);
    assert.match((await findings(files, 'ZC014'))[0], /unauthenticated \(vendor-bus by default\)/);
    const undeclared = await findings({ 'model.spdf.yaml': files['model.spdf.yaml'] }, 'TM006');
    assert.match(undeclared[0], /or a protocol declared under `protocols` in spdf\.config\.yaml/);
  });

  it('refuses a config entry that would redefine a built-in protocol', async () => {
    const files = {
      'spdf.config.yaml': 'protocols:\n  modbus-tcp: {authentication: true, integrity: true, encryption: true, write_capable: false}\n',
      'model.spdf.yaml': conduitWith('{protocol: modbus-tcp, port: 502}'),
    };
    assert.match((await findings(files, 'TM008'))[0], /^2: protocols\.modbus-tcp: 'modbus-tcp' is a built-in protocol/);
    assert.equal((await findings(files, 'ZC014')).length, 1);
  });
});

describe('ZC014 messages', () => {
  it('cite the SR/RE and the SL that require each property', async () => {
    const [msg] = await findings({ 'model.spdf.yaml': conduitWith('{protocol: modbus-tcp, port: 502}') }, 'ZC014');
    assert.match(msg, /unauthenticated \(modbus-tcp by default\), but ot zone Z-GW has SL-T FR1=2 and SR 1\.2 requires software process and device authentication from SL 2/);
    assert.match(msg, /without integrity protection \(modbus-tcp by default\), but ot zone Z-GW has SL-T FR3=3 and SR 3\.1 RE 1 requires cryptographic integrity protection from SL 3/);
    assert.match(msg, /unencrypted \(modbus-tcp by default\), but ot zone Z-GW has SL-T FR4=4 and SR 4\.1 RE 2 requires confidentiality across zone boundaries from SL 4/);
  });

  it('do not attribute a value to a protocol the table does not know', async () => {
    const [msg] = await findings({ 'model.spdf.yaml': conduitWith('{protocol: ldapx, encrypted: false, authentication: credentials}') }, 'ZC014');
    assert.match(msg, /channel ldapx of conduit 'C-1' is unencrypted, but/);
    assert.doesNotMatch(msg, /by default/);
  });

  it('name the weakest mode of a configuration-dependent protocol that states none', async () => {
    const [msg] = await findings({ 'model.spdf.yaml': conduitWith('{protocol: opc-ua, port: 4840}') }, 'ZC014');
    assert.match(msg, /unauthenticated \(opc-ua with no stated security_mode, taken as its weakest mode\)/);
  });
});

describe('point-to-point radio links', () => {
  const link = (channel: string, extra = '') => `zones:
  - {id: Z-PHONE, name: Phone, class: external, sl_t: 2}
  - {id: Z-PUMP, name: Pump, class: device, safety_designation: true, sl_t: 2}
conduits:
  - id: C-BLE
    zones: [Z-PHONE, Z-PUMP]
    channels:
      - ${channel}
    sl_t: 2${extra}
`;

  it('ask for authenticated pairing and signed commands, not a DMZ', async () => {
    const files = { 'model.spdf.yaml': link('{protocol: ble, security_mode: just-works}') };
    const [zc017] = await findings(files, 'ZC017');
    assert.match(zc017, /over a point-to-point radio link \(ble\) that lacks authenticated pairing and signed commands; no DMZ can stand on such a link/);
    assert.doesNotMatch(zc017, /with no DMZ zone between them/);
    const [zc016] = await findings(files, 'ZC016');
    assert.match(zc016, /point-to-point radio link, where no zone can stand between the ends: state an authenticated pairing/);
  });

  it('pass with authenticated pairing and signed commands, or a compensating control on the conduit', async () => {
    const signed = { 'model.spdf.yaml': link('{protocol: ble, security_mode: numeric-comparison, signed_commands: true}') };
    assert.deepEqual([...(await findings(signed, 'ZC016')), ...(await findings(signed, 'ZC017'))], []);
    const compensated = {
      'model.spdf.yaml': `${link('{protocol: ble, security_mode: just-works}', '\n    compensating_controls: [CTRL-PROX]')}controls:\n  - {id: CTRL-PROX, title: Proximity confirmation on the pump keypad}\n`,
    };
    assert.deepEqual([...(await findings(compensated, 'ZC016')), ...(await findings(compensated, 'ZC017'))], []);
  });
});
