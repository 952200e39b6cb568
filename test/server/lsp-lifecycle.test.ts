// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CodeLens, Hover, WorkspaceEdit } from 'vscode-languageserver/node';
import { pollUntil } from '../support/wait';
import { messageText, startHarness, posOf, type Harness } from './harness';
import { C, C_FILE, FILES, MODEL, YAML, startWithFixtureOpen } from './fixture';

describe('language server: edits, watchers, trust, review, progress, robustness', function () {
  this.timeout(30000);

  describe('trusted workspace', () => {
    let h: Harness;
    before(async () => {
      h = await startWithFixtureOpen();
    });
    after(async () => h.close());

    it('reports work-done progress while indexing', () => {
      const progress = h.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
      assert.equal(progress[0], 'begin');
      assert.equal(progress[progress.length - 1], 'end');
    });

    it('re-checks a code file as the user types: an unknown tag ID appears and goes away', async () => {
      const at = posOf(C_FILE, 'CTRL-001');
      h.change(C, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 8 } }, text: 'CTRL-00X' }]);
      const d = await h.waitDiagnostics(C, (x) => x.some((y) => y.code === 'CL001'));
      assert.deepEqual(d.find((y) => y.code === 'CL001')!.range.start, at);
      h.change(C, 3, [{ range: { start: at, end: { line: at.line, character: at.character + 8 } }, text: 'CTRL-001' }]);
      await h.waitDiagnostics(C, (x) => !x.some((y) => y.code === 'CL001'));
    });

    it('publishes every version of an edited document even when nothing changed', async function () {
      this.timeout(4 * 15000 + 5000);
      const body = posOf(C_FILE, 'return rate');
      for (let v = 4; v < 8; v++) {
        const wait = pollUntil(
          `diagnostics of ${C} published for version ${v}`,
          () => h.publishedVersions.get(h.uri(C)) === v,
          15000,
          () => h.publishedVersions.get(h.uri(C)),
        );
        h.change(C, v, [v % 2 === 0 ? { range: { start: body, end: body }, text: ' ' } : { range: { start: body, end: { line: body.line, character: body.character + 1 } }, text: '' }]);
        await wait;
      }
    });

    it('marks a link reviewed (writes spdf.lock.json), then a code change makes it suspect', async () => {
      const r = await h.request<{ ok: boolean; marked: number }>('spdf/markReviewed', {
        links: [{ id: 'SEC-REQ-001', relation: 'implements', file: C, symbol: 'verify_signature' }],
        reviewer: 'tester',
      });
      assert.equal(r.ok, true);
      assert.equal(r.marked, 1);
      const lock = JSON.parse(readFileSync(join(h.root, 'spdf.lock.json'), 'utf8'));
      assert.equal(lock.links[0].reviewer, 'tester');
      // the watcher event of the lock file arrives from the client in real life; here the server re-read it itself
      let lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(C) } });
      assert.ok(
        lenses.some((l) => /^SEC-REQ-001 · .*reviewed$/.test(l.command!.title)),
        lenses.map((l) => l.command!.title).join(' / '),
      );
      const body = posOf(C_FILE, 'msg[0] == 0x5a');
      h.change(C, 20, [{ range: { start: body, end: { line: body.line, character: body.character + 14 } }, text: 'msg[0] == 0x5b' }]);
      await h.waitDiagnostics(C, (x) => x.some((y) => y.code === 'CL006'));
      lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(C) } });
      assert.ok(
        lenses.some((l) => /^SEC-REQ-001 · .*suspect$/.test(l.command!.title)),
        lenses.map((l) => l.command!.title).join(' / '),
      );
      const tree = await h.request<{ rows: { id: string; status: string }[] }>('spdf/treeData', {});
      assert.equal(tree.rows.find((r) => r.id === 'SEC-REQ-001')!.status, 'SUSPECT');
      h.change(C, 21, [{ text: C_FILE }]);
      await h.waitDiagnostics(C, (x) => !x.some((y) => y.code === 'CL006'));
    });

    it('follows files created, changed and deleted on disk (watched files)', async () => {
      const extra = 'model/extra.spdf.yaml';
      writeFileSync(join(h.root, extra), 'controls:\n  - id: CTRL-404\n    title: Log rejected commands\n    type: technical\n');
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(extra), type: 1 }] });
      await h.waitDiagnostics(YAML, (x) => !x.some((y) => y.code === 'TM002'));
      unlinkSync(join(h.root, extra));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(extra), type: 3 }] });
      await h.waitDiagnostics(YAML, (x) => x.some((y) => y.code === 'TM002'));
    });

    it('an open document overrides the disk until it is closed', async () => {
      const edited = MODEL.replace('CTRL-404', 'CTRL-001');
      h.change(YAML, 30, [{ text: edited }]);
      await h.waitDiagnostics(YAML, (x) => !x.some((y) => y.code === 'TM002'));
      await h.client.sendNotification('textDocument/didClose', { textDocument: { uri: h.uri(YAML) } });
      await h.waitDiagnostics(YAML, (x) => x.some((y) => y.code === 'TM002'));
    });

    it('survives a handler that throws: the error is logged, the answer is empty, the server lives on', async () => {
      // A position far past the end of a code file and a bogus completion context.
      const r = await h.request('textDocument/codeAction', {
        textDocument: { uri: h.uri(YAML) },
        range: { start: { line: 1e6, character: 0 }, end: { line: 1e6, character: 0 } },
        context: { diagnostics: [{ range: null, message: 'x', source: 'spdf', code: 'TM002' }] },
      });
      assert.ok(Array.isArray(r), JSON.stringify(r));
      assert.ok(
        h.logs.some((l) => /codeAction failed/.test(l)),
        h.logs.join('\n'),
      );
      const hov = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'SEC-REQ-001', 1) });
      assert.ok(hov, 'a hover after the failed code action');
    });
  });

  describe('untrusted workspace', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ ...FILES, 'spdf.config.yaml': 'version: 1\nid_patterns: { requirement: "^(a+)+$" }\n' }, { trusted: false });
      await h.open(YAML);
      await h.waitDiagnostics(YAML, (d) => d.length > 0);
    });
    after(async () => h.close());

    it('still checks, hovers and navigates', async () => {
      const hov = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 2) });
      assert.match(JSON.stringify(hov.contents), /Authenticate dose commands/);
    });

    it('does not compile the config pattern (a hostile regex cannot hang the server)', async () => {
      const d = h.diagnostics.get(h.uri(YAML))!;
      assert.ok(!d.some((x) => x.code === 'TM003' && /SEC-REQ/.test(messageText(x))), JSON.stringify(d));
    });

    it('offers no write actions: no code actions, no rename, no mark-reviewed', async () => {
      const d = h.diagnostics.get(h.uri(YAML))!;
      const actions = await h.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(YAML) }, range: d[0].range, context: { diagnostics: d } });
      assert.deepEqual(actions, []);
      const prep = await h.request('textDocument/prepareRename', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 2) });
      assert.equal(prep, null);
      await assert.rejects(h.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 2), newName: 'SEC-REQ-009' }));
      const r = await h.request<{ ok: boolean }>('spdf/markReviewed', { id: 'SEC-REQ-001' });
      assert.equal(r.ok, false);
      assert.equal(existsSync(join(h.root, 'spdf.lock.json')), false);
    });

    it('becomes trusted when the client says so', async () => {
      await h.client.sendNotification('spdf/trust', { trusted: true });
      // now the config's own ID pattern applies (and flags the SEC-REQ IDs)
      const d = await h.waitDiagnostics(YAML, (x) => x.some((y) => y.code === 'TM003' && /SEC-REQ/.test(messageText(y))));
      const actions = await h.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(YAML) }, range: d[0].range, context: { diagnostics: d } });
      assert.notDeepEqual(actions, [], 'code actions in an untrusted workspace');
    });
  });
});
