import { nearest } from '../suggest';

/**
 * Words people write for a vocabulary value that edit distance cannot find. A synonym is offered only
 * when its target is among the values the field accepts.
 */
const SYNONYMS: Record<string, string[]> = {
  bluetooth: ['ble'],
  'bluetooth-le': ['ble'],
  btle: ['ble'],
  'wi-fi': ['wifi'],
  wlan: ['wifi'],
  '802.11': ['wifi'],
  lte: ['cellular'],
  '4g': ['cellular'],
  '5g': ['cellular'],
  gsm: ['cellular'],
  modbus: ['modbus-tcp'],
  modbustcp: ['modbus-tcp'],
  opcua: ['opc-ua'],
  'ethernet-ip': ['enip-cip'],
  ethernetip: ['enip-cip'],
  cip: ['enip-cip'],
  hl7: ['hl7v2-mllp-tls'],
  fhir: ['hl7-fhir-https'],
  'iec-104': ['iec104'],
  'iec-60870-5-104': ['iec104'],
  s7comm: ['s7'],
  rest: ['https'],
  ssl: ['https'],
  scp: ['ssh'],
  samba: ['smb'],
  cifs: ['smb'],
  'sub-1ghz': ['sub-ghz'],
  '868mhz': ['sub-ghz'],
  '915mhz': ['sub-ghz'],
  password: ['credentials'],
  'username-password': ['credentials'],
  psk: ['pre-shared-key'],
  certificate: ['device-cert'],
  'client-cert': ['mutual-tls'],
  mtls: ['mutual-tls'],
  '2fa': ['mfa'],
  encryption: ['cryptography'],
  crypto: ['cryptography'],
  integrity: ['code, data and execution integrity'],
  logging: ['event detection and logging'],
  patching: ['updatability and patchability'],
  firewall: ['stateful'],
  ids: ['passive-ids'],
  gateway: ['dmz'],
  internet: ['external'],
  enterprise: ['it'],
  medical: ['device'],
  plc: ['ot'],
  scada: ['ot'],
};

/** "Did you mean" for a vocabulary value: a known synonym first, else the nearest value by edit distance. */
export function suggestValue(word: string, values: readonly string[]): string | undefined {
  const key = word.trim().toLowerCase();
  const synonym = (Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : []).find((v) => values.includes(v));
  return synonym ?? nearest(word, values);
}
