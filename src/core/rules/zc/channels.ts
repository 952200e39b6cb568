import type { ModelItem } from '../../model/graph';
import { lookupProtocol, type Protection, type ProtocolInfo } from '../../vocab/protocols';

/** One channel of a conduit, with its index for ranges and its protocol's vocabulary entry. */
export interface Channel {
  index: number;
  protocol: string | undefined;
  data: Record<string, unknown>;
  /** Built-in or declared in spdf.config.yaml; undefined for an unknown protocol (TM006 reports it). */
  info: ProtocolInfo | undefined;
}

/**
 * The model field the channel helpers read (a channel's own keys are in it), spread into the `meta.reads` of
 * the rules built on them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const CHANNELS_READS = ['channels'] as const;

/** The conduit's channels; `custom` is the config's `protocols`. */
export function channelsOf(conduit: ModelItem, custom: Readonly<Record<string, ProtocolInfo>> = {}): Channel[] {
  const list: unknown[] = Array.isArray(conduit.data.channels) ? conduit.data.channels : [];
  return list.flatMap((ch, index) => {
    if (!ch || typeof ch !== 'object' || Array.isArray(ch)) return [];
    const data = ch as Record<string, unknown>;
    const protocol = typeof data.protocol === 'string' ? data.protocol : undefined;
    return [{ index, protocol, data, info: lookupProtocol(protocol, custom) }];
  });
}

/** The channel's `security_mode` when its protocol knows that mode. */
export function statedMode(ch: Channel): { name: string; gives: Protection } | undefined {
  const m = ch.data.security_mode;
  const modes = ch.info?.modes;
  return typeof m === 'string' && modes && Object.hasOwn(modes, m) ? { name: m, gives: modes[m] } : undefined;
}

/**
 * What the protocol gives on this channel: the stated security mode, else the protocol's defaults (for a
 * configuration-dependent protocol, its weakest mode), with the words that say where it came from.
 */
function fromProtocol(ch: Channel): { gives: Protection; why: string } | undefined {
  if (!ch.info || !ch.protocol) return undefined;
  const mode = statedMode(ch);
  if (mode) return { gives: mode.gives, why: `${ch.protocol} in security mode ${mode.name}` };
  if (ch.info.modeRequired) return { gives: ch.info, why: `${ch.protocol} with no stated security_mode, taken as its weakest mode` };
  return { gives: ch.info, why: `${ch.protocol} by default` };
}

/**
 * A channel property as written, or else as the protocol vocabulary gives it; `why` says where an inferred
 * value came from, so messages can say "modbus-tcp by default" instead of quoting a field nobody wrote.
 */
export interface Effective {
  value: boolean | undefined;
  /** Empty when the channel states the value itself. */
  why: string;
}

export function authenticated(ch: Channel): Effective {
  const a = ch.data.authentication;
  if (typeof a === 'string') return { value: a !== 'none', why: '' };
  const p = fromProtocol(ch);
  return { value: p?.gives.authenticated, why: p?.why ?? '' };
}

export function encrypted(ch: Channel): Effective {
  if (typeof ch.data.encrypted === 'boolean') return { value: ch.data.encrypted, why: '' };
  const p = fromProtocol(ch);
  return { value: p?.gives.encrypted, why: p?.why ?? '' };
}

/**
 * Integrity: as written, else implied by encryption as written, by certificate-based authentication (TLS),
 * or given by the protocol (or its stated mode). Password or token log-ins protect no message, so they
 * imply nothing.
 */
export function integrity(ch: Channel): Effective {
  if (typeof ch.data.integrity === 'boolean') return { value: ch.data.integrity, why: '' };
  if (ch.data.encrypted === true) return { value: true, why: '' };
  if (ch.data.authentication === 'mutual-tls' || ch.data.authentication === 'device-cert') return { value: true, why: '' };
  const p = fromProtocol(ch);
  if (!p) return { value: undefined, why: '' };
  return { value: p.gives.integrity, why: p.why };
}

/** Write or command functions can pass: as written, else what the protocol can carry. */
export function writeCapable(ch: Channel): Effective {
  if (typeof ch.data.write_capable === 'boolean') return { value: ch.data.write_capable, why: '' };
  return { value: ch.info?.canWrite, why: ch.protocol && ch.info ? `${ch.protocol} carries write or command functions` : '' };
}
