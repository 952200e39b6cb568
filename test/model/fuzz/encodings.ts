import fc from 'fast-check';
import { named } from './mutations';

/** Encodings that must load exactly like the plain UTF-8 text with \n line ends. */
export const EQUIVALENT_ENCODINGS = {
  crlf: (t: string) => utf8(t.replaceAll('\n', '\r\n')),
  cr: (t: string) => utf8(t.replaceAll('\n', '\r')),
  bom: (t: string) => utf8(`\uFEFF${t}`),
  'bom+crlf': (t: string) => utf8(`\uFEFF${t.replaceAll('\n', '\r\n')}`),
};

/** Encodings the loader must name instead of reading. */
export const WIDE_ENCODINGS = {
  'UTF-16 (LE)': (t: string, bom: boolean) => utf16(t, false, bom),
  'UTF-16 (BE)': (t: string, bom: boolean) => utf16(t, true, bom),
};

export function utf8(t: string): Uint8Array {
  return new TextEncoder().encode(t);
}

function utf16(t: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const b = Buffer.from(`${bom ? '\uFEFF' : ''}${t}`, 'utf16le');
  if (bigEndian) b.swap16();
  return new Uint8Array(b);
}

/** Byte-level damage: flips, invalid UTF-8 sequences, truncation inside a multi-byte character. */
export const byteDamage = fc.oneof(
  fc.record({ pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }).map(({ pos, byte }) =>
    named({
      name: `byte ${pos} := 0x${byte.toString(16)}`,
      apply: (b: Uint8Array) => {
        const out = b.slice();
        if (out.length) out[pos % out.length] = byte;
        return out;
      },
    }),
  ),
  fc.record({ pos: fc.nat(), seq: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]) }).map(({ pos, seq }) =>
    named({
      name: `insert ${seq.map((x) => x.toString(16)).join(' ')} at ${pos}`,
      apply: (b: Uint8Array) => {
        const i = pos % (b.length + 1);
        return new Uint8Array([...b.subarray(0, i), ...seq, ...b.subarray(i)]);
      },
    }),
  ),
);
