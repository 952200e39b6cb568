// @spdf verifies SPDF-LSP-PARITY
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { StatusSummary } from '../../src/protocol';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, type Harness } from './harness';
import { BASE } from './parity-workspace';

const CONFIG = 'spdf.config.yaml';
const LINK = 'model/outside.spdf.yaml';
const OUTSIDE = join(mkdtempSync(join(tmpdir(), 'spdf-walk-notes-')), 'outside.spdf.yaml');
writeFileSync(OUTSIDE, 'requirements: []\n');

const linkNote = (d: Diagnostic[]) => d.filter((x) => x.severity === 1 && messageText(x).startsWith(`${LINK}: `));
const statuses = (h: Harness) => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);

async function watched(h: Harness, path: string, type: 1 | 3): Promise<void> {
  await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
}

describe('language server: entries the workspace walk did not read are errors on spdf.config.yaml', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness(BASE, { prepare: (root) => symlinkSync(OUTSIDE, join(root, LINK)) });
    await until('the first complete status', () => statuses(h).some((s) => !s.indexing));
  });
  after(async () => h.close());

  it("shows a model file behind a link out of the root at 1:1 of the config, with spdf check's message, and counts it in the status", async () => {
    const [d] = linkNote(h.diagnostics.get(h.uri(CONFIG)) ?? []);
    assert.ok(d, JSON.stringify([...h.diagnostics]));
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
    const r = await runCli(['check', h.root, '--format', 'json']);
    const cli = (JSON.parse(r.stdout) as { offenders: { class: string; message: string }[] }).offenders.filter((o) => o.class === 'input').map((o) => o.message);
    assert.deepEqual(cli, [messageText(d)]);
    const s = statuses(h).find((x) => !x.indexing)!;
    assert.equal(s.inputProblems, 1);
    assert.ok(s.errors >= 1);
  });

  it('drops it when the link is deleted and shows it again when a link is created (watched files)', async () => {
    unlinkSync(join(h.root, LINK));
    await watched(h, LINK, 3);
    await h.waitDiagnostics(CONFIG, (d) => linkNote(d).length === 0);
    await until('a status without the input problem', () => statuses(h).at(-1)?.inputProblems === 0);
    symlinkSync(OUTSIDE, join(h.root, LINK));
    await watched(h, LINK, 1);
    await h.waitDiagnostics(CONFIG, (d) => linkNote(d).length === 1);
    await until('a status that counts it again', () => statuses(h).at(-1)?.inputProblems === 1);
  });

  it('drops it when the config excludes the link, and shows it when the exclusion goes', async () => {
    await h.open(CONFIG, `${BASE[CONFIG]}exclude: ['${LINK}']\n`);
    await h.waitDiagnostics(CONFIG, (d) => linkNote(d).length === 0);
    h.change(CONFIG, 2, [{ text: BASE[CONFIG] }]);
    await h.waitDiagnostics(CONFIG, (d) => linkNote(d).length === 1);
  });
});

describe('language server: a link created after the start stays an error through a config change', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness(BASE);
    await until('the first complete status', () => statuses(h).some((s) => !s.indexing));
  });
  after(async () => h.close());

  it('shows the created link, and still after spdf.config.yaml changes (the workspace is re-read)', async () => {
    symlinkSync(OUTSIDE, join(h.root, LINK));
    await watched(h, LINK, 1);
    await h.waitDiagnostics(CONFIG, (d) => linkNote(d).length === 1);
    writeFileSync(join(h.root, CONFIG), `${BASE[CONFIG]}exclued: []\n`);
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(CONFIG), type: 2 }] });
    const d = await h.waitDiagnostics(CONFIG, (x) => x.some((y) => messageText(y).includes('exclued')));
    assert.equal(linkNote(d).length, 1, JSON.stringify(d));
    const sent = statuses(h).length;
    await until('a status after those diagnostics', () => statuses(h).length > sent);
    assert.equal(statuses(h).at(-1)?.inputProblems, 1);
  });
});

describe('language server: walk notes per root', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    const inRoot = (dir: string) => Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`${dir}/${p}`, t]));
    h = await startHarness({ ...inRoot('a'), ...inRoot('b') }, { folders: ['a', 'b'], prepare: (root) => symlinkSync(join(root, 'nowhere'), join(root, 'b', LINK)) });
    await until('the first complete status', () => statuses(h).some((s) => !s.indexing));
  });
  after(async () => h.close());

  it('shows and counts the link to nothing in the root that holds it only', () => {
    assert.equal(linkNote(h.diagnostics.get(h.uri(`b/${CONFIG}`)) ?? []).length, 1);
    assert.equal(linkNote(h.diagnostics.get(h.uri(`a/${CONFIG}`)) ?? []).length, 0);
    assert.deepEqual(
      statuses(h)
        .find((x) => !x.indexing)
        ?.roots?.map((r) => r.inputProblems),
      [0, 1],
    );
  });
});
