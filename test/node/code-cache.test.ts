// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir, codeCacheEntry, MAX_CODE_CACHE_ENTRIES, requireBundle } from '../../src/node/code-cache';
import { resultCachePlan, runWithResultCache, type ResultCacheStats } from '../../src/node/result-cache';
import { sealBytes } from '../../src/node/sealed-bytes';

/**
 * A CommonJS bundle of a given answer. A nonce of fixed length makes each text new to this process (V8 reuses code it
 * compiled from the same text in the same process, whatever the cache says); V8 checks only the text's length.
 */
const bundle = (answer: number, nonce = randomBytes(8).toString('hex')) =>
  `"use strict";\n// ${nonce}\nconst path = require("node:path");\nmodule.exports = { answer: () => ${answer}, sep: path.sep, file: __filename };\n`;

function setup(text = bundle(41)): { file: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'spdf-code-cache-'));
  const file = join(root, 'bundle.js');
  writeFileSync(file, text);
  return { file, dir: join(root, 'cache') };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const answerOf = (exports: unknown) => (exports as { answer(): number }).answer();
const entries = (dir: string) => readdirSync(dir).map((f) => join(dir, f));

/** Loads the bundle in a new process (as the CLI does, once per process) and saves; prints what it saw. */
function loadInChild(file: string, dir: string): { answer: number; fromCache: boolean } {
  const script = `const { requireBundle } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'node', 'code-cache.ts'))});
const b = requireBundle(${JSON.stringify(file)}, ${JSON.stringify(dir)}); b.save();
process.stdout.write(JSON.stringify({ answer: b.exports.answer(), fromCache: b.fromCache }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })) as { answer: number; fromCache: boolean };
}

describe('V8 code cache of the CLI bundle', () => {
  it('loads a bundle as require would, stores its code after the run, and the next process runs that code', function () {
    this.timeout(30_000);
    const { file, dir } = setup();
    const first = requireBundle(file, dir);
    assert.equal(first.fromCache, false);
    assert.equal(answerOf(first.exports), 41);
    assert.equal((first.exports as { file: string }).file, file);
    first.save();
    assert.equal(entries(dir).length, 1);
    assert.deepEqual(loadInChild(file, dir), { answer: 41, fromCache: true });
  });

  it('never runs the code stored for other bytes of the same length, even under their name (V8 compares lengths only)', function () {
    this.timeout(30_000);
    const nonce = randomBytes(8).toString('hex');
    const { file, dir } = setup(bundle(41, nonce));
    requireBundle(file, dir).save();
    const stored = entries(dir)[0];
    writeFileSync(file, bundle(42, nonce));
    assert.deepEqual(loadInChild(file, dir), { answer: 42, fromCache: false });
    writeFileSync(codeCacheEntry(dir, sha256(readFileSync(file))), readFileSync(stored));
    assert.deepEqual(loadInChild(file, dir), { answer: 42, fromCache: false });
  });

  it('treats a damaged entry as a miss, compiles from the text and writes the entry again', function () {
    this.timeout(30_000);
    const { file, dir } = setup();
    requireBundle(file, dir).save();
    const [entry] = entries(dir);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(entry, bytes);
    assert.deepEqual(loadInChild(file, dir), { answer: 41, fromCache: false });
    assert.deepEqual(loadInChild(file, dir), { answer: 41, fromCache: true });
  });

  it('compiles from the text when V8 rejects an intact entry (code of another V8 or other flags)', () => {
    const { file, dir } = setup();
    mkdirSync(dir, { recursive: true });
    const magic = Buffer.from('spdf-code-cache/1\n');
    const digest = sha256(readFileSync(file));
    writeFileSync(codeCacheEntry(dir, digest), sealBytes(magic, Buffer.concat([digest, Buffer.from('not code made by V8 for this bundle')])));
    const rejected = requireBundle(file, dir);
    assert.equal(rejected.fromCache, false);
    assert.equal(answerOf(rejected.exports), 41);
  });

  it('keeps a bounded number of entries', () => {
    const { file, dir } = setup();
    for (let n = 10; n < 13 + MAX_CODE_CACHE_ENTRIES; n++) {
      writeFileSync(file, bundle(n));
      requireBundle(file, dir).save();
    }
    assert.equal(entries(dir).length, MAX_CODE_CACHE_ENTRIES);
  });

  it('loads a bundle with other characters than ASCII (in strings and comments) as require would, from the cache too', function () {
    this.timeout(30_000);
    const text = `"use strict";\n// caf\u00e9 \u2014 \u{1f600}\nmodule.exports = { answer: () => "\u00e9\u2014\u{1f600}".length, word: "\u00e9\u2014\u{1f600}" };\n`;
    const { file, dir } = setup(text);
    const first = requireBundle(file, dir);
    assert.equal(answerOf(first.exports), 4);
    assert.equal((first.exports as { word: string }).word, '\u00e9\u2014\u{1f600}');
    first.save();
    assert.deepEqual(loadInChild(file, dir), { answer: 4, fromCache: true });
  });

  it('is no input of the whole-result cache: writing it after a run does not make the stored answer stale', async () => {
    const results = mkdtempSync(join(tmpdir(), 'spdf-result-cache-'));
    const plan = resultCachePlan(['links', '--format', 'json'], false, results)!;
    const dir = codeCacheDir()!;
    const entry = join(dir, 'stand-in.bin');
    // What loading the commands does on a miss: read the code cache entry, absent on a first run.
    const run = () => {
      try {
        readFileSync(entry);
      } catch {
        // A first run finds none.
      }
      return Promise.resolve(1);
    };
    const o = { out: () => undefined, err: () => undefined };
    const first: Partial<ResultCacheStats> = {};
    await runWithResultCache(plan, o, run, first);
    assert.deepEqual(first, { hit: false, notStored: undefined });
    mkdirSync(dir, { recursive: true });
    writeFileSync(entry, 'code');
    const second: Partial<ResultCacheStats> = {};
    assert.equal(await runWithResultCache(plan, o, run, second), 1);
    assert.equal(second.hit, true);
  });
});
