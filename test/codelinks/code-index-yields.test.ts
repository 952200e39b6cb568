// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

/** A host answering every read at once (as the file system hosts do, reading synchronously), counting reads. */
class CountingHost extends MemoryHost {
  reads = 0;
  override readFile(path: string): Promise<Uint8Array> {
    this.reads++;
    return super.readFile(path);
  }
}

describe('code index: reading many files lets other events in', () => {
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
