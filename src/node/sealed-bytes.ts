// @spdf implements SPDF-FC-CACHE
import { sha256Hex } from './cache-location';

const DIGEST_BYTES = 32;

/** A cache file's bytes: a magic line naming the format, the SHA-256 of the payload, the payload. */
export function sealBytes(magic: Buffer, payload: Uint8Array): Buffer {
  return Buffer.concat([magic, Buffer.from(sha256Hex(payload), 'hex'), payload]);
}

/** The payload of sealed bytes that are intact and of this format, else undefined (a damaged file is a miss). */
export function unsealBytes(magic: Buffer, bytes: Buffer): Buffer | undefined {
  if (!bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const payload = bytes.subarray(magic.length + DIGEST_BYTES);
  return bytes.subarray(magic.length, magic.length + DIGEST_BYTES).toString('hex') === sha256Hex(payload) ? payload : undefined;
}
