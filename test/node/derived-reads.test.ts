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
import { derivedReadSink, noteFingerprintedFiles, notePositionsRead, withoutNotingPositions, type IndexContext, type IndexedRead } from '../../src/node/derived-reads';
import { indexDigest, projectedDigest, rederive } from '../../src/node/result-cache-derived';
import { InputRecorder, replayInputs, type ChangedRead, type InputLog } from '../../src/node/result-cache-recorder';

const OPTIONS = { syntaxes: { syntaxes: ['spdf'] }, languages: {}, testGlobs: [] } satisfies Partial<IndexContext>;
const context: IndexContext = { ...OPTIONS, cacheDir: '', cacheKey: optionsKey({ syntaxOptions: OPTIONS.syntaxes, languages: OPTIONS.languages, testGlobs: OPTIONS.testGlobs })! };
const indexed = (file: string): IndexedRead => ({ file, context });

/** Reads `file` with a bounded read for each step: `index` (the code index's, told to the sink) or `other`. */
function recordReads(file: string, steps: ('index' | 'other')[], derived = true, named = 'src/a.py', fingerprinted?: string[][], during?: () => void): InputLog {
  const recorder = new InputRecorder([], [], derived);
  recorder.start();
  let log: InputLog;
  try {
    for (const files of fingerprinted ?? []) noteFingerprintedFiles(files);
    during?.();
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

  // What the run said of the review lock it read (each list: one call of noteFingerprintedFiles).
  const FINGERPRINTS: { told?: string[][]; free: boolean; why: string }[] = [
    { free: false, why: 'the run said nothing: every fingerprint counts as read' },
    { told: [[]], free: true, why: 'no lock entry (no lock, or an empty one)' },
    { told: [['src/b.py']], free: true, why: 'the lock names other files only' },
    { told: [['src/b.py', 'src/a.py']], free: false, why: 'the lock names the file' },
    { told: [[], ['src/a.py']], free: false, why: 'a second lock read names the file' },
  ];
  for (const c of FINGERPRINTS) {
    it(`${c.free ? 'recorded fingerprint-free' : 'fingerprints count'}: ${c.why}`, () => {
      const log = recordReads(file, ['index'], true, 'src/a.py', c.told);
      assert.deepEqual(log.inputs[0][3], c.free ? [0, 'src/a.py', 'index', { fingerprintFree: true }] : [0, 'src/a.py', 'index']);
    });
  }

  // What the run did with the file's index: recorded position-free only when the index came watched and no position was read.
  const SOURCE = 'def f():\n    # @spdf implements REQ-1\n    return 1\n\n\ndef g():\n    return 2\n';
  let packed: CompactIndex;
  before(async function () {
    this.timeout(30_000);
    const index = (await parseQuickly(undefined, [{ file: 'src/a.py', language: 'python', text: SOURCE, isTestFile: false }], context.syntaxes))[0].index;
    packed = packIndex(index) as CompactIndex;
    assert.ok(Array.isArray(packed));
  });
  const POSITIONS: { did: string; run: (index: () => CodeFileIndex) => unknown; free: boolean }[] = [
    { did: 'nothing', run: (ix) => ix(), free: true },
    { did: 'read IDs, files, symbols and fingerprints', run: (ix) => ix().links.map((l) => [l.id, l.file, l.symbol, l.codeHash, ix().tags[0].id]), free: true },
    { did: "asked whether a range has a key ('in')", run: (ix) => 'start' in ix().links[0].range, free: true },
    // Object.keys asks the proxy for each key's descriptor (a value): counted, to be safe.
    { did: 'listed the keys of a range', run: (ix) => Object.keys(ix().links[0].range), free: false },
    { did: 'read the empty plain lists', run: (ix) => [ix().orphanTags.length, ix().exclusions.length, ix().problems.length], free: true },
    { did: "read a link's line", run: (ix) => ix().links[0].range.start.line, free: false },
    { did: "read a symbol's range end", run: (ix) => ix().symbols[1].range.end, free: false },
    { did: "read a tag's range", run: (ix) => ix().tags[0].tagRange.start, free: false },
    { did: 'spread a link (the copy holds the same watched range)', run: (ix) => ({ ...ix().links[0] }), free: true },
    { did: "read the line of a link's copy", run: (ix) => ({ ...ix().links[0] }).range.start.line, free: false },
    { did: 'spread a range', run: (ix) => ({ ...ix().links[0].symbolRange }), free: false },
    { did: 'wrote the index as JSON', run: (ix) => JSON.stringify(ix()), free: false },
    { did: 'read a property descriptor of a range', run: (ix) => Object.getOwnPropertyDescriptor(ix().tags[0].idRange, 'start'), free: false },
    { did: 'compared a range deeply', run: (ix) => assert.notDeepEqual(ix().links[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), free: false },
    { did: 'wrote the index as JSON for a cache (withoutNotingPositions)', run: (ix) => withoutNotingPositions(() => JSON.stringify(ix())), free: true },
    { did: "said the file's positions were read (findings a cache kept)", run: (ix) => (ix(), notePositionsRead('src/a.py')), free: false },
    { did: "said another file's positions were read", run: (ix) => (ix(), notePositionsRead('src/b.py')), free: true },
    { did: 'used an index made without a watch (a plain copy)', run: () => JSON.parse(JSON.stringify(unpackIndex(packed))) as unknown, free: false },
    { did: 'used an index with an item kept plain', run: (ix) => ix(), free: false },
  ];
  for (const c of POSITIONS) {
    it(`${c.free ? 'recorded position-free' : 'positions count'}: the run ${c.did}`, () => {
      const withPlain = c.did.includes('kept plain');
      const log = recordReads(file, ['index'], true, 'src/a.py', [[]], () => {
        if (c.did.includes('without a watch')) {
          const sink = derivedReadSink()!;
          const positions = sink.positions;
          sink.positions = undefined;
          try {
            c.run(() => unpackIndex(packed));
          } finally {
            sink.positions = positions;
          }
          return;
        }
        const p = withPlain ? ([...packed.slice(0, 4), [{ plain: true }], ...packed.slice(5)] as CompactIndex) : packed;
        let index: CodeFileIndex | undefined;
        c.run(() => (index ??= unpackIndex(p)));
      });
      assert.deepEqual(log.inputs[0][3], [0, 'src/a.py', 'index', c.free ? { fingerprintFree: true, positionFree: true } : { fingerprintFree: true }]);
    });
  }

  it('a run that is not recorded is told nothing (no sink to tell)', () => {
    noteFingerprintedFiles(['src/a.py']);
    assert.equal(derivedReadSink(), undefined);
  });

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
  const TEXT = 'def f():\n    # @spdf implements REQ-1\n    x = 1\n    return x\n';
  const parse = async (text: string) => (await parseQuickly(undefined, [{ file: 'src/a.py', language: 'python', text, isTestFile: false }], context.syntaxes))[0].index;

  it('stores the index of a changed file in the code-index cache when it differs, for the run that follows', async function () {
    this.timeout(30_000);
    const cacheDir = mkdtempSync(join(tmpdir(), 'spdf-derived-cache-'));
    const ctx = { ...context, cacheDir };
    const old = Buffer.from(TEXT);
    const changedText = TEXT.replace('return x', 'return x + 1');
    const inputs: InputLog['inputs'] = [['readFileUpToSync', ['/w/src/a.py', 1000], contentHash(old), [0, 'src/a.py', 'index', { digest: indexDigest(await parse(TEXT)) }]]];
    assert.equal(await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(changedText) }]), undefined, 'another fingerprint: a miss');
    const stored = (await CodeIndexCache.shardHolding(cacheDir, ctx.cacheKey, 'src/a.py')).get('src/a.py', contentHash(Buffer.from(changedText)));
    assert.equal(stored && indexDigest(stored.index!), indexDigest(await parse(changedText)));
    const same = await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(`${TEXT}# note\n`) }]);
    assert.deepEqual(same?.get(0)?.[2], contentHash(Buffer.from(`${TEXT}# note\n`)), 'the same index: the input updated to the new bytes');
    const otherOptions = { ...ctx, testGlobs: ['src/**'] };
    assert.equal(await rederive([otherOptions], inputs, [{ at: 0, bytes: Buffer.from(`${TEXT}# note\n`) }]), undefined, 'options that are not those of the key: a miss');
  });

  // The stored answer was for TEXT; the file now reads `now`. `free`: recorded as reading none of its fingerprints
  // (`fp`), none of its positions (`pos`), or neither (`both`).
  const BODY = TEXT.replace('x = 1', 'x = 1 + 22');
  const INSERTED = TEXT.replace('    return x', '    x += 1\n    return x');
  const ABOVE = `\n${TEXT}`;
  type Free = false | 'fp' | 'pos' | 'both';
  const REDERIVED: { edit: string; now: string; free: Free; facts?: unknown; replays: boolean }[] = [
    { edit: 'a body edit, fingerprint-free', now: BODY, free: 'fp', replays: true },
    { edit: 'a body edit, fingerprints read', now: BODY, free: false, replays: false },
    { edit: 'a body edit, position-free only', now: BODY, free: 'pos', replays: false },
    { edit: 'a comment appended, fingerprints read', now: `${TEXT}# note\n`, free: false, replays: true },
    { edit: 'a line inserted in the body, fingerprint-free', now: INSERTED, free: 'fp', replays: false },
    { edit: 'a line inserted in the body, position-free only (its fingerprint changes)', now: INSERTED, free: 'pos', replays: false },
    { edit: 'a line inserted in the body, fingerprint- and position-free', now: INSERTED, free: 'both', replays: true },
    { edit: 'a blank line inserted above, position-free', now: ABOVE, free: 'pos', replays: true },
    { edit: 'a blank line inserted above, fingerprint-free only', now: ABOVE, free: 'fp', replays: false },
    { edit: 'a blank line inserted above, positions read', now: ABOVE, free: false, replays: false },
    { edit: 'a tag ID changed, fingerprint-free', now: TEXT.replace('REQ-1', 'REQ-2'), free: 'fp', replays: false },
    { edit: 'a tag ID changed, fingerprint- and position-free', now: `\n${TEXT.replace('REQ-1', 'REQ-2')}`, free: 'both', replays: false },
    { edit: 'a body edit, facts not understood (a digest as a string)', now: BODY, free: 'fp', facts: 'digest', replays: false },
    { edit: 'a body edit, facts not understood (a projected digest without fingerprint-free)', now: BODY, free: false, facts: { projected: 'x' }, replays: false },
    { edit: 'a body edit, facts not understood (fingerprint-free not true)', now: BODY, free: false, facts: { fingerprintFree: 1 }, replays: false },
    { edit: 'a line moved, facts not understood (position-free not true)', now: ABOVE, free: false, facts: { positionFree: 1 }, replays: false },
    { edit: 'a body edit, facts not understood (an unknown fact)', now: BODY, free: 'fp', facts: { fingerprintFree: true, lock: 'none' }, replays: false },
  ];
  const factsFor = (free: Free, index: CodeFileIndex, projectedOf: CodeFileIndex) => {
    if (!free) return { digest: indexDigest(index) };
    const projection = { fingerprints: free !== 'pos', positions: free !== 'fp' };
    return {
      ...(free !== 'pos' ? { fingerprintFree: true } : {}),
      ...(free !== 'fp' ? { positionFree: true } : {}),
      digest: indexDigest(index),
      projected: projectedDigest(projectedOf, projection),
    };
  };
  for (const r of REDERIVED) {
    it(`${r.edit}: ${r.replays ? 'the same answer' : 'a miss'}`, async function () {
      this.timeout(30_000);
      const ctx = { ...context, cacheDir: mkdtempSync(join(tmpdir(), 'spdf-derived-cache-')) };
      const before = await parse(TEXT);
      const facts = r.facts ?? factsFor(r.free, before, before);
      const inputs = [['readFileUpToSync', ['/w/src/a.py', 1000], contentHash(Buffer.from(TEXT)), [0, 'src/a.py', 'index', facts]]] as InputLog['inputs'];
      const updated = await rederive([ctx], inputs, [{ at: 0, bytes: Buffer.from(r.now) }]);
      assert.equal(updated !== undefined, r.replays);
      if (!updated) return;
      const now = await parse(r.now);
      assert.deepEqual(updated.get(0), ['readFileUpToSync', ['/w/src/a.py', 1000], contentHash(Buffer.from(r.now)), [0, 'src/a.py', 'index', factsFor(r.free, now, before)]]);
    });
  }

  it('the projected digest leaves out the fingerprints of links and symbols, not whether they are there', async () => {
    const before = await parse(TEXT);
    const body = await parse(BODY);
    assert.notEqual(indexDigest(body), indexDigest(before), 'the body edit changes the fingerprints');
    assert.equal(projectedDigest(body), projectedDigest(before));
    const dropped = { ...before, symbols: before.symbols.map(({ codeHash: _, ...s }) => s) };
    assert.ok(before.symbols.some((s) => s.codeHash !== undefined));
    assert.notEqual(projectedDigest(dropped), projectedDigest(before));
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
