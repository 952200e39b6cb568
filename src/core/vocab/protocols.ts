/** What a protocol (or one of its security modes) gives a channel on its own. */
export interface Protection {
  /** Native authentication of peers or messages. */
  authenticated: boolean;
  /** Messages are protected against modification (MAC, signature, AEAD). */
  integrity: boolean;
  encrypted: boolean;
}

/** Protocol vocabulary: properties the zone/conduit rules reason about. */
export interface ProtocolInfo extends Protection {
  title: string;
  /** Industrial/OT control protocol (commands can change a physical process). */
  ot: boolean;
  /** Clinical data protocol (HL7, DICOM). */
  clinical: boolean;
  /** Carries write/command functions that can alter device state. */
  canWrite: boolean;
  /** A radio link: anyone in range can listen and transmit. */
  wireless: boolean;
  /**
   * Security modes a channel may state in `security_mode`, and what each gives. When `modeRequired`,
   * security depends on configuration: the properties above are those of the weakest mode, and a channel
   * that does not state its mode is reported (ZC034).
   */
  modes?: Record<string, Protection>;
  modeRequired?: boolean;
}

const NONE: Protection = { authenticated: false, integrity: false, encrypted: false };
const ALL: Protection = { authenticated: true, integrity: true, encrypted: true };
const SIGNED: Protection = { authenticated: true, integrity: true, encrypted: false };
const LOGIN_ONLY: Protection = { authenticated: true, integrity: false, encrypted: false };

type Role = 'ot' | 'clinical' | 'it' | 'radio';
interface Extra {
  write?: boolean;
  modes?: Record<string, Protection>;
  modeRequired?: boolean;
}

const p = (title: string, prot: Protection, role: Role, o: Extra = {}): ProtocolInfo => ({
  title,
  ...prot,
  ot: role === 'ot',
  clinical: role === 'clinical',
  canWrite: o.write ?? true,
  wireless: role === 'radio',
  ...(o.modes ? { modes: o.modes } : {}),
  ...(o.modeRequired ? { modeRequired: true } : {}),
});

/** TLS versions a TLS-based channel may state; versions deprecated by RFC 8996 protect nothing we count on. */
const TLS_VERSIONS: Record<string, Protection> = { 'tls-1.0': NONE, 'tls-1.1': NONE, 'tls-1.2': ALL, 'tls-1.3': ALL };
const tls = (title: string, role: Role, o: Extra = {}): ProtocolInfo => p(title, ALL, role, { modes: TLS_VERSIONS, ...o });

/** LE pairing: Just Works encrypts but authenticates nobody (open to a man in the middle). */
const BLE_PAIRING: Record<string, Protection> = {
  'no-pairing': NONE,
  'just-works': { authenticated: false, integrity: true, encrypted: true },
  passkey: ALL,
  'numeric-comparison': ALL,
  oob: ALL,
};

