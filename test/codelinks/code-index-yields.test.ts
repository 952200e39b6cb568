// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import type { BoundedReadHost } from '../../src/node/codeindex/source-bytes';

/** A host answering every read at once (as the file system hosts do, reading synchronously), counting reads. */
class CountingHost extends MemoryHost {
  reads = 0;
  override readFile(path: string): Promise<Uint8Array> {
    this.reads++;
    return super.readFile(path);
  }
}

/** A host answering each read in one synchronous bounded read (as the file system host does), counting reads. */
class SyncReadHost extends CountingHost implements BoundedReadHost {
  constructor(private readonly texts: Map<string, string>) {
    super(texts);
  }
  readUpToSync(path: string): Buffer {
    this.reads++;
    return Buffer.from(this.texts.get(path)!);
  }
}

const FILES = 1000;
const YIELD_EVERY = 64;

describe('code index: reading many files lets other events in', () => {
  // Other work waits for these turns: a tree-sitter runtime compiling for the tagged files, whose steps run between
  // reads only when the readers pause (a reader once took the file whose turn it was to pause without pausing).
  for (const [name, makeHost] of [
    ['answered at once', (texts: Map<string, string>) => new CountingHost(texts)],
    ['read synchronously', (texts: Map<string, string>) => new SyncReadHost(texts)],
  ] as const) {
    it(`pauses every ${YIELD_EVERY} files (${name})`, async () => {
      const files = new Map(Array.from({ length: FILES }, (_, i) => [`src/m${String(i).padStart(4, '0')}.py`, `def f${i}():\n    return ${i}\n`]));
      const host = makeHost(files);
      let done = false;
      const turns: number[] = [];
      const tick = () => {
        if (done) return;
        turns.push(host.reads);
        setImmediate(tick);
      };
      setImmediate(tick);
      const result = await buildCodeIndex({ root: '/nonexistent', host, files: [...files.keys()], workers: 0 });
      done = true;
      assert.equal(result.stats.read, FILES);
      const during = new Set(turns.filter((reads) => reads > 0 && reads < FILES));
      assert.ok(during.size >= Math.floor(FILES / YIELD_EVERY) - 1, `events got in at ${during.size} points of ${FILES} reads: ${[...during].join(', ')}`);
    });
  }

  it('runs a pending timer callback before the last of 1,000 instantly answered reads', async () => {
    const files = new Map(Array.from({ length: 1000 }, (_, i) => [`src/m${String(i).padStart(4, '0')}.py`, `def f${i}():\n    return ${i}\n`]));
    const host = new CountingHost(files);
    let readsWhenCalled: number | undefined;
    const pending = buildCodeIndex({ root: '/nonexistent', host, files: [...files.keys()], workers: 0 });
    setImmediate(() => (readsWhenCalled = host.reads));
    const result = await pending;
    assert.equal(result.stats.read, 1000);
    assert.ok(readsWhenCalled !== undefined && readsWhenCalled < 1000, `the callback ran after ${readsWhenCalled} of 1000 reads`);
  });
});
