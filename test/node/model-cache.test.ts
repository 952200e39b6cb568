// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { FsHost } from '../../src/node/fs-host';
import { decodeModelCache, DiskModelCache, encodeModelCache, MODEL_CACHE_FILE } from '../../src/node/model-cache';
import { tempWorkspace } from '../support/cli';

const MODEL = `zones:
  - &z {id: Z-A, name: A, class: it}
threats:
  - id: THR-001
    title: Spoofed command
    controls: [CTRL-404]
    # spdf-disable-next-line TR001 -- categorised in the supplier model
    targets: [Z-A]
`;

async function run(root: string, dir: string, trusted = true) {
  const cache = new DiskModelCache(dir);
  const ws = await loadWorkspace(new FsHost(root), { fileCache: cache, trusted });
  cache.save();
  const result = lint({ graph: ws.graph, config: ws.config, allFiles: ws.allFiles });
  const summary = result.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.code} ${f.message}`);
  return { stats: cache.stats, summary, suppressed: result.suppressed.length, ws };
}

const cacheDir = () => mkdtempSync(join(tmpdir(), 'spdf-model-cache-'));

describe('model cache', () => {
  it('a warm run reuses unchanged files and reports exactly what a cold run reports', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const dir = cacheDir();
    const cold = await run(root, dir);
    const warm = await run(root, dir);
    assert.equal(cold.stats.hits, 0);
    assert.equal(warm.stats.hits, 1);
    assert.deepEqual(warm.summary, cold.summary);
    assert.equal(warm.suppressed, cold.suppressed);
    assert.ok(
      cold.summary.some((s) => s.includes('TM002')),
      cold.summary.join('\n'),
    );
    const ref = warm.ws.graph.refs.find((r) => r.id === 'CTRL-404')!;
    assert.equal(warm.ws.graph.fileByPath.get('m.spdf.yaml')!.source.text.slice(ref.node.start, ref.node.end), 'CTRL-404', 'offsets still index the text');
  });

  it('reloads a changed file and ignores a corrupt cache', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const dir = cacheDir();
    await run(root, dir);
    writeFileSync(join(root, 'm.spdf.yaml'), MODEL.replace('CTRL-404', 'CTRL-405'));
    const changed = await run(root, dir);
    assert.equal(changed.stats.hits, 0);
    assert.ok(
      changed.summary.some((s) => s.includes("'CTRL-405'")),
      changed.summary.join('\n'),
    );
    writeFileSync(join(dir, MODEL_CACHE_FILE), 'not a cache file');
    const afterCorruption = await run(root, dir);
    assert.equal(afterCorruption.stats.hits, 0);
    assert.deepEqual(afterCorruption.summary, changed.summary);
  });

  it('a changed limit is a miss', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const dir = cacheDir();
    await run(root, dir);
    writeFileSync(join(root, 'spdf.config.yaml'), 'profile: all\nlimits: {max_aliases: 7}\n');
    assert.equal((await run(root, dir)).stats.hits, 0);
  });

  it('ignores a tampered entry whose key matches the bytes but whose content came from other bytes', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const other = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL.replace('CTRL-404', 'CTRL-999') });
    const dir = cacheDir();
    const otherDir = cacheDir();
    const honest = await run(root, dir);
    await run(other, otherDir);
    const mine = decodeModelCache(readFileSync(join(dir, MODEL_CACHE_FILE)))!;
    const theirs = decodeModelCache(readFileSync(join(otherDir, MODEL_CACHE_FILE)))!;
    const forged = { ...theirs.entries!.get('m.spdf.yaml')!, sha256: mine.entries!.get('m.spdf.yaml')!.sha256 };
    writeFileSync(join(dir, MODEL_CACHE_FILE), encodeModelCache({ tool: mine.tool!, entries: new Map([['m.spdf.yaml', forged]]) }));
    const after = await run(root, dir);
    assert.deepEqual([after.stats.hits, after.stats.rejected], [0, 1]);
    assert.deepEqual(after.summary, honest.summary);
    assert.deepEqual(
      after.summary.filter((s) => s.includes('CTRL-999')),
      [],
    );
  });

  it('ignores a cache file whose bytes were altered after writing', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const dir = cacheDir();
    const honest = await run(root, dir);
    const file = readFileSync(join(dir, MODEL_CACHE_FILE));
    const at = file.lastIndexOf('CTRL-404');
    assert.ok(at > 0, `CTRL-404 at offset ${at} of the cache file`);
    file.write('CTRL-999', at);
    writeFileSync(join(dir, MODEL_CACHE_FILE), file);
    const after = await run(root, dir);
    assert.equal(after.stats.hits, 0);
    assert.deepEqual(after.summary, honest.summary);
  });

  it('an untrusted load neither reads nor writes the cache', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const dir = cacheDir();
    await run(root, dir);
    const before = readFileSync(join(dir, MODEL_CACHE_FILE));
    const untrusted = await run(root, dir, false);
    assert.deepEqual(untrusted.stats, { hits: 0, misses: 0, rejected: 0 });
    assert.deepEqual(readFileSync(join(dir, MODEL_CACHE_FILE)), before);
  });
});
