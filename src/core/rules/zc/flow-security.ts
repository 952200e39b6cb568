import type { Graph, ModelItem } from '../../model/graph';
import { lookupProtocol, type ProtocolInfo } from '../../vocab/protocols';

/**
 * Protocols whose exchanges are request/response: the responder sends data back on the same session, so
 * a flow over them carries data both ways and cannot run through a diode. Kept here (not in the protocol
 * table) until the table has such a property; a protocol missing from this list counts as one-way capable.
 */
const REQUEST_RESPONSE: ReadonlySet<string> = new Set([
  'https',
  'http',
  'hl7-fhir-https',
  'hl7v2-mllp',
  'hl7v2-mllp-tls',
  'dicom',
  'dicom-tls',
  'modbus-tcp',
  'dnp3',
  'dnp3-sav5',
  'profinet',
  'enip-cip',
  'cip-security',
  'opc-ua',
  'bacnet',
  'iec104',
  's7',
  'ble',
  'ble-secure',
  'ssh',
  'sftp',
  'rdp',
  'vnc',
  'snmpv2',
  'snmpv3',
  'dns',
  'ntp',
  'telnet',
  'ftp',
  'ftps',
  'ldap',
  'ldaps',
  'jdbc',
  'nfs',
  'smb',
  'kerberos',
  'radius',
]);

/** Data goes both ways: the flow's `bidirectional`, else its protocol's request/response nature. */
export function isRequestResponse(flow: ModelItem): boolean {
  if (typeof flow.data.bidirectional === 'boolean') return flow.data.bidirectional;
  return typeof flow.data.protocol === 'string' && REQUEST_RESPONSE.has(flow.data.protocol);
}

/**
 * The model fields the flow helpers read (a flow's protection and direction, and the `kind` and `cia` of the assets
 * it names), spread into the `meta.reads` of the rules built on them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const FLOW_SECURITY_READS = ['authentication', 'bidirectional', 'cia', 'data', 'destination', 'encrypted', 'kind', 'protocol', 'source'] as const;

type Custom = Readonly<Record<string, ProtocolInfo>>;
const protocolOf = (flow: ModelItem, custom: Custom) => (typeof flow.data.protocol === 'string' ? lookupProtocol(flow.data.protocol, custom) : undefined);

/** A flow's security property: its value (undefined: unknown protocol), and whether the protocol supplied it. */
export interface FlowEffective {
  value: boolean | undefined;
  inferred: boolean;
}

/** Authentication as the flow states it, else as its protocol provides natively (undefined: unknown protocol). */
export function flowAuthenticated(flow: ModelItem, custom: Custom = {}): FlowEffective {
  const a = flow.data.authentication;
  if (typeof a === 'string') return { value: a !== 'none', inferred: false };
  return { value: protocolOf(flow, custom)?.authenticated, inferred: true };
}

/** Encryption as the flow states it, else as its protocol provides (undefined: unknown protocol). */
export function flowEncrypted(flow: ModelItem, custom: Custom = {}): FlowEffective {
  if (typeof flow.data.encrypted === 'boolean') return { value: flow.data.encrypted, inferred: false };
  return { value: protocolOf(flow, custom)?.encrypted, inferred: true };
}

const HIGH: ReadonlySet<unknown> = new Set(['high', 'critical']);

/**
 * What makes a flow's data sensitive: data assets it names in `data` whose confidentiality or integrity
 * need is high or critical, else such a need on its source or destination. `confidential` says whether
 * confidentiality is among the needs (encryption then matters too).
 */
export function sensitivity(graph: Graph, flow: ModelItem): { items: ModelItem[]; confidential: boolean } {
  const named = (Array.isArray(flow.data.data) ? flow.data.data : [])
    .map((d: unknown) => (typeof d === 'string' ? graph.byId.get(d) : undefined))
    .filter((i: ModelItem | undefined): i is ModelItem => i?.kind === 'asset' && i.data.kind === 'data');
  const candidates =
    named.length > 0 ? named : [flow.data.source, flow.data.destination].map((id) => (typeof id === 'string' ? graph.byId.get(id) : undefined)).filter((i): i is ModelItem => i?.kind === 'asset');
  const items = candidates.filter((i: ModelItem) => HIGH.has(i.data.cia?.c) || HIGH.has(i.data.cia?.i));
  return { items, confidential: items.some((i: ModelItem) => HIGH.has(i.data.cia?.c)) };
}
