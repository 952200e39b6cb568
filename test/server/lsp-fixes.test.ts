// @spdf verifies SPDF-LSP-ACTIONS
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { messageText, startHarness, type Harness } from './harness';

const CONFIG = "profile: recommended\nexclude: ['archive/**']\n";
const MODEL = 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-00Z]\ncontrols:\n  - id: CTRL-001\n    title: Signed\n    type: technical\n';
const CAPS = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: {}, codeAction: { disabledSupport: true } } };

async function actionsFor(h: Harness, path: string, code: string): Promise<CodeAction[]> {
  const has = (x: Diagnostic[] | undefined) => !!x?.some((y) => y.code === code);
  const published = h.diagnostics.get(h.uri(path));
  const d = (has(published) ? published! : await h.waitDiagnostics(path, has)).filter((x) => x.code === code);
  return h.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(path) }, range: d[0].range, context: { diagnostics: d } });
}

describe('language server: quick fixes that never damage a model, files outside the model', function () {
  this.timeout(30000);

  it('offers "did you mean" first and preferred, as a versioned document edit', async () => {
    const h = await startHarness({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': MODEL }, { capabilities: CAPS });
    try {
      await h.open('m.spdf.yaml');
      h.change('m.spdf.yaml', 2, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, text: 'x' }]);
      await h.waitDiagnostics('m.spdf.yaml', () => h.publishedVersions.get(h.uri('m.spdf.yaml')) === 2);
      const actions = await actionsFor(h, 'm.spdf.yaml', 'TM002');
      assert.equal(actions[0].title, "Change to 'CTRL-001'");
      assert.equal(actions[0].isPreferred, true);
      assert.deepEqual(
        actions
          .slice(1)
          .filter((a) => a.isPreferred)
          .map((a) => a.title),
        [],
        'only the first action is preferred',
      );
      const edit = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(edit.textDocument, { uri: h.uri('m.spdf.yaml'), version: 2 });
      assert.equal((edit.edits[0] as { newText: string }).newText, 'CTRL-001');
    } finally {
      await h.close();
    }
  });

  it('for a suspect link offers "Mark link reviewed" first and preferred, before the suppression', async () => {
    const lock =
      '{"version":1,"links":[{"id":"SEC-REQ-014","relation":"implements","file":"src/dose.c","symbol":"dose_set_rate","codeHash":"0000000000000000","targetHash":"0000000000000000","reviewer":"j.doe","date":"2026-01-01"}]}\n';
    const h = await startHarness(
      {
        'spdf.config.yaml': 'profile: recommended\n',
        'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n    text: T\n',
        'src/dose.c': '// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n',
        'spdf.lock.json': lock,
      },
      { capabilities: CAPS },
    );
    try {
      await h.open('src/dose.c', undefined, 'c');
      const actions = (await actionsFor(h, 'src/dose.c', 'CL006')).filter((a) => a.kind === 'quickfix');
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Mark link reviewed: implements SEC-REQ-014', 'Suppress CL006 on this line (with a justification)'],
      );
      assert.equal(actions[0].isPreferred, true);
      assert.deepEqual(actions[0].command?.arguments, [{ id: 'SEC-REQ-014', relation: 'implements', file: 'src/dose.c', symbol: 'dose_set_rate' }]);
    } finally {
      await h.close();
    }
  });

  /** Files that mean part of the model or config was not read, and where the withheld fix says it is. */
  const BLOCKERS: [string, Record<string, string>, RegExp][] = [
    ['a model file has load errors', { 'broken.spdf.yaml': 'controls:\n  - id: CTRL-002\n    title: [unclosed\n' }, /broken\.spdf\.yaml:\d+:\d+ TM000/],
    ['a file named like a model file is not read (TM013)', { 'more.spdf.yml': 'controls:\n  - id: CTRL-00Z\n    title: Unread\n' }, /more\.spdf\.yml:1:1 TM013/],
    ["a sub-project's config is not applied (TM014)", { 'pump/spdf.config.yaml': 'rules: {TM002: off}\n', 'pump/m.spdf.yaml': 'hazards: []\n' }, /pump\/spdf\.config\.yaml:1:1 TM014/],
  ];

  for (const [name, files, reason] of BLOCKERS)
    it(`withholds every fix while ${name}, saying where`, async () => {
      const h = await startHarness({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': MODEL, ...files }, { capabilities: CAPS });
      try {
        await h.open('m.spdf.yaml');
        const fixes = (await actionsFor(h, 'm.spdf.yaml', 'TM002')).filter((a) => !a.title.startsWith('Suppress'));
        assert.notDeepEqual(fixes, [], 'a TM002 fix, disabled');
        for (const a of fixes) {
          assert.equal(a.edit, undefined, a.title);
          assert.match(a.disabled!.reason, reason);
        }
      } finally {
        await h.close();
      }
    });

  it('an open model file that the config excludes gets a TM012 warning, cleared when it closes', async () => {
    const h = await startHarness({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': MODEL, 'archive/old.spdf.yaml': 'hazards: [unclosed\n' }, { capabilities: CAPS });
    try {
      await h.open('archive/old.spdf.yaml');
      const d: Diagnostic[] = await h.waitDiagnostics('archive/old.spdf.yaml', (x) => x.length > 0);
      assert.deepEqual(
        d.map((x) => [x.code, x.severity, x.range.start.line, x.range.start.character]),
        [['TM012', 2, 0, 0]],
      );
      assert.match(messageText(d[0]), /matches `exclude` pattern 'archive\/\*\*'.*not checked/);
      assert.deepEqual(await actionsFor(h, 'archive/old.spdf.yaml', 'TM012'), [], 'a suppression comment in a file nobody reads would do nothing');
      await h.client.sendNotification('textDocument/didClose', { textDocument: { uri: h.uri('archive/old.spdf.yaml') } });
      await h.waitDiagnostics('archive/old.spdf.yaml', (x) => x.length === 0);
    } finally {
      await h.close();
    }
  });
});
