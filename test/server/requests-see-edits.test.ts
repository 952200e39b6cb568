// @spdf verifies SPDF-LSP-CURRENT
import assert from 'node:assert/strict';
import type { CodeLens, DocumentSymbol, Hover, Location } from 'vscode-languageserver/node';
import type { Matrix } from '../../src/core/matrix/model';
import { posOf, type Harness } from './harness';
import { MODEL, YAML, startWithFixtureOpen } from './fixture';

/** An edit that moves every item two lines down and renames a test's verified requirement (its status changes). */
const EDITED = `# moved\n# down\n${MODEL.replace('verifies: [SEC-REQ-001]', 'verifies: [SEC-REQ-002]').replace('    tests: [TC-001]\n', '')}`;

/**
 * Each request is sent right after an edit, before the diagnostics run that follows it: the answer must be about
 * the edited text (positions in its lines, statuses from its links), never the text before the edit.
 */
const CASES: { name: string; ask: (h: Harness) => Promise<unknown>; expect: (answer: unknown) => void }[] = [
  {
    name: 'code lenses',
    ask: (h) => h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(YAML) } }),
    expect: (a) => {
      const lens = (a as CodeLens[]).find((l) => l.range.start.line === posOf(EDITED, 'TC-001').line);
      assert.equal(lens?.command?.title, 'pass · verifies 1 item');
    },
  },
  {
    name: 'document symbols',
    ask: (h) => h.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: h.uri(YAML) } }),
    expect: (a) => assert.equal((a as DocumentSymbol[]).find((s) => s.name.startsWith('TC-001'))?.selectionRange.start.line, posOf(EDITED, 'TC-001').line),
  },
  {
    name: 'hover',
    ask: (h) => h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(EDITED, 'SEC-REQ-002', 2, 1) }),
    expect: (a) => assert.match(JSON.stringify((a as Hover).contents), /Log rejected commands/),
  },
  {
    name: 'definition',
    ask: (h) => h.request<Location[]>('textDocument/definition', { textDocument: { uri: h.uri(YAML) }, position: posOf(EDITED, 'SEC-REQ-002', 2, 1) }),
    expect: (a) => assert.deepEqual((a as Location[])[0]?.range.start, posOf(EDITED, 'SEC-REQ-002')),
  },
  {
    name: 'trace matrix (the requirements panel, its exports)',
    ask: (h) => h.request<Matrix>('spdf/traceMatrix', { views: ['requirements'] }),
    expect: (a) => {
      const rows = (a as Matrix).views.requirements!.rows;
      assert.deepEqual(
        rows.map((r) => `${r.id} ${r.line}`),
        ['SEC-REQ-001', 'SEC-REQ-002'].map((id) => `${id} ${posOf(EDITED, `id: ${id}`).line + 1}`),
      );
      assert.notEqual(rows.find((r) => r.id === 'SEC-REQ-001')?.status, 'OK', 'its only test now verifies another requirement');
    },
  },
];

describe('language server: a request right after an edit answers for the edited text', function () {
  this.timeout(60000);
  for (const c of CASES)
    it(c.name, async () => {
      const h = await startWithFixtureOpen();
      try {
        h.change(YAML, 2, [{ text: EDITED }]);
        c.expect(await c.ask(h));
      } finally {
        await h.close();
      }
    });
});
