// @spdf verifies SPDF-LSP-EARLY-CACHE
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EarlyFindingsCache, EARLY_FINDINGS_FILE } from '../../src/node/early-findings-cache';
import { FsHost } from '../../src/node/fs-host';
import { sealBytes } from '../../src/node/sealed-bytes';
import { earlyFindings } from '../../src/server/early-findings';
import { WorkspaceState } from '../../src/server/state';
import type { Finding } from '../../src/core/types';
import { MODEL_NAMING_SBOM, SBOM_PATH } from '../support/sbom-model';
import { FILES, YAML } from './fixture';
import { startHarness, until } from './harness';

const FROM_CACHE = 'shown from the cache before the model is parsed';
const KEPT = 'kept for the next start';
const component = (name: string) => `{"bom-ref": "pkg:npm/${name}@1.0.0", "type": "library", "name": "${name}", "version": "1.0.0", "purl": "pkg:npm/${name}@1.0.0"}`;
const sbom = (names: string[]) =>
  `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-01-01T00:00:00Z", "authors": [{"name": "A"}]}, "components": [${names.map(component).join(', ')}]}\n`;

/** Fixture workspaces: findings of every kind the model rules report, load problems among them. */
const WORKSPACES: Record<string, Record<string, string>> = {
  'the server fixture (model and code findings)': FILES,
  'a model file that does not parse, beside one that does': { ...FILES, 'model/broken.spdf.yaml': 'requirements:\n  - id: SEC-REQ-900\n    title: [unclosed\n' },
  'a model file over the size limit': { ...FILES, 'spdf.config.yaml': 'version: 1\nlimits:\n  max_file_bytes: 2000\n', 'model/big.spdf.yaml': `# ${'x'.repeat(3000)}\nrequirements: []\n` },
  'an unreadable SBOM named by the model': { 'spdf.config.yaml': 'version: 1\n', 'model.spdf.yaml': MODEL_NAMING_SBOM, [SBOM_PATH]: sbom(['lodash']).slice(0, 60) },
  'a readable SBOM named by the model': { 'spdf.config.yaml': 'version: 1\n', 'model.spdf.yaml': MODEL_NAMING_SBOM, [SBOM_PATH]: sbom(['lodash']) },
  'a finding suppressed with a justification': {
    ...FILES,
    [YAML]: FILES[YAML].replace('    controls: [CTRL-404]', '    # spdf-disable-next-line TM002 -- the control is planned\n    controls: [CTRL-404]'),
  },
  'duplicate IDs across files and an unknown reference': {
    'spdf.config.yaml': 'version: 1\nprofile: strict\n',
    'a.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: One\n    controls: [CTRL-404]\n',
    'b.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Two\n',
  },
};

type Sent = { method: string; params: unknown };
const isDone = (n: Sent) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false;

/** One server start on `root`: every diagnostics and status message up to the first complete status, and the logs. */
async function serve(root: string, files: Record<string, string>, opts: { trusted?: boolean; open?: [string, string] } = {}): Promise<{ sent: string[]; logs: string[] }> {
  const h = await startHarness(files, { root, trusted: opts.trusted });
  try {
    if (opts.open) await h.open(opts.open[0], opts.open[1]);
    await until('the first complete status', () => h.notifications.some(isDone), 30000);
    // A start that stored nothing (untrusted, or shown from the cache) logs nothing of it.
    if (opts.trusted !== false && !h.logs.some((l) => l.includes(FROM_CACHE))) await until('the model findings kept', () => h.logs.some((l) => l.includes(KEPT)), 30000);
    const done = h.notifications.findIndex(isDone);
    const sent = h.notifications
      .slice(0, done + 1)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' || n.method === 'spdf/status')
      .map((n) => JSON.stringify(n).replaceAll(root, '<root>'));
    return { sent, logs: [...h.logs] };
  } finally {
    await h.close();
  }
}

