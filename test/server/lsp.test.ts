// @spdf verifies SPDF-LSP-ACTIONS, SPDF-LSP-COMPL, SPDF-LSP-DIAG, SPDF-LSP-HOVER, SPDF-LSP-LENS, SPDF-LSP-LINKS, SPDF-LSP-NAV, SPDF-LSP-RENAME, SPDF-LSP-SYMBOLS, SPDF-LSP-TREE
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, CompletionList, DocumentLink, DocumentSymbol, Hover, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver/node';
import { posOf, type Harness } from './harness';
import { C, C_FILE, MODEL, YAML, startWithFixtureOpen } from './fixture';

describe('language server (in-process)', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startWithFixtureOpen();
  });
  after(async () => h.close());

  it('publishes diagnostics with rule code, docs link and source', async () => {
    const d = h.diagnostics.get(h.uri(YAML))!;
    const tm002 = d.find((x) => x.code === 'TM002');
    assert.ok(tm002, JSON.stringify(d));
    assert.equal(tm002.source, 'spdf');
    assert.match(tm002.codeDescription!.href, /rules\.md#tm002-dangling-reference$/);
    assert.deepEqual(tm002.range.start, posOf(MODEL, 'CTRL-404'));
  });

  it('hovers an item ID, a reference, a key and a code tag', async () => {
    const onId = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 2) });
    assert.match(JSON.stringify(onId.contents), /Authenticate dose commands/);
    const onRef = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'CTRL-001', 1) });
    assert.match(JSON.stringify(onRef.contents), /Signed dose commands/);
    const onKey = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'derived_from', 1) });
    assert.match(JSON.stringify(onKey.contents), /derived from/i);
    const onTag = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'SEC-REQ-001', 3) });
    assert.match(JSON.stringify(onTag.contents), /Authenticate dose commands/);
  });

  it('goes to the definition from a YAML reference and from a code tag', async () => {
    const fromRef = await h.request<Location[]>('textDocument/definition', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'CTRL-001', 1) });
    assert.equal(fromRef[0].uri, h.uri(YAML));
    assert.deepEqual(fromRef[0].range.start, posOf(MODEL, 'CTRL-001', 0, 1));
    const fromTag = await h.request<Location[]>('textDocument/definition', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'SEC-REQ-001', 1) });
    assert.deepEqual(fromTag[0].range.start, posOf(MODEL, 'SEC-REQ-001'));
  });

  it('finds references in YAML and code', async () => {
    const refs = await h.request<Location[]>('textDocument/references', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 1), context: { includeDeclaration: true } });
    const uris = refs.map((r) => r.uri);
    assert.ok(uris.includes(h.uri(C)), JSON.stringify(refs));
    assert.equal(refs.filter((r) => r.uri === h.uri(YAML)).length, 2, JSON.stringify(refs)); // definition + TC-001 verifies
  });

  it('renames an ID across YAML and code in one WorkspaceEdit', async () => {
    const prep = await h.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'CTRL-001', 2) });
    assert.equal(prep.placeholder, 'CTRL-001');
    const edit = await h.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'CTRL-001', 2), newName: 'CTRL-010' });
    const yamlEdits = edit.changes![h.uri(YAML)];
    const cEdits = edit.changes![h.uri(C)];
    assert.equal(yamlEdits.length, 3, JSON.stringify(yamlEdits)); // definition, threat.controls, requirement.controls
    assert.equal(cEdits.length, 1, JSON.stringify(cEdits));
    assert.deepEqual(
      yamlEdits.map((e) => e.newText),
      ['CTRL-010', 'CTRL-010', 'CTRL-010'],
    );
    await assert.rejects(h.request('textDocument/rename', { textDocument: { uri: h.uri(C) }, position: posOf(C_FILE, 'CTRL-001', 2), newName: 'SEC-REQ-001' }));
  });

  it('completes IDs of the right kind, enum values and keys', async () => {
    const text = MODEL.replace('    controls: [CTRL-404]', '    controls: [CTRL-404, ]\n    status: ');
    h.change(YAML, 2, [{ text }]);
    const at = posOf(text, 'CTRL-404, ', 10);
    const ids = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(YAML) }, position: at });
    assert.deepEqual(
      ids.items.map((i) => i.label),
      ['CTRL-001'],
    );
    const st = posOf(text, 'status: ', 8);
    const enums = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(YAML) }, position: st });
    assert.deepEqual(
      enums.items.map((i) => i.label),
      ['draft', 'approved', 'obsolete'],
    );
    const withKey = text.replace('    status: ', '    ver');
    h.change(YAML, 3, [{ text: withKey }]);
    const kp = posOf(withKey, '    ver', 7);
    const keys = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(YAML) }, position: kp });
    const labels = keys.items.map((i) => i.label);
    assert.ok(labels.includes('verification') && labels.includes('sl') && !labels.includes('title'), labels.join(','));
    h.change(YAML, 4, [{ text: MODEL }]);
  });

  it('completes relations and IDs inside code tags', async () => {
    const text = C_FILE.replace('// @spdf implements CTRL-001', '// @spdf ');
    h.change(C, 2, [{ text }]);
    const rel = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(C) }, position: posOf(text, '// @spdf ', 9) });
    assert.deepEqual(
      rel.items.map((i) => i.label),
      ['implements', 'verifies', 'mitigates', 'hazard'],
    );
    const t2 = C_FILE.replace('// @spdf implements CTRL-001', '// @spdf mitigates T');
    h.change(C, 3, [{ text: t2 }]);
    const ids = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(C) }, position: posOf(t2, 'mitigates T', 11) });
    assert.deepEqual(
      ids.items.map((i) => i.label),
      ['THR-001'],
    );
    h.change(C, 4, [{ text: C_FILE }]);
  });

  it('hovers and completes rule codes in suppression comments', async () => {
    const text = MODEL.replace('    controls: [CTRL-404]', '    # spdf-disable-next-line TM002, \n    controls: [CTRL-404]');
    h.change(YAML, 20, [{ text }]);
    const hov = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(text, 'TM002, ', 2) });
    assert.match(JSON.stringify(hov.contents), /dangling-reference/);
    const comp = await h.request<CompletionList>('textDocument/completion', { textDocument: { uri: h.uri(YAML) }, position: posOf(text, 'TM002, ', 7) });
    assert.ok(
      comp.items.some((i) => i.label === 'ZC004'),
      comp.items.map((i) => i.label).join(','),
    );
    h.change(YAML, 21, [{ text: MODEL }]);
  });

  it('lists document and workspace symbols', async () => {
    const syms = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: h.uri(YAML) } });
    assert.deepEqual(
      syms.map((s) => s.name),
      ['Z-DEVICE', 'AST-PUMP', 'THR-001', 'HAZ-001', 'CTRL-001', 'SEC-REQ-001', 'SEC-REQ-002', 'TC-001'],
    );
    const ws = await h.request<SymbolInformation[]>('workspace/symbol', { query: 'sec-req' });
    assert.deepEqual(
      ws.map((s) => s.name),
      ['SEC-REQ-001', 'SEC-REQ-002'],
    );
  });

  it('links evidence paths', async () => {
    const links = await h.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: h.uri(YAML) } });
    assert.equal(links.length, 1, JSON.stringify(links));
    assert.equal(links[0].target, h.uri('reports/tc-001.xml'));
  });

  it('shows code lenses on YAML items and linked symbols', async () => {
    const y = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(YAML) } });
    const req1 = y.find((l) => l.range.start.line === posOf(MODEL, 'SEC-REQ-001').line)!;
    assert.equal(req1.command!.title, 'OK · 1 implementing · 1 test · 2 refs');
    const c = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(C) } });
    const titles = c.map((l) => l.command!.title);
    assert.ok(titles.includes('SEC-REQ-001 · 1 test'), titles.join(' / '));
  });

  it('shows short code lenses on zones, assets and tests too, without repeating the ID', async () => {
    const y = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(YAML) } });
    const at = (id: string) => y.find((l) => l.range.start.line === posOf(MODEL, `id: ${id}`).line)?.command?.title;
    assert.equal(at('Z-DEVICE'), '1 asset');
    assert.equal(at('AST-PUMP'), '1 threat');
    assert.equal(at('TC-001'), 'pass · verifies 1 item');
    for (const l of y) assert.ok(l.command!.title.length <= 60 && !/\b([A-Z]+-[A-Z0-9-]+)\b.*\b\1\b/.test(l.command!.title), l.command!.title);
  });

  it('offers the core fix, suggestions and a suppression as quick fixes', async () => {
    const d = h.diagnostics.get(h.uri(YAML))!.filter((x) => x.code === 'TM002');
    const actions = await h.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(YAML) }, range: d[0].range, context: { diagnostics: d } });
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => /Create a control stub 'CTRL-404'/.test(t)),
      titles.join(' / '),
    );
    assert.ok(
      titles.some((t) => /Change to 'CTRL-001'/.test(t)),
      titles.join(' / '),
    );
    const sup = actions.find((a) => /Suppress TM002/.test(a.title))!;
    const edit = sup.edit!.changes![h.uri(YAML)][0];
    assert.equal(edit.newText, '    # spdf-disable-next-line TM002 -- \n');
  });

  it('offers insert-tag and mark-reviewed actions in code, and inserts a tag', async () => {
    const actions = await h.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: h.uri(C) },
      range: { start: posOf(C_FILE, 'SEC-REQ-001', 1), end: posOf(C_FILE, 'SEC-REQ-001', 1) },
      context: { diagnostics: [] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => t.startsWith('Mark link reviewed: implements SEC-REQ-001')),
      titles.join(' / '),
    );
    assert.ok(titles.includes('Insert @spdf tag…'), titles.join(' / '));
    const r = await h.request<{ edit: { range: { start: { line: number } }; newText: string } }>('spdf/insertTagEdit', {
      uri: h.uri(C),
      line: posOf(C_FILE, 'return rate').line,
      relation: 'mitigates',
      id: 'THR-001',
    });
    assert.equal(r.edit.newText, '// @spdf mitigates THR-001\n');
    assert.equal(r.edit.range.start.line, posOf(C_FILE, 'int apply_dose').line);
  });

  it('answers tree data with statuses, children and coverage', async () => {
    const t = await h.request<{ rows: { id: string; status: string; children: { kind: string; label: string }[] }[]; coverage: { percent: number } }>('spdf/treeData', {});
    const byId = Object.fromEntries(t.rows.map((r) => [r.id, r]));
    assert.equal(byId['SEC-REQ-001'].status, 'OK');
    assert.equal(byId['SEC-REQ-002'].status, 'ERROR');
    const kinds = byId['SEC-REQ-001'].children.map((c) => `${c.kind}:${c.label}`);
    assert.deepEqual(
      ['threat:THR-001', 'hazard:HAZ-001', 'symbol:verify_signature', 'test:TC-001'].filter((k) => !kinds.includes(k)),
      [],
      kinds.join(','),
    );
    assert.equal(t.coverage.percent, 50);
    const f = await h.request<{ rows: unknown[] }>('spdf/treeData', { filter: { minHazardSeverity: 5 } });
    assert.equal(f.rows.length, 1, JSON.stringify(f.rows));
  });

  it('sends a status summary', async () => {
    const s = h.notifications.filter((n) => n.method === 'spdf/status').pop()!.params as { indexing: boolean; errors: number; coverage: { total: number } };
    assert.equal(s.coverage.total, 2);
    assert.ok(s.errors >= 1, `errors: ${s.errors}`);
  });

  it('re-checks an edited YAML file incrementally and publishes the new diagnostics', async () => {
    const fixed = MODEL.replace('CTRL-404', 'CTRL-001');
    h.change(YAML, 10, [{ range: { start: posOf(MODEL, 'CTRL-404'), end: posOf(MODEL, 'CTRL-404', 8) }, text: 'CTRL-001' }]);
    const d = await h.waitDiagnostics(YAML, (x) => !x.some((y) => y.code === 'TM002'));
    assert.deepEqual(
      d.filter((y) => y.code === 'TM002'),
      [],
    );
    h.change(YAML, 11, [{ text: MODEL }]);
    await h.waitDiagnostics(YAML, (x) => x.some((y) => y.code === 'TM002'));
    void fixed;
  });

  it('survives a throwing handler and garbage input', async () => {
    const r = await h.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.yaml' }, position: { line: 99, character: 99 } });
    assert.equal(r, null);
    const bad = await h.request('textDocument/completion', { textDocument: { uri: h.uri(YAML) }, position: { line: -5, character: 1e9 } });
    assert.ok(bad, 'a completion answer for a position outside the file');
    const hov = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri(YAML) }, position: posOf(MODEL, 'SEC-REQ-001', 2) });
    assert.ok(hov, 'a hover at SEC-REQ-001 after garbage input');
  });
});
