// @spdf verifies SPDF-LSP-UNSCANNED
import assert from 'node:assert/strict';
import { chmodSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { MemoryHost } from '../../src/core/host';
import { resolveConfig } from '../../src/core/model/config';
import type { StatusSummary } from '../../src/protocol';
import { ServerCodeIndex } from '../../src/server/code-index';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, type Harness } from './harness';
import { C, C_FILE, FILES } from './fixture';

const PREFIX = 'source file not scanned for tags: ';
const LIMIT = 4096;
const KT = 'firmware/rate.kt';
const KT_TEXT = 'package pump\n\n  // @spdf implements SEC-REQ-001\nfun rate() = 1\n';
const BIG = 'src/big.c';
const SECRET = 'src/secret.c';
/** Root reads a file whatever its mode: the unreadable case needs another user. */
const ROOT_USER = process.getuid?.() === 0;

/** Every unscanned source file of the fixture: where the editor must show it (0-based) and what the message says. */
const CASES: { file: string; text: string; line: number; character: number; says: RegExp; unreadable?: true }[] = [
  { file: KT, text: KT_TEXT, line: 2, character: 5, says: /^tag text at 3:6 .* a \.kt file, a language the code index does not parse/ },
  {
    file: BIG,
    text: `// @spdf implements SEC-REQ-001\nint big(void) { return 0; }\n${'/* padding */\n'.repeat(400)}`,
    line: 0,
    character: 0,
    says: /over the 4 KB limit; not scanned; raise code\.max_file_bytes/,
  },
  {
    file: SECRET,
    text: '// @spdf implements SEC-REQ-001\nint secret(void) { return 0; }\n',
    line: 0,
    character: 0,
    says: /^cannot read: .*EACCES.*; make it readable or exclude the file$/,
    unreadable: true,
  },
];
const SHOWN = CASES.filter((c) => !(c.unreadable && ROOT_USER));

const WORKSPACE: Record<string, string> = {
  ...FILES,
  'spdf.config.yaml': `version: 1\nprofile: recommended\ncode:\n  max_file_bytes: ${LIMIT}\n`,
  ...Object.fromEntries(CASES.map((c) => [c.file, c.text])),
};

const unscanned = (d: Diagnostic[]) => d.filter((x) => messageText(x).startsWith(PREFIX));
const statuses = (h: Harness) => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);

/** The diagnostics of `path` once `pred` holds for them: at once when the ones published last do. */
function shown(h: Harness, path: string, pred: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const now = h.diagnostics.get(h.uri(path));
  return now && pred(now) ? Promise.resolve(now) : h.waitDiagnostics(path, pred);
}

async function indexed(h: Harness): Promise<StatusSummary> {
  await until('the first complete status', () => statuses(h).some((s) => !s.indexing));
  return statuses(h).find((s) => !s.indexing)!;
}

async function changedOnDisk(h: Harness, path: string, text: string | undefined, type: 1 | 2 | 3): Promise<void> {
  if (text === undefined) unlinkSync(join(h.root, path));
  else writeFileSync(join(h.root, path), text);
  await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
}

