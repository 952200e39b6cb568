// @spdf verifies SPDF-FC-EMPTY-EVIDENCE
/**
 * The CLI reports a test's evidence file that holds no text as VT002 and the items the test verifies as PARTIAL; the
 * editor did not size evidence files and showed them verified. It gives the same findings and statuses, follows the
 * file as it changes, and a second start does not show the findings stored for another content of the file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Matrix } from '../../src/core/matrix/model';
import type { StatusSummary } from '../../src/protocol';
import { FsHost } from '../../src/node/fs-host';
import { WorkspaceState } from '../../src/server/state';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, type Harness } from './harness';
import { BASE, MODEL } from './parity-workspace';

const EVIDENCE = 'reports/tc-001.log';
const files = (evidence: string): Record<string, string> => ({ ...BASE, [MODEL]: `${BASE[MODEL]}    evidence: ../${EVIDENCE}\n`, [EVIDENCE]: evidence });

const vt002 = (ds: Diagnostic[] | undefined) => (ds ?? []).filter((d) => d.code === 'VT002').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`);

async function complete(h: Harness): Promise<void> {
  await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
}

async function statusOf(h: Harness): Promise<string | undefined> {
  const m = await h.request<Matrix>('spdf/traceMatrix', { views: ['requirements'] });
  return m.views.requirements?.rows.find((r) => r.id === 'REQ-001')?.status;
}

/** VT002 places and REQ-001's status as `spdf check` and `spdf trace` give them. */
async function cli(root: string): Promise<{ vt002: string[]; status: string | undefined }> {
  const lint = JSON.parse((await runCli(['lint', root, '--format', 'json'])).stdout) as { findings: { code: string; file: string; line: number; column: number }[] };
  const trace = JSON.parse((await runCli(['trace', root, '--format', 'json'])).stdout) as Matrix;
  return {
    vt002: lint.findings.filter((f) => f.code === 'VT002' && f.file === MODEL).map((f) => `${f.line}:${f.column}`),
    status: trace.views.requirements?.rows.find((r) => r.id === 'REQ-001')?.status,
  };
}

