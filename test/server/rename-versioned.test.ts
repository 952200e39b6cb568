// @spdf verifies SPDF-LSP-RENAME
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { startHarness } from './harness';

const CAPS = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: {} } };
const A = 'controls:\n  - id: CTRL-001\n    title: Signed\n    type: technical\n';
const B = 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-001]\n';

describe('language server: rename sends edits the client can reject when stale', function () {
  this.timeout(30000);

  it('names the version of an open document and null for a closed one', async () => {
    const h = await startHarness({ 'spdf.config.yaml': 'profile: recommended\n', 'a.spdf.yaml': A, 'b.spdf.yaml': B }, { capabilities: CAPS });
    try {
      await h.open('a.spdf.yaml');
      h.change('a.spdf.yaml', 3, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: ' x' }]);
      await h.waitDiagnostics('a.spdf.yaml', () => h.publishedVersions.get(h.uri('a.spdf.yaml')) === 3);
      const edit = await h.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: h.uri('a.spdf.yaml') }, position: { line: 1, character: 9 }, newName: 'CTRL-010' });
      const docs = (edit.documentChanges ?? []) as TextDocumentEdit[];
      assert.deepEqual(
        docs.map((d) => d.textDocument),
        [
          { uri: h.uri('a.spdf.yaml'), version: 3 },
          { uri: h.uri('b.spdf.yaml'), version: null },
        ],
        JSON.stringify(edit),
      );
      assert.equal(edit.changes, undefined);
    } finally {
      await h.close();
    }
  });

  // A closed file's edit (version null) is applied to the disk: changed there (git checkout) before the server heard of it, the ID was replaced at its old offsets.
  it('is refused while a closed model file on disk differs from the checked text', async () => {
    const h = await startHarness({ 'spdf.config.yaml': 'profile: recommended\n', 'a.spdf.yaml': A, 'b.spdf.yaml': B }, { capabilities: CAPS });
    try {
      await h.open('a.spdf.yaml');
      const at = { textDocument: { uri: h.uri('a.spdf.yaml') }, position: { line: 1, character: 9 } };
      const refs = await h.request<unknown[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
      assert.equal(refs.length, 2, 'the server has read b.spdf.yaml');
      writeFileSync(join(h.root, 'b.spdf.yaml'), `# checked out meanwhile\n${B}`);
      await assert.rejects(h.request('textDocument/rename', { ...at, newName: 'CTRL-010' }), /b\.spdf\.yaml changed since it was checked; try again/);
    } finally {
      await h.close();
    }
  });
});
