// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { CODE_RULES } from '../../src/server/lint-runs';
import { startHarness, until, type Harness } from './harness';
import { FILES, YAML } from './fixture';

const CODE_RULE_CODES = new Set(CODE_RULES.map((r) => r.meta.code));

interface Published {
  uri: string;
  diagnostics: Diagnostic[];
}

/** The notifications up to the first complete status, in the order the client received them. */
function startNotifications(h: Harness): { method: string; params: unknown }[] {
  const done = h.notifications.findIndex((n) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false);
  assert.ok(done >= 0, 'the first index completed');
  return h.notifications.slice(0, done + 1);
}

const isCodeIndexing = (n: { method: string; params: unknown }) => n.method === '$/progress' && (n.params as { value: { message?: string } }).value.message === 'indexing source files';

/** At start the model rules' findings are shown before the source files are indexed, and no file is shown clean before the code rules ran. */
describe('language server: first diagnostics before the code index', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness(FILES);
    await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false));
  });
  after(async () => h.close());

  it('publishes the model findings before it indexes source files', () => {
    const start = startNotifications(h);
    const indexing = start.findIndex(isCodeIndexing);
    const first = start.findIndex((n) => n.method === 'textDocument/publishDiagnostics');
    assert.ok(indexing > 0, 'progress reports the code index');
    assert.ok(first >= 0 && first < indexing, `first diagnostics at notification ${first}, code index at ${indexing}`);
    assert.equal((start[first].params as Published).uri, h.uri(YAML));
  });

  it('publishes early only non-empty lists without code-rule findings, each one the check changed repeated in full after it', () => {
    const start = startNotifications(h);
    const indexing = start.findIndex(isCodeIndexing);
    const early = start.slice(0, indexing).filter((n) => n.method === 'textDocument/publishDiagnostics');
    const late = start.slice(indexing).filter((n) => n.method === 'textDocument/publishDiagnostics');
    assert.ok(early.length > 0);
    for (const n of early) {
      const p = n.params as Published;
      assert.ok(p.diagnostics.length > 0, `${p.uri} is never shown clean before the code rules ran`);
      for (const d of p.diagnostics) assert.ok(!CODE_RULE_CODES.has(String(d.code)), `${String(d.code)} waits for the code index`);
      const full = late.map((x) => x.params as Published).find((x) => x.uri === p.uri);
      // A list the check left as it was is not sent again (test/server/early-diagnostics-once.test.ts).
      if (!full) continue;
      for (const d of p.diagnostics) assert.ok(full.diagnostics.some((x) => x.code === d.code && x.message === d.message && JSON.stringify(x.range) === JSON.stringify(d.range)));
    }
    // The complete list of the model file holds a code-rule finding too (SEC-REQ-002 has no code): the early list was partial, not final.
    const yaml = late.map((x) => x.params as Published).find((x) => x.uri === h.uri(YAML));
    assert.ok(yaml?.diagnostics.some((d) => CODE_RULE_CODES.has(String(d.code))));
  });
});

describe('language server: no early diagnostics with a baseline', function () {
  this.timeout(30000);
  it('waits for the complete findings when a baseline is configured (its matching needs them all)', async () => {
    const h = await startHarness({ ...FILES, 'spdf.config.yaml': 'version: 1\nprofile: recommended\nbaseline: spdf-baseline.json\n' });
    try {
      await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false));
      const start = startNotifications(h);
      const indexing = start.findIndex(isCodeIndexing);
      assert.ok(indexing > 0);
      assert.equal(start.slice(0, indexing).filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
    } finally {
      await h.close();
    }
  });
});
