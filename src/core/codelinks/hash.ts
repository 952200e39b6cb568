/**
 * FNV-1a 64 over UTF-16 code units (one xor per code unit, not per byte), as 16 hex digits.
 * Pure JS with four 16-bit limbs so it runs the same in the core, workers and webviews.
 */
export function fnv1a64(text: string, seedHex?: string): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  if (seedHex) [h3, h2, h1, h0] = splitHex(seedHex);
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
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
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}

function splitHex(hex: string): [number, number, number, number] {
  const padded = hex.padStart(16, '0').slice(-16);
  return [0, 4, 8, 12].map((i) => parseInt(padded.slice(i, i + 4), 16) || 0) as [number, number, number, number];
}
