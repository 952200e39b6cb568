// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundedReads } from '../../src/node/bounded-read';
import { buildLanguageMap, languageForPath } from '../../src/core/codelinks/languages';
import { CodeIndexCache, contentHash, optionsKey } from '../../src/node/codeindex/code-index-cache';
import { type CompactIndex, packIndex, unpackIndex } from '../../src/node/codeindex/compact-index';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import { parseQuickly } from '../../src/node/codeindex/quick-start-runtime';
import { derivedReadSink, type IndexContext, type IndexedRead } from '../../src/node/derived-reads';
import { indexDigest, rederive } from '../../src/node/result-cache-derived';
import { InputRecorder, replayInputs, type ChangedRead, type InputLog } from '../../src/node/result-cache-recorder';

const OPTIONS = { syntaxes: { syntaxes: ['spdf'] }, languages: {}, testGlobs: [] } satisfies Partial<IndexContext>;
const context: IndexContext = { ...OPTIONS, cacheDir: '', cacheKey: optionsKey({ syntaxOptions: OPTIONS.syntaxes, languages: OPTIONS.languages, testGlobs: OPTIONS.testGlobs })! };
const indexed = (file: string): IndexedRead => ({ file, context });

/** Reads `file` with a bounded read for each step: `index` (the code index's, told to the sink) or `other`. */
function recordReads(file: string, steps: ('index' | 'other')[], derived = true, named = 'src/a.py'): InputLog {
  const recorder = new InputRecorder([], [], derived);
  recorder.start();
  let log: InputLog;
  try {
    for (const step of steps) {
      const sink = derivedReadSink();
      const read = indexed(named);
      if (step === 'index' && sink) sink.reading = read;
      try {
        boundedReads().readFileUpToSync(file, 1000);
      } finally {
        if (sink) sink.reading = undefined;
      }
      read.kind = 'index';
    }
  } finally {
    log = recorder.stop();
  }
  return log;
}

describe('the recorder marks a source file derived only when the code index alone read it, once', () => {
  const root = mkdtempSync(join(tmpdir(), 'spdf-derived-reads-'));
  mkdirSync(join(root, 'src'));
  const file = join(root, 'src', 'a.py');
  writeFileSync(file, 'def f():\n    # @spdf implements REQ-1\n    return 1\n');

  const CASES: { reads: ('index' | 'other')[]; derived?: false; named?: string; marked: boolean; why: string }[] = [
    { reads: ['index'], marked: true, why: 'one read by the code index' },
    { reads: ['index', 'index'], marked: false, why: 'read twice (its second pass): its bytes count' },
    { reads: ['other', 'index'], marked: false, why: 'read by other code first' },
    { reads: ['index', 'other'], marked: false, why: 'read by other code afterwards' },
    { reads: ['other'], marked: false, why: 'read by other code only' },
    { reads: ['index'], named: 'src/b.py', marked: false, why: 'the read is not of the file the index named' },
    { reads: ['index'], derived: false, marked: false, why: 'a command not proven to read sources only through the index (lint)' },
  ];
  for (const c of CASES) {
    it(`${c.marked ? 'derived' : 'by its bytes'}: ${c.why}`, () => {
      const log = recordReads(file, c.reads, c.derived, c.named);
      assert.equal(log.inputs.length, 1);
      assert.equal(log.inputs[0][3] !== undefined, c.marked);
      assert.equal(log.contexts !== undefined, c.marked);
      if (c.marked) assert.deepEqual(log.inputs[0][3], [0, 'src/a.py', 'index']);
      assert.equal(derivedReadSink(), undefined, 'the sink is gone after the run');
    });
  }

  it('a read the index made nothing of (no kind: a note, a claimed file) counts by its bytes', () => {
    const recorder = new InputRecorder([], [], true);
    recorder.start();
    derivedReadSink()!.reading = indexed('src/a.py');
    boundedReads().readFileUpToSync(file, 1000);
    derivedReadSink()!.reading = undefined;
    assert.equal(recorder.stop().inputs[0][3], undefined);
  });

  it('at replay, a derived file that reads other bytes is handed over as a copy; without a list for it, a miss', () => {
    const log = recordReads(file, ['index']);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}# more\n`);
    try {
      const changed: ChangedRead[] = [];
      assert.ok(replayInputs(log.inputs, changed));
      assert.deepEqual(
        changed.map((c) => [c.at, c.bytes.toString()]),
        [[0, `${text}# more\n`]],
      );
      assert.ok(!replayInputs(log.inputs), 'a replay that cannot prove indexes is a miss');
      writeFileSync(file, 'x'.repeat(2000));
      assert.ok(!replayInputs(log.inputs, []), 'over the limit now: a miss, nothing to prove');
    } finally {
      writeFileSync(file, text);
    }
  });
});

