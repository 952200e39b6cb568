// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { CODE_INDEX_CACHE_FILE } from '../../src/node/codeindex/code-index-cache';
import { tempWorkspace } from '../support/cli';

const code = (id: string) => `def set_rate(rate):\n    # @spdf implements ${id}\n    return rate\n`;
const ids = (r: Awaited<ReturnType<typeof buildCodeIndex>>) => r.files.flatMap((f) => f.links.map((l) => `${f.file} ${l.id}`));

describe('code index cache', () => {
  it('re-indexes a file rewritten with the same size and mtime (stamps never stand for content)', async () => {
    const root = tempWorkspace({ 'a.py': code('SEC-REQ-014') });
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, 'a.py'), hourAgo, hourAgo);
    await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    writeFileSync(join(root, 'a.py'), code('SEC-REQ-015'));
    utimesSync(join(root, 'a.py'), hourAgo, hourAgo);
    const after = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual(ids(after), ['a.py SEC-REQ-015']);
    assert.equal(after.stats.cached, 0);
  });

  it('reuses entries only for identical bytes, from the folder given', async () => {
    const root = tempWorkspace({ 'a.py': code('SEC-REQ-014') });
    const other = tempWorkspace({ 'a.py': code('SEC-REQ-999') });
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    await buildCodeIndex({ root: other, cache: true, cacheLocation, workers: 0 });
    const first = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([ids(first), first.stats.cached], [['a.py SEC-REQ-014'], 0]);
    const second = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([ids(second), second.stats.cached], [['a.py SEC-REQ-014'], 1]);
  });

  it('ignores a cache file altered after writing', async () => {
    const root = tempWorkspace({ 'a.py': code('SEC-REQ-014') });
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    const file = join(cacheLocation, CODE_INDEX_CACHE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('SEC-REQ-014', 'SEC-REQ-999'));
    const after = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([ids(after), after.stats.cached], [['a.py SEC-REQ-014'], 0]);
  });
});