describe('language server: source files it could not scan for tags are errors where spdf check reports them', function () {
  this.timeout(60000);
  let h: Harness;
  let first: StatusSummary;
  before(async () => {
    h = await startHarness(WORKSPACE, { prepare: (root) => chmodSync(join(root, SECRET), 0) });
    first = await indexed(h);
  });
  after(async () => h.close());

  for (const c of CASES)
    it(`shows ${c.file} after indexing at ${c.line + 1}:${c.character + 1}${c.unreadable ? ' (unreadable; skipped when run as root)' : ''}`, async function () {
      if (c.unreadable && ROOT_USER) this.skip();
      const [d] = unscanned(await shown(h, c.file, (x) => unscanned(x).length > 0));
      assert.deepEqual(d.range.start, { line: c.line, character: c.character });
      assert.equal(d.severity, 1, 'an error');
      assert.match(messageText(d).slice(PREFIX.length), c.says);
    });

  it('counts them in the status, as errors', () => {
    assert.equal(first.unscanned, SHOWN.length);
    assert.ok(first.errors >= SHOWN.length, JSON.stringify(first));
    assert.equal(first.roots?.[0].unscanned, SHOWN.length);
  });

  it('shows exactly the places and messages spdf check --format json reports as unscanned input problems', async () => {
    const r = await runCli(['check', h.root, '--format', 'json', '--min-coverage', '0']);
    const cli = (JSON.parse(r.stdout) as { offenders: { class: string; message: string; file?: string; line?: number; column?: number }[] }).offenders
      .filter((o) => o.class === 'input' && o.message.startsWith(PREFIX))
      .map((o) => `${o.file}:${o.line}:${o.column} ${o.message}`)
      .sort();
    const server = [...h.diagnostics]
      .flatMap(([uri, ds]) => unscanned(ds).map((d) => `${uri.slice(h.uri('x').length - 1)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${messageText(d)}`))
      .sort();
    assert.equal(cli.length, SHOWN.length, r.stdout);
    assert.deepEqual(server, cli);
  });

  it('drops the diagnostic when the tag is removed from the .kt file on disk, and shows it again at the new place', async () => {
    await changedOnDisk(h, KT, 'package pump\n\nfun rate() = 1\n', 2);
    await h.waitDiagnostics(KT, (d) => unscanned(d).length === 0);
    await changedOnDisk(h, KT, 'package pump\n// @spdf verifies SEC-REQ-001\n', 2);
    const [d] = unscanned(await h.waitDiagnostics(KT, (x) => unscanned(x).length > 0));
    assert.deepEqual(d.range.start, { line: 1, character: 3 });
  });

  it('drops it when the oversize file is deleted, and shows a new one that is created', async () => {
    await changedOnDisk(h, BIG, undefined, 3);
    await h.waitDiagnostics(BIG, (d) => d.length === 0);
    await changedOnDisk(h, 'src/created.swift', '// @spdf implements SEC-REQ-001\n', 1);
    const [d] = unscanned(await h.waitDiagnostics('src/created.swift', (x) => unscanned(x).length > 0));
    assert.deepEqual(d.range.start, { line: 0, character: 3 });
  });

  it('shows an open document that grows over code.max_file_bytes, and drops it when it shrinks under', async () => {
    await h.open(C, C_FILE);
    const padding = `/*${'x'.repeat(LIMIT)}*/\n`;
    h.change(C, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: padding }]);
    const [d] = unscanned(await h.waitDiagnostics(C, (x) => unscanned(x).length > 0));
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
    assert.match(messageText(d), /over the 4 KB limit/);
    // The .kt file, the created .swift file (the oversize one is gone), and now the open document.
    await until('a status that counts the open document', () => statuses(h).at(-1)?.unscanned === SHOWN.length + 1);
    h.change(C, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    await h.waitDiagnostics(C, (x) => unscanned(x).length === 0);
    await until('a status that counts the open document no more', () => statuses(h).at(-1)?.unscanned === SHOWN.length);
  });
});

describe('language server: unscanned source files per root', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    const inRoot = (dir: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, t]) => [`${dir}/${p}`, t]));
    h = await startHarness({ ...inRoot('a', FILES), ...inRoot('b', { ...FILES, [KT]: KT_TEXT }) }, { folders: ['a', 'b'] });
    await indexed(h);
  });
  after(async () => h.close());

  it('counts and shows the .kt file in the root that holds it only', async () => {
    await shown(h, `b/${KT}`, (x) => unscanned(x).length > 0);
    const s = statuses(h).find((x) => !x.indexing)!;
    assert.deepEqual(
      s.roots?.map((r) => r.unscanned),
      [0, 1],
    );
  });
});

describe('server code index: a source file it cannot read is noted as the CLI notes it (runs as root too)', () => {
  const text = CASES.find((c) => c.unreadable)!.text;
  const files = new Map([
    [SECRET, text],
    [C, C_FILE],
  ]);
  const denied = new MemoryHost(files, new Set([SECRET]));

  it('notes it when indexing and when it changes, and forgets it once it is read or deleted', async () => {
    const code = new ServerCodeIndex(resolveConfig(undefined).config);
    try {
      await code.indexAll('.', denied, [...files.keys()]);
      assert.deepEqual([...code.unscanned.values()], [{ file: SECRET, kind: 'unreadable', message: `cannot read: EACCES: permission denied, open '${SECRET}'` }]);
      assert.ok(code.files.has(C) && !code.files.has(SECRET));
      assert.equal(await code.refresh(SECRET, new MemoryHost(files), undefined), text);
      assert.equal(code.unscanned.size, 0);
      assert.ok(code.files.get(SECRET)?.tags.length);
      assert.equal(await code.refresh(SECRET, denied, undefined), undefined);
      assert.equal(code.unscanned.get(SECRET)?.kind, 'unreadable');
      assert.ok(!code.files.has(SECRET), 'the index of a file that cannot be read is dropped');
      code.remove(SECRET);
      assert.equal(code.unscanned.size, 0);
    } finally {
      code.dispose();
    }
  });
});
