// @spdf verifies SPDF-FC-CACHE
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspaceCacheDir } from '../../src/node/cache-location';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { CODE_INDEX_CACHE_DIR } from '../../src/node/codeindex/code-index-cache';
import { removeStaleCaches } from '../../src/node/codeindex/stale-caches';
import { CODE_FINDINGS_CACHE_FILE, FINDINGS_CACHE_FILE } from '../../src/node/findings-cache';

function put(file: string, text = 'x'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const listing = (dir: string): string[] => fs.readdirSync(dir, { recursive: true }).map(String).sort();

describe('stale cache files of older builds', () => {
  let tmp: string;
  let base: string;
  let dir: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-stale-'));
    base = path.join(tmp, 'user-cache');
    dir = path.join(base, 'workspaces', 'abc');
    put(path.join(dir, 'model-v2.bin'));
    put(path.join(dir, 'codelinks-v3.json'));
    put(path.join(dir, 'codelinks-v4', '00.json'));
    put(path.join(dir, 'codelinks-v4', '31.json'));
    put(path.join(dir, 'codelinks-v5', '00.json'));
    put(path.join(dir, CODE_INDEX_CACHE_DIR, '00.json'));
    put(path.join(dir, 'findings-v1.bin'));
    put(path.join(dir, FINDINGS_CACHE_FILE));
    put(path.join(dir, CODE_FINDINGS_CACHE_FILE));
    put(path.join(dir, 'notes.txt'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('removes only the known leftovers from a workspace folder of the user cache', async () => {
    assert.deepEqual((await removeStaleCaches(dir, base)).sort(), ['codelinks-v3.json', 'codelinks-v4', 'codelinks-v5', 'findings-v1.bin', 'model-v2.bin']);
    assert.deepEqual(listing(dir), [CODE_FINDINGS_CACHE_FILE, CODE_INDEX_CACHE_DIR, path.join(CODE_INDEX_CACHE_DIR, '00.json'), FINDINGS_CACHE_FILE, 'notes.txt'].sort());
  });

  it('touches nothing in a folder the user chose (--cache-location)', async () => {
    const chosen = path.join(tmp, 'chosen');
    fs.cpSync(dir, chosen, { recursive: true });
    const before = listing(chosen);
    assert.deepEqual(await removeStaleCaches(chosen, base), []);
    assert.deepEqual(listing(chosen), before);
  });

  it('never follows nor removes a symbolic link, and keeps a folder holding anything but shards', async () => {
    const outside = path.join(tmp, 'outside');
    put(path.join(outside, '00.json'));
    put(path.join(outside, 'model-v2.bin'));
    fs.rmSync(path.join(dir, 'codelinks-v4'), { recursive: true });
    fs.rmSync(path.join(dir, 'model-v2.bin'));
    fs.symlinkSync(outside, path.join(dir, 'codelinks-v4'));
    fs.symlinkSync(path.join(outside, 'model-v2.bin'), path.join(dir, 'model-v2.bin'));
    const other = path.join(base, 'workspaces', 'def');
    put(path.join(other, 'codelinks-v4', '00.json'));
    put(path.join(other, 'codelinks-v4', 'mine.txt'));
    assert.deepEqual((await removeStaleCaches(dir, base)).sort(), ['codelinks-v3.json', 'codelinks-v5', 'findings-v1.bin']);
    assert.deepEqual(listing(outside), ['00.json', 'model-v2.bin']);
    assert.ok(fs.lstatSync(path.join(dir, 'codelinks-v4')).isSymbolicLink());
    assert.deepEqual(await removeStaleCaches(other, base), []);
    assert.deepEqual(listing(path.join(other, 'codelinks-v4')), ['mine.txt']);
  });

  it('is done by a run that parses with the user cache folder', async function () {
    this.timeout(60_000);
    const root = path.join(tmp, 'ws');
    put(path.join(root, 'a.py'), 'def f():\n    # @spdf implements SEC-REQ-1\n    return 1\n');
    const folder = workspaceCacheDir(root)!;
    put(path.join(folder, 'model-v2.bin'));
    put(path.join(folder, 'codelinks-v4', '07.json'));
    const result = await buildCodeIndex({ root, cache: true, workers: 0 });
    assert.equal(result.stats.parsed, 1);
    assert.deepEqual(fs.readdirSync(folder).sort(), [CODE_INDEX_CACHE_DIR]);
  });
});
