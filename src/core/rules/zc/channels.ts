import type { Item } from '../../model/graph';
import { PROTOCOLS } from '../../vocab/protocols';

/** One channel of a conduit, with its index for ranges. */
export interface Channel {
  index: number;
  protocol: string | undefined;
  data: Record<string, unknown>;
}

export function channelsOf(conduit: Item): Channel[] {
  const list: unknown[] = Array.isArray(conduit.data.channels) ? conduit.data.channels : [];
  return list.flatMap((ch, index) =>
    ch && typeof ch === 'object' && !Array.isArray(ch)
      ? [{ index, protocol: typeof (ch as any).protocol === 'string' ? (ch as any).protocol : undefined, data: ch as Record<string, unknown> }]
      : [],
  );
}

/**
 * A channel property as written, or else as the protocol vocabulary gives it; `inferred` says which,
 * so messages can say "modbus-tcp has no native authentication" instead of quoting a field nobody wrote.
 */
export interface Effective {
  value: boolean | undefined;
  inferred: boolean;
}

export function authenticated(ch: Channel): Effective {
  const a = ch.data.authentication;
  if (typeof a === 'string') return { value: a !== 'none', inferred: false };
  return { value: ch.protocol ? PROTOCOLS[ch.protocol]?.authenticated : undefined, inferred: true };
}

export function encrypted(ch: Channel): Effective {
  if (typeof ch.data.encrypted === 'boolean') return { value: ch.data.encrypted, inferred: false };
  return { value: ch.protocol ? PROTOCOLS[ch.protocol]?.encrypted : undefined, inferred: true };
}

/**
 * Integrity: as written, else implied by encryption, by certificate-based authentication (TLS), or by a
 * protocol that authenticates its messages (DNP3 SAv5, CIP Security). Password or token log-ins protect
 * no message, so they imply nothing.
 */
export function integrity(ch: Channel): Effective {
  if (typeof ch.data.integrity === 'boolean') return { value: ch.data.integrity, inferred: false };
  const e = encrypted(ch).value;
  const viaAuth = ch.data.authentication === 'mutual-tls' || ch.data.authentication === 'device-cert';
  const native = ch.protocol ? PROTOCOLS[ch.protocol]?.authenticated : undefined;
  if (e || viaAuth || native) return { value: true, inferred: true };
  return { value: e === undefined && native === undefined ? undefined : false, inferred: true };
}