describe('language server: a second start shows the model findings of unchanged inputs from the cache', function () {
  this.timeout(120000);
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'spdf-early-ws-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  for (const [name, files] of Object.entries(WORKSPACES)) {
    it(`${name}: the second start publishes exactly what the cold start published, in the same order`, async () => {
      const cold = await serve(root, files);
      assert.ok(!cold.logs.some((l) => l.includes(FROM_CACHE)), 'an empty cache: nothing from it');
      assert.ok(
        cold.sent.some((s) => s.includes('publishDiagnostics')),
        'the workspace has findings',
      );
      const second = await serve(root, files);
      assert.ok(
        second.logs.some((l) => l.includes(FROM_CACHE)),
        'the second start took the model findings from the cache',
      );
      assert.deepEqual(second.sent, cold.sent);
    });
  }

  it('a model file changed on disk since: not from the cache, and the new findings are shown', async () => {
    await serve(root, FILES);
    const changed = { ...FILES, [YAML]: FILES[YAML].replace('controls: [CTRL-404]', 'controls: [CTRL-405]') };
    const second = await serve(root, changed);
    assert.ok(!second.logs.some((l) => l.includes(FROM_CACHE)));
    assert.ok(second.sent.some((s) => s.includes('CTRL-405')) && !second.sent.some((s) => s.includes('CTRL-404')));
  });

  it("an open document's unsaved text wins over the cache of the bytes on disk", async () => {
    await serve(root, FILES);
    const unsaved = FILES[YAML].replace('controls: [CTRL-404]', 'controls: [CTRL-406]');
    const second = await serve(root, FILES, { open: [YAML, unsaved] });
    assert.ok(second.sent.some((s) => s.includes('CTRL-406')) && !second.sent.some((s) => s.includes('CTRL-404')));
  });
});

