// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCodeIndex } from '../../../src/node/codeindex/build-code-index';
import { contentHash } from '../../../src/node/codeindex/code-index-cache';
import { InputRecorder } from '../../../src/node/result-cache-recorder';
import { tempWorkspace } from '../../support/cli';

const FILES: Record<string, string> = {
  'a.py': 'def a():\n    # @spdf implements SEC-REQ-001\n    return 1\n',
  'b.py': 'def b():\n    # @spdf implements SEC-REQ-002\n    return 2\n',
  'c.py': 'def c():\n    return 3\n',
};

/** How often each workspace file's bytes went through crypto.hash while `run` ran. */
async function hashesPerFile(root: string, run: () => Promise<unknown>): Promise<Map<string, number>> {
  const contents = new Map(Object.keys(FILES).map((f) => [readFileSync(join(root, f)).toString('latin1'), f]));
  const counts = new Map<string, number>(Object.keys(FILES).map((f) => [f, 0]));
  const original = crypto.hash;
  crypto.hash = ((algorithm: string, data: crypto.BinaryLike, ...rest: never[]) => {
    const file = typeof data === 'string' ? undefined : contents.get(Buffer.from(data as Uint8Array).toString('latin1'));
    if (file) counts.set(file, counts.get(file)! + 1);
    return (original as (...args: unknown[]) => unknown)(algorithm, data, ...rest);
  }) as typeof crypto.hash;
  try {
    await run();
  } finally {
    crypto.hash = original;
  }
  return counts;
}

describe('while the whole-result cache records, the code index keys its cache with the digest the recorder made', () => {
  if (typeof crypto.hash !== 'function') return;

  it('hashes each source file it reads once, and the cache it writes answers the next run', async () => {
    const root = tempWorkspace(FILES);
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-recorded-digest-'));
    const recorder = new InputRecorder([cacheLocation], [cacheLocation], true);
    const counts = await hashesPerFile(root, async () => {
      recorder.start();
      try {
        await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
      } finally {
        recorder.stop();
      }
    });
    // c.py holds no tag: the recorder hashes it, the index never needs to.
    assert.deepEqual(Object.fromEntries(counts), { 'a.py': 1, 'b.py': 1, 'c.py': 1 });
    const again = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([again.stats.cached, again.stats.parsed], [2, 0], 'the entries were keyed by the bytes SHA-256, as contentHash computes it');
    assert.deepEqual(
      [...again.fileKeys!.values()].map((k) => k.split(' ')[1]),
      ['a.py', 'b.py'].map((f) => contentHash(readFileSync(join(root, f)))),
    );
  });

  it('without a recorder it hashes the tagged files itself', async () => {
    const root = tempWorkspace(FILES);
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-recorded-digest-'));
    const counts = await hashesPerFile(root, () => buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 }));
    assert.deepEqual(Object.fromEntries(counts), { 'a.py': 1, 'b.py': 1, 'c.py': 0 });
  });
});