export const PROTOCOLS: Record<string, ProtocolInfo> = {
  // Industrial control
  'modbus-tcp': p('Modbus/TCP', NONE, 'ot'),
  'modbus-rtu': p('Modbus RTU (serial)', NONE, 'ot'),
  dnp3: p('DNP3', NONE, 'ot'),
  'dnp3-sav5': p('DNP3 with Secure Authentication v5', SIGNED, 'ot'),
  profinet: p('PROFINET', NONE, 'ot'),
  'enip-cip': p('EtherNet/IP (CIP)', NONE, 'ot'),
  'cip-security': p('CIP Security (EtherNet/IP over TLS/DTLS)', ALL, 'ot'),
  'opc-ua': p('OPC UA', NONE, 'ot', { modes: { None: NONE, Sign: SIGNED, SignAndEncrypt: ALL }, modeRequired: true }),
  bacnet: p('BACnet/IP', NONE, 'ot'),
  'bacnet-sc': p('BACnet Secure Connect', ALL, 'ot'),
  iec104: p('IEC 60870-5-104', NONE, 'ot'),
  'iec61850-mms': p('IEC 61850 MMS', NONE, 'ot'),
  'iec61850-goose': p('IEC 61850 GOOSE', NONE, 'ot'),
  s7: p('Siemens S7comm', NONE, 'ot'),
  ethercat: p('EtherCAT', NONE, 'ot'),
  'can-bus': p('CAN bus', NONE, 'ot'),
  mqtt: p('MQTT (no TLS)', NONE, 'ot'),
  'mqtt-tls': tls('MQTT over TLS', 'ot'),
  uart: p('Serial/UART (internal)', NONE, 'ot'),
  // Clinical
  'hl7v2-mllp': p('HL7 v2 over MLLP', NONE, 'clinical'),
  'hl7v2-mllp-tls': tls('HL7 v2 over MLLP with TLS', 'clinical'),
  'hl7-fhir-https': tls('HL7 FHIR over HTTPS', 'clinical'),
  dicom: p('DICOM (plain)', NONE, 'clinical'),
  'dicom-tls': tls('DICOM over TLS', 'clinical'),
  // Radio
  ble: p('Bluetooth Low Energy (GATT)', NONE, 'radio', { modes: BLE_PAIRING, modeRequired: true }),
  'ble-secure': p('BLE LE Secure Connections (authenticated pairing)', ALL, 'radio', { modes: BLE_PAIRING }),
  wifi: p('Wi-Fi (IEEE 802.11)', NONE, 'radio', {
    modes: { open: NONE, wep: NONE, 'wpa2-psk': ALL, 'wpa2-enterprise': ALL, 'wpa3-sae': ALL, 'wpa3-enterprise': ALL },
    modeRequired: true,
  }),
  nfc: p('NFC', NONE, 'radio'),
  cellular: p('Cellular (LTE/5G; the carrier network is untrusted end to end)', NONE, 'radio'),
  'sub-ghz': p('Proprietary sub-GHz radio', NONE, 'radio'),
  zigbee: p('Zigbee', NONE, 'radio', { modes: { 'no-security': NONE, 'network-key': ALL }, modeRequired: true }),
  lorawan: p('LoRaWAN', ALL, 'radio'),
  // IT
  https: tls('HTTPS (TLS)', 'it'),
  http: p('HTTP (plain)', NONE, 'it'),
  tls: tls('TLS (version stated per channel)', 'it', { modeRequired: true }),
  ssh: p('SSH', ALL, 'it'),
  telnet: p('Telnet (clear-text log-in)', NONE, 'it'),
  ftp: p('FTP (clear-text log-in)', NONE, 'it'),
  ftps: tls('FTP over TLS', 'it'),
  tftp: p('TFTP (no log-in)', NONE, 'it'),
  sftp: p('SFTP', ALL, 'it'),
  ldap: p('LDAP (anonymous or clear-text bind)', NONE, 'it'),
  ldaps: tls('LDAP over TLS', 'it'),
  jdbc: p('JDBC database connection', LOGIN_ONLY, 'it', { modes: { plain: LOGIN_ONLY, tls: ALL }, modeRequired: true }),
  nfs: p('NFS', NONE, 'it', { modes: { sys: NONE, krb5: LOGIN_ONLY, krb5i: SIGNED, krb5p: ALL }, modeRequired: true }),
  smb: p('SMB', LOGIN_ONLY, 'it', { modes: { smb1: LOGIN_ONLY, unsigned: LOGIN_ONLY, signed: SIGNED, encrypted: ALL }, modeRequired: true }),
  amqp: p('AMQP (no TLS)', NONE, 'it'),
  amqps: tls('AMQP over TLS', 'it'),
  smtp: p('SMTP (no TLS)', NONE, 'it', { write: false }),
  coap: p('CoAP (no DTLS)', NONE, 'it'),
  coaps: p('CoAP over DTLS', ALL, 'it'),
  syslog: p('Syslog (UDP/TCP, plain)', NONE, 'it', { write: false }),
  'syslog-tls': tls('Syslog over TLS', 'it', { write: false }),
  snmp: p('SNMP (version stated per channel)', NONE, 'it', {
    modes: { v1: NONE, v2c: NONE, 'v3-noauth': NONE, 'v3-auth': SIGNED, 'v3-authpriv': ALL },
    modeRequired: true,
  }),
  snmpv2: p('SNMPv2c', NONE, 'it'),
  snmpv3: p('SNMPv3 (authPriv)', ALL, 'it'),
  usb: p('USB', NONE, 'it'),
  ntp: p('NTP', NONE, 'it', { write: false }),
  dns: p('DNS', NONE, 'it', { write: false }),
  rdp: p('RDP (with NLA/TLS)', ALL, 'it'),
  vnc: p('VNC', NONE, 'it'),
  ipsec: p('IPsec VPN', ALL, 'it'),
  'tls-vpn': tls('TLS VPN', 'it'),
};

export const PROTOCOL_IDS = Object.keys(PROTOCOLS).sort();

/** Built-in protocols plus those the workspace declares in spdf.config.yaml (`protocols`). */
export function lookupProtocol(id: string | undefined, custom: Readonly<Record<string, ProtocolInfo>> = {}): ProtocolInfo | undefined {
  if (id === undefined) return undefined;
  return Object.hasOwn(PROTOCOLS, id) ? PROTOCOLS[id] : Object.hasOwn(custom, id) ? custom[id] : undefined;
}

/** OT or clinical protocols with no native authentication: they need protocol-aware filtering at a boundary. */
export function needsProtocolAwareFiltering(info: ProtocolInfo | undefined): boolean {
  return !!info && (info.ot || info.clinical) && !info.authenticated;
}
