import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fnv1a64, sha256 } from '../../src/core/hash';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

/** Constants only a hash implementation holds: FNV offset bases and primes, the first SHA-256 round constant. */
const HASH_CONSTANTS = /0x811c9dc5|0xcbf29ce4|0x01000193|0x1b3\b|0x428a2f98|createHash\(/i;

describe('hashes (src/core/hash.ts)', () => {
  it('sha256 is SHA-256 (compared with node:crypto around the block boundaries)', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      assert.equal(Buffer.from(sha256(bytes)).toString('hex'), createHash('sha256').update(bytes).digest('hex'), `${n} bytes`);
    }
  });

  it('fnv1a64 is FNV-1a 64 over UTF-16 code units (its output is stored in review locks)', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  it('fnv1a64 writes every state as 16 hex digits, leading zeros kept (compared with a BigInt FNV-1a 64 over 3,000 texts)', () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const digits = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      const text = String.fromCharCode(...Array.from({ length: next() % 40 }, () => (next() % 4 === 0 ? next() % 0x10000 : 32 + (next() % 95))));
      const hash = fnv1a64(text);
      assert.equal(hash, reference(text), JSON.stringify(text));
      for (let k = 0; k < 16; k += 2) digits.add(hash.slice(k, k + 2));
    }
    assert.equal(digits.size, 256, 'every byte value written in every position seen');
  });

  it('no other source file implements a hash (one FNV and one SHA-256 in the core, node:crypto only for the caches and the digests of published diagnostics)', () => {
    const allowed = new Set(['src/core/hash.ts', 'src/node/cache-location.ts', 'src/server/diagnostics.ts']);
    const copies = files(join(ROOT, 'src'))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !allowed.has(f) && HASH_CONSTANTS.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(copies, []);
  });
});
