// @spdf implements SPDF-FC-CACHE
/*
 * The number stream as text. Each number n (-1 <= n <= 2^31 - 2, compact-index.ts's MAX_PACKED) is written as n + 1 in digits of printable
 * ASCII, most significant first: leading digits base 34 as ']'..'~', the last digit base 44 as '0'..'['. So most
 * numbers of an index take one or two characters, none needs escaping in JSON ('"' and '\\' are no digits), and
 * a reader tells where a number ends without a separator.
 */
export const LAST = 0x30;
export const LAST_BASE = 44;
export const LEAD = 0x5d;
export const LEAD_BASE = 34;

/** Bytes of the stream being encoded; grown as needed, reused by every call (one index is packed at a time). */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The number stream as text (see above). Digits are written as bytes into a reused buffer and read back as Latin-1
 * (every digit is printable ASCII): no array of character codes and no `String.fromCharCode` spread per index.
 */
export function encodeStream(numbers: readonly number[]): string {
  // A number up to 2^31 takes at most 7 digits (34^6 * 44 > 2^31).
  if (scratch.length < numbers.length * 7) scratch = Buffer.allocUnsafe(numbers.length * 14);
  const bytes = scratch;
  let at = 0;
  for (let k = 0; k < numbers.length; k++) {
    const u = numbers[k] + 1;
    if (u < LAST_BASE) {
      bytes[at++] = LAST + u;
      continue;
    }
    const last = u % LAST_BASE;
    let rest = (u - last) / LAST_BASE;
    // The leading digits, least significant first, then reversed in place.
    const first = at;
    while (rest > 0) {
      const d = rest % LEAD_BASE;
      bytes[at++] = LEAD + d;
      rest = (rest - d) / LEAD_BASE;
    }
    for (let i = first, j = at - 1; i < j; i++, j--) {
      const t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
    bytes[at++] = LAST + last;
  }
  return bytes.toString('latin1', 0, at);
}
