// @spdf verifies SPDF-FC-SYMLINK
/**
 * A model or source file the first walk listed, replaced on disk by a FIFO while the editor runs: the language server
 * must not wait for a writer that never comes (the whole server would hang), and shows the file as not read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { messageText, startHarness, until } from './harness';
import { BASE, MODEL } from './parity-workspace';

const NOT_REGULAR = 'not a regular file (a FIFO, socket or device)';

describe('language server: a listed input replaced by a FIFO', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  for (const [name, path] of [
    ['a model file', MODEL],
    ['a tagged source file', 'src/a.c'],
  ] as const)
    for (const type of [1, 2])
      it(`${name}, reported as ${type === 1 ? 'created' : 'changed'}: the server answers and shows it as not read`, async () => {
        const h = await startHarness(BASE);
        try {
          await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false));
          rmSync(join(h.root, path));
          execFileSync('mkfifo', [join(h.root, path)]);
          await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
          await until(`an error on ${path} saying it is not a regular file`, () => (h.diagnostics.get(h.uri(path)) ?? []).some((d) => d.severity === 1 && messageText(d).includes(NOT_REGULAR)));
          const symbols = await h.request<unknown[]>('workspace/symbol', { query: '' });
          assert.ok(Array.isArray(symbols), 'the server still answers requests');
        } finally {
          await h.close();
        }
      });
});