describe('rederive', () => {
  const TEXT = 'def f():\n    # @spdf implements REQ-1\n    return 1\n';
  const parse = async (text: string) => (await parseQuickly(undefined, [{ file: 'src/a.py', language: 'python', text, isTestFile: false }], context.syntaxes))[0].index;

  it('stores the index of a changed file in the code-index cache when it differs, for the run that follows', async function () {
    this.timeout(30_000);
    const cacheDir = mkdtempSync(join(tmpdir(), 'spdf-derived-cache-'));
    const ctx = { ...context, cacheDir };
    const old = Buffer.from(TEXT);
    const changedText = TEXT.replace('return 1', 'return 2');
    const inputs: InputLog['inputs'] = [['readFileUpToSync', ['/w/src/a.py', 1000], contentHash(old), [0, 'src/a.py', 'index', indexDigest(await parse(TEXT))]]];
    assert.equal(await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(changedText) }]), undefined, 'another fingerprint: a miss');
    const stored = (await CodeIndexCache.shardHolding(cacheDir, ctx.cacheKey, 'src/a.py')).get('src/a.py', contentHash(Buffer.from(changedText)));
    assert.equal(stored && indexDigest(stored.index!), indexDigest(await parse(changedText)));
    const same = await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(`${TEXT}# note\n`) }]);
    assert.deepEqual(same?.get(0)?.[2], contentHash(Buffer.from(`${TEXT}# note\n`)), 'the same index: the input updated to the new bytes');
    const otherOptions = { ...ctx, testGlobs: ['src/**'] };
    assert.equal(await rederive([otherOptions], inputs, [{ at: 0, bytes: Buffer.from(`${TEXT}# note\n`) }]), undefined, 'options that are not those of the key: a miss');
  });

  it('an index-kind record whose old index is neither recorded nor cached is a miss', async () => {
    const ctx = { ...context, cacheDir: mkdtempSync(join(tmpdir(), 'spdf-derived-cache-')) };
    const inputs: InputLog['inputs'] = [['readFileUpToSync', ['/w/src/a.py', 1000], contentHash(Buffer.from(TEXT)), [0, 'src/a.py', 'index']]];
    assert.equal(await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(`${TEXT}# note\n`) }]), undefined);
  });
});

describe('the index digest', () => {
  it('is the same for an index as parsed and as read back from the code-index cache (every language fixture)', async function () {
    this.timeout(60_000);
    const dir = join(__dirname, '..', 'fixtures', 'code');
    const map = buildLanguageMap();
    const tasks = readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((f) => {
      const language = languageForPath(f, map);
      return language ? [{ file: f, language, text: readFileSync(join(dir, f), 'utf8'), isTestFile: false }] : [];
    });
    assert.ok(tasks.length >= 10, `${tasks.length} fixture files`);
    const syntaxes = { syntaxes: ['spdf', 'oft', 'strictdoc', 'lobster'] as const };
    const parsed = await parseQuickly(undefined, tasks, { syntaxes: [...syntaxes.syntaxes] });
    assert.ok(parsed.filter(({ index }) => index.links.length > 0).length >= 10, 'most fixtures link code');
    for (const { index } of parsed) {
      const stored = JSON.parse(JSON.stringify(packIndex(index))) as CompactIndex | CodeFileIndex;
      assert.equal(indexDigest(Array.isArray(stored) ? unpackIndex(stored) : stored), indexDigest(index), index.file);
    }
  });
});
