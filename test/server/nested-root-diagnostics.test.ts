// @spdf verifies SPDF-LSP-MULTIROOT
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startHarness } from './harness';

/**
 * A root folder and its sub-folder with a config of its own, both open as workspace folders: the root's run reads the
 * sub-folder's files too (under the root's config), and both roots published diagnostics for them, each replacing the
 * other's. The innermost root that owns a file (whose config applies to it) publishes it alone.
 */
const MODEL = (id: string) => `requirements:\n  - id: ${id}\n    title: T\n    text: T\n    controls: [CTRL-404]\n`;

describe('language server: a workspace folder inside another', function () {
  this.timeout(30000);

  for (const folders of [
    ['.', 'sub'],
    ['sub', '.'],
  ])
    it(`folders ${folders.join(', ')}: the sub-folder's files are published by the sub-folder's root alone`, async () => {
      const h = await startHarness(
        {
          'spdf.config.yaml': 'profile: recommended\nrules: {TM002: warning}\n',
          'm.spdf.yaml': MODEL('SEC-REQ-001'),
          'sub/spdf.config.yaml': 'profile: recommended\n',
          'sub/m.spdf.yaml': MODEL('SEC-REQ-101'),
        },
        { folders },
      );
      try {
        const tm002 = (severity: number) => (d: Diagnostic[]) => d.some((x) => x.code === 'TM002' && x.severity === severity);
        await h.waitDiagnostics('m.spdf.yaml', tm002(2));
        await h.waitDiagnostics('sub/m.spdf.yaml', tm002(1));
        // The outer root does not apply the sub-folder's config (TM014): the sub-folder's root shows that on it too.
        await h.waitDiagnostics('sub/spdf.config.yaml', (d) => d.some((x) => x.code === 'TM014' && x.severity === 1 && x.range.start.line === 0));
        // Every notification of the passes that published these was written before the answer to a later request.
        await h.request('spdf/treeData', {});
        const published = h.notifications
          .filter((n) => n.method === 'textDocument/publishDiagnostics')
          .map((n) => n.params as PublishDiagnosticsParams)
          .filter((p) => p.uri === h.uri('sub/m.spdf.yaml'));
        assert.ok(published.length > 0);
        for (const p of published)
          assert.deepEqual(
            p.diagnostics.filter((d) => d.code === 'TM002').map((d) => d.severity),
            [1],
            `published under the root's config: ${JSON.stringify(p.diagnostics)}`,
          );
      } finally {
        await h.close();
      }
    });
});
