import assert from 'node:assert/strict';
import type { CodeLens, Hover } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { posOf, startHarness } from './harness';

const model = (id: string, title: string) => `requirements:\n  - id: ${id}\n    title: ${title}\n    text: T\n    controls: [CTRL-404]\n`;

describe('language server: multi-root workspaces', function () {
  this.timeout(30000);

  it('serves every workspace folder with its own config and state, routing each document to its folder', async () => {
    const h = await startHarness(
      {
        'a/spdf.config.yaml': 'profile: recommended\n',
        'a/m.spdf.yaml': model('SEC-REQ-001', 'Alpha title'),
        'b/spdf.config.yaml': 'profile: recommended\n',
        'b/m.spdf.yaml': model('SEC-REQ-001', 'Beta title'),
      },
      { folders: ['a', 'b'] },
    );
    try {
      await h.open('a/m.spdf.yaml');
      await h.open('b/m.spdf.yaml');
      const has = (d: { code?: unknown }[]) => d.some((x) => x.code === 'TM002');
      await h.waitDiagnostics('a/m.spdf.yaml', has);
      await h.waitDiagnostics('b/m.spdf.yaml', has);
      const text = model('SEC-REQ-001', 'Beta title');
      const hover = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri('b/m.spdf.yaml') }, position: posOf(text, 'SEC-REQ-001', 2) });
      assert.match(JSON.stringify(hover.contents), /Beta title/);
      const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri('b/m.spdf.yaml') } });
      assert.equal(lenses.length, 1, 'the second folder has its own model (the same ID in both is no duplicate)');
      for (const f of ['a/m.spdf.yaml', 'b/m.spdf.yaml'])
        assert.deepEqual(
          h.diagnostics.get(h.uri(f))?.filter((d) => d.code === 'TM001'),
          [],
          `${f}: no duplicate across roots`,
        );
    } finally {
      await h.close();
    }
  });

  it('serves a folder added while running and clears the diagnostics of a removed one', async () => {
    const h = await startHarness(
      { 'a/spdf.config.yaml': 'profile: recommended\n', 'a/m.spdf.yaml': model('SEC-REQ-001', 'A'), 'b/spdf.config.yaml': 'profile: recommended\n', 'b/m.spdf.yaml': model('SEC-REQ-001', 'B') },
      { folders: ['a'], capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {} } } },
    );
    try {
      const tm002 = (d: { code?: unknown }[]) => d.some((x) => x.code === 'TM002');
      await h.open('a/m.spdf.yaml');
      await h.waitDiagnostics('a/m.spdf.yaml', tm002);
      const folder = (f: string) => ({ uri: pathToFileURL(join(h.root, f)).href, name: f });
      await h.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder('b')], removed: [] } });
      await h.open('b/m.spdf.yaml');
      await h.waitDiagnostics('b/m.spdf.yaml', tm002);
      const cleared = h.waitDiagnostics('a/m.spdf.yaml', (d) => d.length === 0);
      await h.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder('a')] } });
      assert.deepEqual(await cleared, []);
    } finally {
      await h.close();
    }
  });
});
