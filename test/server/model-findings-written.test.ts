// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';
import { FILES } from './fixture';

/**
 * The first index waits until the model findings' diagnostics are written before it goes on (to the code rules, on the
 * same thread): the connection writes one message per turn of the event loop, so without the wait the first
 * diagnostics of a model file reached the editor only after the code rules and the status pass.
 */
describe('language server: the model findings are written before the code rules run', () => {
  it('loadAll settles only once what the model findings callback returned has settled', async () => {
    const state = new WorkspaceState(new MemoryHost(new Map(Object.entries(FILES))), { root: 'model-findings-written', trusted: true, codeLinks: false });
    let files = 0;
    let written = false;
    await state.loadAll(undefined, undefined, async (byFile) => {
      files = byFile.size;
      // A write on a later turn of the event loop, as the connection's.
      await new Promise((r) => setImmediate(r));
      written = true;
    });
    assert.ok(files > 0, 'the fixture has model findings');
    assert.equal(written, true, 'loadAll went on before the model findings were written');
  });
});
