/**
 * The hashes of the core, pure so they run the same in the core, workers and webviews:
 * - `fnv1a64`, the fingerprint of code and of link targets (stored in the review lock, so its output must
 *   never change) and of loaded files: a change detector, not a security hash;
 * - `sha256`, where a standard digest is required (the CSP of the HTML export).
 * The Node hosts hash their caches with node:crypto (`sha256Hex` in src/node/cache-location.ts).
 */

/**
 * FNV-1a 64 over UTF-16 code units (one xor per code unit, not per byte), as 16 hex digits.
 * Pure JS with four 16-bit limbs so it runs the same in the core, workers and webviews.
 */
export function fnv1a64(text: string): string {
  const state = fnvStart();
  for (let at = 0; at < text.length; at += CHUNK) {
    const n = Math.min(CHUNK, text.length - at);
    for (let i = 0; i < n; i++) chunk[i] = text.charCodeAt(at + i);
    fnvMix(state, chunk, n);
  }
  return fnvHex(state);
}

/**
 * `fnv1a64` of the string made of the first `length` code units of `units`: for text assembled as code units and
 * never built as a string (the code fingerprint).
 */
export function fnv1a64Units(units: Uint16Array, length: number): string {
  const state = fnvStart();
  fnvMix(state, units, length);
  return fnvHex(state);
}

/** `fnv1a64` copies a string's code units through this buffer, a chunk at a time. */
const CHUNK = 4096;
const chunk = new Uint16Array(CHUNK);

/** The 64-bit state as four 16-bit limbs, low first: the FNV offset basis. */
const fnvStart = (): number[] => [0x2325, 0x8422, 0x9ce4, 0xcbf2];

function fnvMix(state: number[], units: Uint16Array, length: number): void {
  let [h0, h1, h2, h3] = state;
  for (let i = 0; i < length; i++) {
    h0 ^= units[i];
    // Multiply by the FNV prime 2^40 + 0x1b3, limb by limb.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
}

/** Two hex digits of each byte value. */
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** The state's 16 hex digits, most significant limb first, by table (a fingerprint per linked symbol: `toString(16)` and `padStart` per limb cost twice as much). */
const fnvHex = ([h0, h1, h2, h3]: number[]): string =>
  HEX_BYTE[h3 >> 8] + HEX_BYTE[h3 & 0xff] + HEX_BYTE[h2 >> 8] + HEX_BYTE[h2 & 0xff] + HEX_BYTE[h1 >> 8] + HEX_BYTE[h1 & 0xff] + HEX_BYTE[h0 >> 8] + HEX_BYTE[h0 & 0xff];

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of bytes (the CSP hash of the HTML export's inline style). */
export function sha256(bytes: Uint8Array): Uint8Array {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const bitLen = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const dv = new DataView(padded.buffer);
  dv.setUint32(padded.length - 8, Math.floor(bitLen / 2 ** 32));
  dv.setUint32(padded.length - 4, bitLen >>> 0);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const odv = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) odv.setUint32(i * 4, h[i]);
  return out;
}
