import assert from 'node:assert/strict';
import type { CompletionList, WorkspaceEdit } from 'vscode-languageserver/node';
import { posOf, type Harness } from './harness';
import { C, C_FILE, MODEL, YAML, startWithFixtureOpen } from './fixture';

describe('language server: parameters outside what LSP allows', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startWithFixtureOpen();
  });
  after(async () => h.close());

  it('rename without a string newName is an InvalidParams error, never edits with newText null', async () => {
    for (const newName of [null, 42, undefined]) {
      const r = h.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'CTRL-001', 2), newName });
      await assert.rejects(r, (e: { code?: number }) => e.code === -32602, String(newName));
    }
  });

  it('completion at a negative position or below the last line returns nothing', async () => {
    const tag = posOf(C_FILE, '// @spdf implements CTRL-001');
    const ref = posOf(MODEL, 'controls: [CTRL-001]', 11);
    for (const [path, position] of [
      [C, { line: tag.line, character: -2 }],
      [C, { line: -1, character: 3 }],
      [C, { line: 0.5, character: 0 }],
      [C, { line: 100000, character: 0 }],
      [YAML, { line: ref.line, character: -3 }],
    ] as const) {
      const r = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(path) }, position });
      assert.deepEqual(r.items, [], JSON.stringify(position));
    }
  });

  it('completion past the end of a line completes at its end: no range outside the document', async () => {
    const at = posOf(C_FILE, '// @spdf implements CTRL-001');
    const lineLength = C_FILE.split('\n')[at.line].length;
    const r = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(C) }, position: { line: at.line, character: lineLength + 50 } });
    assert.ok(r.items.length > 0, 'completes the tag at the end of its line');
    for (const item of r.items) {
      const range = (item.textEdit as { range: { start: { character: number }; end: { character: number } } }).range;
      assert.ok(range.start.character >= 0 && range.start.character <= range.end.character && range.end.character <= lineLength, JSON.stringify(range));
    }
  });

  it('hover and definition at a negative position return nothing', async () => {
    assert.equal(await h.request('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: { line: -3, character: -1 } }), null);
    assert.equal(await h.request('textDocument/definition', { textDocument: { uri: h.uri(YAML) }, position: { line: posOf(MODEL, 'CTRL-001').line, character: -1 } }), null);
  });
});
