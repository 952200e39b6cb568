// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { types } from 'node:util';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { CODE_INDEX_CACHE_DIR, shardOf } from '../../src/node/codeindex/code-index-cache';
import { derivedReadSink } from '../../src/node/derived-reads';
import { InputRecorder } from '../../src/node/result-cache-recorder';
import { checkPath } from '../../src/node/workspace';
import { runCli, tempWorkspace } from '../support/cli';

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
    for (const shard of readdirSync(join(cacheLocation, CODE_INDEX_CACHE_DIR))) {
      const file = join(cacheLocation, CODE_INDEX_CACHE_DIR, shard);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('SEC-REQ-014', 'SEC-REQ-999'));
    }
    const after = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([ids(after), after.stats.cached], [['a.py SEC-REQ-014'], 0]);
  });

  it('ignores an intact entry found in a shard its path does not hash to', async () => {
    const root = tempWorkspace({ 'a.py': code('SEC-REQ-014') });
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    const dir = join(cacheLocation, CODE_INDEX_CACHE_DIR);
    const own = `${String(shardOf('a.py')).padStart(2, '0')}.json`;
    const other = `${String((shardOf('a.py') + 1) % 32).padStart(2, '0')}.json`;
    // Moved, sealed anew: only the shard it sits in is wrong.
    const body = readFileSync(join(dir, own), 'utf8').split('\n').slice(1).join('\n');
    writeFileSync(join(dir, other), `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    rmSync(join(dir, own));
    const after = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([ids(after), after.stats.cached], [['a.py SEC-REQ-014'], 0]);
    const again = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.equal(again.stats.cached, 1, 'the entry the last run wrote to its own shard answers');
  });

  it('one changed source file rewrites only its own shard of the cache', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/m${i}.py`] = code(`SEC-REQ-${i}`);
    const root = tempWorkspace(files);
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    const dir = join(cacheLocation, CODE_INDEX_CACHE_DIR);
    const before = new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    const old = new Date(Date.now() - 3_600_000);
    for (const f of before.keys()) utimesSync(join(dir, f), old, old);
    writeFileSync(join(root, 'src/m7.py'), code('SEC-REQ-700'));
    const after = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.equal(after.stats.cached, 39);
    const rewritten = readdirSync(dir).filter((f) => statSync(join(dir, f)).mtimeMs > old.getTime() + 1000);
    assert.ok(before.size > 4, `entries spread over shards: ${[...before.keys()].join(' ')}`);
    assert.deepEqual(rewritten, [`${String(shardOf('src/m7.py')).padStart(2, '0')}.json`]);
    const again = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0 });
    assert.deepEqual([again.stats.cached, ids(again).filter((l) => l.startsWith('src/m7.py'))], [40, ['src/m7.py SEC-REQ-700']]);
  });

  it('a short run hands back its cache writes, and checkPath returns with them done', async () => {
    const files: Record<string, string> = { 'spdf.config.yaml': 'profile: all\n' };
    for (let i = 0; i < 40; i++) files[`src/m${i}.py`] = code(`SEC-REQ-${i}`);
    const root = tempWorkspace(files);
    const short = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    const built = await buildCodeIndex({ root, cache: true, cacheLocation: short, workers: 0, shortRun: true });
    assert.ok(built.saved instanceof Promise);
    await built.saved;
    assert.ok(readdirSync(join(short, CODE_INDEX_CACHE_DIR)).length > 4);
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    const check = await checkPath(root, { cacheLocation });
    const dir = join(cacheLocation, CODE_INDEX_CACHE_DIR);
    assert.ok(existsSync(dir), 'the code index cache is written');
    assert.equal(readdirSync(dir).length, new Set(check.inputs.code!.files.map((f) => shardOf(f.file))).size);
  });
  it('a recorded short run stores the packed index its position watch made, read back equal and watched', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`src/m${i}.py`] = code(`SEC-REQ-${i}`);
    const root = tempWorkspace(files);
    const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'));
    const recorded = async () => {
      const recorder = new InputRecorder([cacheLocation], [cacheLocation], true);
      recorder.start();
      try {
        const built = await buildCodeIndex({ root, cache: true, cacheLocation, workers: 0, shortRun: true });
        await built.saved;
        return { built, log: recorder.stop() };
      } catch (error) {
        recorder.stop();
        throw error;
      }
    };
    const cold = await recorded();
    const dir = join(cacheLocation, CODE_INDEX_CACHE_DIR);
    const entries = readdirSync(dir).flatMap((f) => Object.values((JSON.parse(readFileSync(join(dir, f), 'utf8').split('\n')[1]) as { files: Record<string, unknown[]> }).files));
    assert.equal(entries.length, 6);
    assert.ok(
      entries.every((e) => Array.isArray(e[2])),
      'every entry holds the packed form',
    );
    const warm = await recorded();
    assert.equal(warm.built.stats.cached, 6);
    assert.equal(JSON.stringify(warm.built.files), JSON.stringify(cold.built.files));
    // Nothing read a position in either run: both record every file position-free (its index watched).
    const facts = (log: typeof cold.log) => log.inputs.filter((i) => i.length > 3).map((i) => JSON.stringify(i[3]));
    assert.equal(facts(cold.log).filter((f) => f.includes('"positionFree":true')).length, 6);
    assert.deepEqual(facts(warm.log), facts(cold.log));
  });
  it('a caller that prints every link position has files with links noted read, not watched; files without links stay watched', async () => {
    const root = tempWorkspace({ 'a.py': code('SEC-REQ-1'), 'b.py': 'def rate():\n    return 1\n' });
    for (const readsLinkPositions of [false, true]) {
      const recorder = new InputRecorder([], [], true);
      recorder.start();
      try {
        const built = await buildCodeIndex({ root, workers: 0, shortRun: true, alwaysParse: ['b.py'], readsLinkPositions });
        const [a, b] = built.files;
        assert.deepEqual([a.file, a.links.length, b.file, b.links.length], ['a.py', 1, 'b.py', 0]);
        const positions = derivedReadSink()!.positions!;
        assert.equal(types.isProxy(a.links[0].range), !readsLinkPositions, 'a.py watched only when the caller may leave its positions unread');
        assert.deepEqual([positions.watched.has('a.py'), positions.positionsRead.has('a.py')], [!readsLinkPositions, readsLinkPositions]);
        assert.deepEqual([positions.watched.has('b.py'), positions.positionsRead.has('b.py')], [true, false], 'b.py (parsed as claimed code, no link) is watched either way');
      } finally {
        recorder.stop();
      }
    }
  });
  it('spdf links notes the positions of a linked file read (it prints them); spdf trace watches them', async () => {
    const root = tempWorkspace({
      'model/reqs.spdf.yaml': 'requirements:\n  - id: SEC-REQ-1\n    title: Rate limit\n',
      'src/a.py': code('SEC-REQ-1'),
    });
    for (const [command, watched] of [
      ['links', false],
      ['trace', true],
    ] as const) {
      const recorder = new InputRecorder([], [], true);
      recorder.start();
      try {
        const run = await runCli([command, root, '--format', 'json', '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-ci-cache-'))]);
        assert.match(run.stdout, /SEC-REQ-1/);
        const positions = derivedReadSink()!.positions!;
        assert.deepEqual([positions.watched.has('src/a.py'), positions.positionsRead.has('src/a.py')], [watched, true], command);
      } finally {
        recorder.stop();
      }
    }
  });
});
