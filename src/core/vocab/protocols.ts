/** Protocol vocabulary: properties the zone/conduit rules reason about. */
export interface ProtocolInfo {
  title: string;
  /** Native authentication of peers or messages. */
  authenticated: boolean;
  encrypted: boolean;
  /** Industrial/OT control protocol (commands can change a physical process). */
  ot: boolean;
  /** Clinical data protocol (HL7, DICOM). */
  clinical: boolean;
  /** Carries write/command functions that can alter device state. */
  canWrite: boolean;
}

const p = (title: string, authenticated: boolean, encrypted: boolean, ot: boolean, clinical: boolean, canWrite: boolean): ProtocolInfo => ({
  title,
  authenticated,
  encrypted,
  ot,
  clinical,
  canWrite,
});

export const PROTOCOLS: Record<string, ProtocolInfo> = {
  'modbus-tcp': p('Modbus/TCP', false, false, true, false, true),
  dnp3: p('DNP3', false, false, true, false, true),
  'dnp3-sav5': p('DNP3 with Secure Authentication v5', true, false, true, false, true),
  profinet: p('PROFINET', false, false, true, false, true),
  'enip-cip': p('EtherNet/IP (CIP)', false, false, true, false, true),
  'cip-security': p('CIP Security (EtherNet/IP over TLS/DTLS)', true, true, true, false, true),
  'opc-ua': p('OPC UA (Sign & Encrypt)', true, true, true, false, true),
  bacnet: p('BACnet/IP', false, false, true, false, true),
  iec104: p('IEC 60870-5-104', false, false, true, false, true),
  s7: p('Siemens S7comm', false, false, true, false, true),
  mqtt: p('MQTT (no TLS)', false, false, true, false, true),
  'mqtt-tls': p('MQTT over TLS', true, true, true, false, true),
  'hl7v2-mllp': p('HL7 v2 over MLLP', false, false, false, true, true),
  'hl7v2-mllp-tls': p('HL7 v2 over MLLP with TLS', true, true, false, true, true),
  'hl7-fhir-https': p('HL7 FHIR over HTTPS', true, true, false, true, true),
  dicom: p('DICOM (plain)', false, false, false, true, true),
  'dicom-tls': p('DICOM over TLS', true, true, false, true, true),
  ble: p('Bluetooth Low Energy (GATT)', false, false, false, false, true),
  'ble-secure': p('BLE LE Secure Connections', true, true, false, false, true),
  https: p('HTTPS (TLS)', true, true, false, false, true),
  http: p('HTTP (plain)', false, false, false, false, true),
  ssh: p('SSH', true, true, false, false, true),
  sftp: p('SFTP', true, true, false, false, true),
  syslog: p('Syslog (UDP/TCP, plain)', false, false, false, false, false),
  'syslog-tls': p('Syslog over TLS', true, true, false, false, false),
  snmpv2: p('SNMPv2c', false, false, false, false, true),
  snmpv3: p('SNMPv3 (authPriv)', true, true, false, false, true),
  uart: p('Serial/UART (internal)', false, false, true, false, true),
  usb: p('USB', false, false, false, false, true),
  ntp: p('NTP', false, false, false, false, false),
  dns: p('DNS', false, false, false, false, false),
  rdp: p('RDP (with NLA/TLS)', true, true, false, false, true),
  vnc: p('VNC', false, false, false, false, true),
  ipsec: p('IPsec VPN', true, true, false, false, true),
  'tls-vpn': p('TLS VPN', true, true, false, false, true),
};

export const PROTOCOL_IDS = Object.keys(PROTOCOLS).sort();

/** OT or clinical protocols with no native authentication: they need protocol-aware filtering at a boundary. */
export function needsProtocolAwareFiltering(id: string): boolean {
  const info = PROTOCOLS[id];
  return !!info && (info.ot || info.clinical) && !info.authenticated;
}
