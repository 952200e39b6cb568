// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { startHarness, until, type Harness } from './harness';
import { FILES, YAML } from './fixture';

/** A model file whose findings all come from model rules: the code rules add nothing to it. */
const THREATS = 'model/threats.spdf.yaml';

interface Published {
  uri: string;
  diagnostics: Diagnostic[];
}

const isDone = (n: { method: string; params: unknown }) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false;

function published(h: Harness, from = 0, to = h.notifications.length): Published[] {
  return h.notifications.slice(from, to).flatMap((n) => (n.method === 'textDocument/publishDiagnostics' ? [n.params as Published] : []));
}

/** The first index sends a file's early (model-rule) diagnostics again only when the check changed them. */
describe('language server: early diagnostics sent again only when the check changed them', function () {
  this.timeout(30000);

  it('sends a file the code rules add nothing to once, and what the client holds equals a full publish', async () => {
    const h = await startHarness({ ...FILES, [THREATS]: 'threats:\n  - id: THR-900\n    title: Tampering with the dose\n' });
    try {
      await until('the first complete status', () => h.notifications.some(isDone));
      const done = h.notifications.findIndex(isDone);
      const start = published(h, 0, done);
      const count = (path: string) => start.filter((p) => p.uri === h.uri(path)).length;
      assert.equal(count(THREATS), 1, 'the threats file: its early list is complete, sent once');
      assert.equal(count(YAML), 2, 'the model file the code rules add findings to: sent early and again');
      // What the client shows after start-up equals a publish of every file that has findings.
      const shown = new Map(h.diagnostics);
      const withFindings = [...shown].filter(([, d]) => d.length).map(([uri]) => uri);
      assert.ok(withFindings.includes(h.uri(THREATS)) && withFindings.includes(h.uri(YAML)));
      const before = h.notifications.length;
      await h.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await until('the forced publish', () => published(h, before).length >= withFindings.length);
      const forced = published(h, before);
      assert.deepEqual(forced.map((p) => p.uri).sort(), withFindings.sort());
      for (const p of forced) assert.deepEqual(p.diagnostics, shown.get(p.uri), `${p.uri}: shown as a full publish sends it`);
    } finally {
      await h.close();
    }
  });
});