describe('early findings cache: a damaged, foreign or stale entry is a miss; untrusted workspaces neither read nor write', function () {
  this.timeout(60000);
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spdf-early-state-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'spdf-early-cache-'));
    write({
      'spdf.config.yaml': 'version: 1\n',
      'model.spdf.yaml': MODEL_NAMING_SBOM,
      [SBOM_PATH]: sbom(['lodash']),
      'more.spdf.yaml': 'requirements:\n  - id: SEC-REQ-002\n    title: Two\n    controls: [CTRL-404]\n',
    });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  function write(files: Record<string, string>): void {
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), t);
    }
  }

  /**
   * A first index: whether its early findings came from the cache, those findings, and the complete findings; then
   * (`edit`) those after an edit of a model file.
   */
  async function start(opts: { trusted?: boolean; overlay?: [string, string]; edit?: [string, string] } = {}): Promise<{ cached: boolean; early: string[]; complete: string[]; edited?: string[] }> {
    const state = new WorkspaceState(new FsHost(root), { root, trusted: opts.trusted ?? true, codeLinks: false, cacheDir });
    if (opts.overlay) state.overlays.set(...opts.overlay);
    let cached = false;
    let early: string[] = [];
    const text = (fs: Iterable<Finding>) => [...fs].map((f) => `${f.file}:${f.range.start.line}: ${f.code} ${f.message}`).sort();
    try {
      await state.loadAll(undefined, undefined, (byFile, fromCache) => {
        cached = !!fromCache;
        early = text([...byFile.values()].flat());
      });
      state.keepEarly?.();
      state.check();
      const complete = text(state.result.findings);
      if (!opts.edit) return { cached, early, complete };
      await state.setOverlay(...opts.edit);
      state.check();
      return { cached, early, complete, edited: text([...state.result.findings, ...state.result.suppressed]) };
    } finally {
      state.dispose();
    }
  }

  it('answers an unchanged workspace, with the findings the model rules report', async () => {
    const cold = await start();
    assert.equal(cold.cached, false);
    assert.ok(cold.early.some((f) => f.includes('CTRL-404')));
    const second = await start();
    assert.deepEqual(second, { ...cold, cached: true });
  });

  it('after a start from the cache, an edit of a model file gives the findings of a start without it', async () => {
    await start();
    const edit: [string, string] = ['more.spdf.yaml', 'requirements:\n  - id: SEC-REQ-002\n    title: Two\n    controls: [CTRL-408]\n'];
    const warm = await start({ edit });
    assert.equal(warm.cached, true);
    rmSync(join(cacheDir, EARLY_FINDINGS_FILE));
    const cold = await start({ edit });
    assert.equal(cold.cached, false);
    assert.deepEqual(warm.edited, cold.edited);
    assert.ok(cold.edited?.some((f) => f.includes('CTRL-408')));
  });

  it('a damaged entry (its seal no longer matches) is a miss', async () => {
    const cold = await start();
    const file = join(cacheDir, EARLY_FINDINGS_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('CTRL-404', 'CTRL-999'));
    assert.deepEqual(await start(), cold);
  });

  it("another key's entry (sealed and well formed) is a miss", async () => {
    const cold = await start();
    const forged: Finding = { code: 'RQ001', severity: 'error', message: 'forged', file: 'more.spdf.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    new EarlyFindingsCache(cacheDir).write('0'.repeat(64), new Map([['more.spdf.yaml', [forged]]]), []);
    assert.deepEqual(await start(), cold);
  });

  it('an entry of the first format (the answers stored as `sboms`) is not read with the meaning of the current one', async () => {
    const cold = await start();
    const file = join(cacheDir, EARLY_FINDINGS_FILE);
    const bytes = readFileSync(file);
    const current = JSON.parse(bytes.subarray(bytes.indexOf(10) + 1 + 32).toString('utf8')) as { key: string; answers?: string[]; sboms?: string[] };
    const forged: Finding = { code: 'RQ001', severity: 'error', message: 'forged', file: 'more.spdf.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const old = { key: current.key, sboms: current.answers ?? current.sboms, byFile: [['more.spdf.yaml', [forged]]] };
    rmSync(file);
    writeFileSync(join(cacheDir, 'early-findings-v1.bin'), sealBytes(Buffer.from('spdf-early-findings/1\n'), Buffer.from(JSON.stringify(old))));
    assert.deepEqual(await start(), cold);
  });

  it('an SBOM the model names, changed since (it is read after the model, outside the key): a miss', async () => {
    const cold = await start();
    writeFileSync(join(root, SBOM_PATH), sbom(['lodash']).slice(0, 60));
    const second = await start();
    assert.equal(second.cached, false);
    assert.notDeepEqual(second.early, cold.early, 'the broken SBOM is shown at once');
    rmSync(join(cacheDir, EARLY_FINDINGS_FILE));
    assert.deepEqual(await start(), second, 'as with an empty cache');
  });

  it('a model file changed on disk, or open with other unsaved text: a miss, with the findings of the text read', async () => {
    await start();
    const other = 'requirements:\n  - id: SEC-REQ-002\n    title: Two\n    controls: [CTRL-405]\n';
    const open = await start({ overlay: ['more.spdf.yaml', other] });
    assert.equal(open.cached, false);
    assert.ok(open.early.some((f) => f.includes('CTRL-405')) && !open.early.some((f) => f.includes('CTRL-404')));
    write({ 'more.spdf.yaml': other.replace('CTRL-405', 'CTRL-407') });
    const changed = await start();
    assert.equal(changed.cached, false);
    assert.ok(changed.early.some((f) => f.includes('CTRL-407')));
  });

  it('without an entry, the model files are hashed only for storing the findings, not before the first diagnostics', async () => {
    // Bytes that cannot be hashed stand for the model: hashing them throws, so the lookup must not reach them.
    const inputs = {
      trusted: true,
      codeLinks: false,
      files: ['m.spdf.yaml'],
      config: { bytes: undefined, problems: [] },
      lock: { version: 1, links: {} } as never,
      testResults: undefined,
      fileDates: undefined,
    };
    const unhashable = earlyFindings(cacheDir, { ...inputs, models: [['m.spdf.yaml', { bytes: {} as Uint8Array }]] });
    assert.equal(await unhashable?.stored(new FsHost(root), new Map(), new Set(), 1000), undefined);
    assert.throws(() => unhashable?.keep(new Map(), []), TypeError, 'storing hashes the model');
    const early = earlyFindings(cacheDir, { ...inputs, models: [['m.spdf.yaml', { bytes: Buffer.from('requirements: []\n') }]] });
    early?.keep(new Map([['m.spdf.yaml', []]]), []);
    assert.ok(readdirSync(cacheDir).includes(EARLY_FINDINGS_FILE), 'an entry was written');
    assert.deepEqual(
      await earlyFindings(cacheDir, { ...inputs, models: [['m.spdf.yaml', { bytes: Buffer.from('requirements: []\n') }]] })?.stored(new FsHost(root), new Map(), new Set(), 1000),
      new Map([['m.spdf.yaml', []]]),
    );
  });

  it('an untrusted workspace writes no entry and reads none', async () => {
    await start({ trusted: false });
    assert.ok(!readdirSync(cacheDir).includes(EARLY_FINDINGS_FILE), 'nothing written');
    await start();
    assert.equal((await start({ trusted: false })).cached, false, 'nothing read');
  });
});