describe('language server: an evidence file that holds no text (VT002, PARTIAL as in spdf check)', function () {
  this.timeout(60000);

  for (const [name, bytes] of [
    ['empty', ''],
    ['white space only', ' \n\t\r\n'],
    ['a byte-order mark and a newline', '\ufeff\n'],
    ['UTF-16LE, a byte-order mark and CRLF (PowerShell 5 output of nothing)', Buffer.from([0xff, 0xfe, 0x0d, 0, 0x0a, 0])],
    ['3,000 blank lines (longer than the first read of a file)', '\n'.repeat(3000)],
  ] as const)
    it(`${name}: the same VT002 and status as the CLI`, async () => {
      const h = await startHarness(files('PASS\n'), { prepare: (root) => writeFileSync(join(root, EVIDENCE), bytes) });
      try {
        await complete(h);
        const want = await cli(h.root);
        assert.equal(want.status, 'PARTIAL');
        assert.equal(want.vt002.length, 1);
        assert.deepEqual(vt002(h.diagnostics.get(h.uri(MODEL))), want.vt002);
        assert.equal(await statusOf(h), want.status);
      } finally {
        await h.close();
      }
    });

  it('a FIFO as the evidence file (never read: it would block): the same VT002 and PARTIAL as the CLI', async function () {
    if (process.platform === 'win32') this.skip();
    const h = await startHarness(files('PASS\n'), { prepare: (root) => (rmSync(join(root, EVIDENCE)), execFileSync('mkfifo', [join(root, EVIDENCE)])) });
    try {
      await complete(h);
      const want = await cli(h.root);
      assert.deepEqual(want, { vt002: ['12:15'], status: 'PARTIAL' });
      assert.deepEqual(vt002(h.diagnostics.get(h.uri(MODEL))), want.vt002);
      assert.equal(await statusOf(h), want.status);
    } finally {
      await h.close();
    }
  });

  it('follows the evidence file: written, emptied, deleted, and its open document', async () => {
    const h = await startHarness(files('PASS\n'));
    try {
      await complete(h);
      assert.deepEqual(vt002(h.diagnostics.get(h.uri(MODEL))), []);
      assert.equal(await statusOf(h), 'OK');
      const shows = (n: number) => until(`${n} VT002 on the model`, () => vt002(h.diagnostics.get(h.uri(MODEL))).length === n);
      const changed = async (type: number) => h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(EVIDENCE), type }] });
      writeFileSync(join(h.root, EVIDENCE), '');
      await changed(2);
      await shows(1);
      assert.equal(await statusOf(h), 'PARTIAL');
      writeFileSync(join(h.root, EVIDENCE), 'PASS\n');
      await changed(2);
      await shows(0);
      rmSync(join(h.root, EVIDENCE));
      await changed(3);
      await shows(1);
      writeFileSync(join(h.root, EVIDENCE), '\n');
      await changed(1);
      await until('VT002 on the created empty file', () => vt002(h.diagnostics.get(h.uri(MODEL))).length === 1 && h.diagnostics.get(h.uri(MODEL))!.some((d) => messageText(d).includes('empty')));
      await h.open(EVIDENCE, 'PASS\n', 'plaintext');
      await shows(0);
    } finally {
      await h.close();
    }
  });

  // A test's evidence path is looked up from the root first, then from the model file's folder (src/core/model/evidence-files.ts).
  const ROOT_PATH = 'reports/tc-001.log';
  const FOLDER_PATH = 'model/reports/tc-001.log';
  const CANDIDATES: { name: string; before: Record<string, string>; change: [string, string | undefined]; vt002: number }[] = [
    { name: 'created where the path names it from the root', before: {}, change: [ROOT_PATH, 'PASS\n'], vt002: 0 },
    { name: "created where the path names it from the model file's folder", before: {}, change: [FOLDER_PATH, 'PASS\n'], vt002: 0 },
    { name: "created blank from the root, over one with text in the model file's folder", before: { [FOLDER_PATH]: 'PASS\n' }, change: [ROOT_PATH, ' \n'], vt002: 1 },
    { name: "deleted from the root, leaving one with text in the model file's folder", before: { [ROOT_PATH]: '', [FOLDER_PATH]: 'PASS\n' }, change: [ROOT_PATH, undefined], vt002: 0 },
    { name: "deleted from the model file's folder, leaving none", before: { [FOLDER_PATH]: 'PASS\n' }, change: [FOLDER_PATH, undefined], vt002: 1 },
  ];
  for (const c of CANDIDATES)
    it(`an evidence file ${c.name}: the findings follow at once, as the CLI's`, async () => {
      const h = await startHarness({ ...BASE, [MODEL]: `${BASE[MODEL]}    evidence: ${ROOT_PATH}\n`, ...c.before });
      try {
        await complete(h);
        const [at, text] = c.change;
        const watched = JSON.stringify(h.registrations.filter((r) => r.method === 'client/registerCapability').map((r) => r.params));
        assert.ok(watched.includes(`"**/${at}"`), `the client is asked to watch ${at}: ${watched}`);
        assert.equal(vt002(h.diagnostics.get(h.uri(MODEL))).length, 1 - c.vt002, 'before the change');
        if (text === undefined) rmSync(join(h.root, at));
        else {
          mkdirSync(dirname(join(h.root, at)), { recursive: true });
          writeFileSync(join(h.root, at), text);
        }
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(at), type: text === undefined ? 3 : 1 }] });
        await until(`${c.vt002} VT002 on the model`, () => vt002(h.diagnostics.get(h.uri(MODEL))).length === c.vt002);
        const want = await cli(h.root);
        assert.equal(want.vt002.length, c.vt002);
        assert.equal(await statusOf(h), want.status);
      } finally {
        await h.close();
      }
    });

  it('follows the model: an edit that names an empty evidence file, and the edit undone', async () => {
    const h = await startHarness({ ...files('PASS\n'), 'reports/blank.log': '' });
    try {
      await complete(h);
      const text = h.files[MODEL];
      await h.open(MODEL, text);
      const shows = (n: number) => until(`${n} VT002 on the model`, () => vt002(h.diagnostics.get(h.uri(MODEL))).length === n);
      await shows(0);
      h.change(MODEL, 2, [{ text: text.replace(EVIDENCE, 'reports/blank.log') }]);
      await shows(1);
      h.change(MODEL, 3, [{ text }]);
      await shows(0);
    } finally {
      await h.close();
    }
  });

  it('a second start shows no findings stored for another content of the evidence file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spdf-early-evidence-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'spdf-early-evidence-cache-'));
    /** A first index: whether its early model findings came from the cache, and its early VT002 findings. */
    const start = async (): Promise<{ cached: boolean; early: string[] }> => {
      const state = new WorkspaceState(new FsHost(root), { root, trusted: true, codeLinks: false, cacheDir });
      let [cached, early]: [boolean, string[]] = [false, []];
      try {
        await state.loadAll(undefined, undefined, (byFile, fromCache) => {
          cached = !!fromCache;
          early = [...byFile.values()]
            .flat()
            .filter((f) => f.code === 'VT002')
            .map((f) => f.message);
        });
        state.keepEarly?.();
        return { cached, early };
      } finally {
        state.dispose();
      }
    };
    try {
      for (const [p, t] of Object.entries(files('PASS\n'))) {
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), t);
      }
      assert.deepEqual(await start(), { cached: false, early: [] });
      assert.deepEqual(await start(), { cached: true, early: [] }, 'the same inputs answer from the cache');
      writeFileSync(join(root, EVIDENCE), ' \n');
      const emptied = await start();
      assert.equal(emptied.cached, false, 'an emptied evidence file is a miss');
      assert.equal(emptied.early.length, 1);
      assert.deepEqual(await start(), { ...emptied, cached: true });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });
});
