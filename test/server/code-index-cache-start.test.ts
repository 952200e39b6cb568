// @spdf verifies SPDF-LSP-INDEX-CACHE
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workspaceCacheDir } from '../../src/node/cache-location';
import { CODE_INDEX_CACHE_DIR } from '../../src/node/codeindex/code-index-cache';
import { FsHost } from '../../src/node/fs-host';
import { WorkspaceState } from '../../src/server/state';
import { startHarness, until } from './harness';

const SOURCE = 'src/pump.c';
const tagged = (id: string) => `/* @spdf implements ${id} */\nint dose(int rate)\n{\n    return rate;\n}\n`;
const FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\n',
  'model/r.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: R1\n    text: The pump shall dose.\n  - id: SEC-REQ-002\n    title: R2\n    text: The pump shall stop.\n',
  [SOURCE]: tagged('SEC-REQ-001'),
};

function write(root: string, files: Record<string, string>): void {
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), t);
  }
}

describe('language server: a second start reuses the code index of unchanged source files', function () {
  this.timeout(60000);
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spdf-index-cache-ws-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'spdf-index-cache-'));
    write(root, FILES);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** One start of a workspace state (a server start's first index): what it parsed, took from the cache, and linked. */
  async function start(opts: { trusted?: boolean; overlay?: string } = {}): Promise<{ parsed: number; cached: number; links: string[] }> {
    const state = new WorkspaceState(new FsHost(root), { root, trusted: opts.trusted ?? true, codeLinks: true, cacheDir });
    if (opts.overlay !== undefined) state.overlays.set(SOURCE, opts.overlay);
    try {
      await state.loadAll();
      state.check();
      return { parsed: state.code.stats!.parsed, cached: state.code.stats!.cached, links: state.code.links().map((l) => `${l.file} ${l.id}`) };
    } finally {
      state.dispose();
    }
  }

  it('takes an unchanged file from the cache, parses a changed one, and indexes equally either way', async () => {
    assert.deepEqual(await start(), { parsed: 1, cached: 0, links: [`${SOURCE} SEC-REQ-001`] });
    assert.deepEqual(await start(), { parsed: 0, cached: 1, links: [`${SOURCE} SEC-REQ-001`] }, 'second start: from the cache');
    writeFileSync(join(root, SOURCE), tagged('SEC-REQ-002'));
    assert.deepEqual(await start(), { parsed: 1, cached: 0, links: [`${SOURCE} SEC-REQ-002`] }, 'other bytes: parsed again');
  });

  it('parses again when the cache was altered (a shard that is not the one written is a miss, never an answer)', async () => {
    await start();
    const shards = join(cacheDir, CODE_INDEX_CACHE_DIR);
    const files = readdirSync(shards);
    assert.ok(files.length > 0, 'the first start wrote the cache');
    // The stored index edited to link another requirement: its seal (the SHA-256 on its first line) no longer matches.
    let edited = 0;
    for (const f of files) {
      const text = readFileSync(join(shards, f), 'utf8');
      if (text.includes('SEC-REQ-001')) edited++;
      writeFileSync(join(shards, f), text.replaceAll('SEC-REQ-001', 'SEC-REQ-002'));
    }
    assert.equal(edited, 1);
    assert.deepEqual(await start(), { parsed: 1, cached: 0, links: [`${SOURCE} SEC-REQ-001`] });
  });

  it("indexes an open document from its editor text, not from the cache of the file's bytes on disk", async () => {
    await start();
    assert.deepEqual((await start({ overlay: tagged('SEC-REQ-002') })).links, [`${SOURCE} SEC-REQ-002`]);
  });

  it('reads and writes no cache for an untrusted workspace', async () => {
    await start({ trusted: false });
    assert.deepEqual(readdirSync(cacheDir), [], 'nothing written');
    await start();
    assert.equal((await start({ trusted: false })).cached, 0, 'nothing read');
  });

  for (const trusted of [true, false]) {
    it(`the server keeps its cache in its own folder of the workspace's user cache folder (${trusted ? 'trusted' : 'untrusted: none'})`, async () => {
      const h = await startHarness(FILES, { trusted });
      try {
        await until('the first index', () => h.logs.some((l) => l.includes('indexed ')));
        const dir = workspaceCacheDir(h.root);
        assert.ok(dir);
        assert.equal(existsSync(join(dir, 'editor', CODE_INDEX_CACHE_DIR)), trusted);
        // The CLI's own shards (keyed by its bundle) are not overwritten by the server's.
        assert.equal(existsSync(join(dir, CODE_INDEX_CACHE_DIR)), false);
      } finally {
        await h.close();
      }
    });
  }
});
