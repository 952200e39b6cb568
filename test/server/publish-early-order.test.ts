// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/types';
import type { Root } from '../../src/server/session';
import { publisherOver } from '../support/publisher-session';

const FILES = ['model/a.spdf.yaml', 'model/b.spdf.yaml', 'model/c.spdf.yaml'];

function finding(file: string, line: number): Finding {
  return { code: 'TM001', severity: 'warning', message: `requirement at ${line} has no verification`, file, range: { start: { line, character: 2 }, end: { line, character: 9 } } };
}

describe("language server: the model findings of a first index go out file by file, each message its file's complete set", () => {
  it('the first file is sent before the next files are, and each later file only once the message before it is written', async () => {
    const pending: (() => void)[] = [];
    const written = () => new Promise<void>((resolve) => pending.push(resolve));
    const root = { paths: { root: '/ws', toUri: (path: string) => `file:///ws/${path}` }, state: undefined } as unknown as Root;
    const { publisher, sent } = publisherOver([root], written);
    const byFile = new Map(FILES.map((f, i) => [f, [finding(f, 1), finding(f, 2 + i)]]));
    let settled = false;
    const done = publisher.publishEarly(root, byFile).then(() => (settled = true));
    for (let i = 0; i < FILES.length; i++) {
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(
        sent.map((p) => p.uri),
        FILES.slice(0, i + 1).map((f) => `file:///ws/${f}`),
        `while message ${i + 1} is being written`,
      );
      assert.equal(sent[i].diagnostics.length, 2, 'a complete set per message');
      assert.equal(settled, false);
      pending[i]();
    }
    await done;
    assert.equal(sent.length, FILES.length);
  });
});
