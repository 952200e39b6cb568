// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import { packIndex, unpackIndex, type CompactIndex } from '../../src/node/codeindex/compact-index';
import { encodeStream } from '../../src/node/codeindex/number-stream';
import { encodeStreamReference } from '../support/encode-stream-reference';
import { suppressionsInText } from '../../src/core/model/suppressions';
import { derivedReadSink } from '../../src/node/derived-reads';
import { InputRecorder } from '../../src/node/result-cache-recorder';
import { fixtureConfig, indexText, listFixtures } from '../codelinks/fixture-harness';

/** What the cache gave before the packed format: the index through JSON. */
const viaJson = (index: unknown): unknown => JSON.parse(JSON.stringify(index));

/** What the cache gives now: the packed form through JSON, unpacked. */
function viaPacked(index: CodeFileIndex): { index: unknown; packed: boolean } {
  const stored = viaJson(packIndex(index)) as CompactIndex | CodeFileIndex;
  return Array.isArray(stored) ? { index: unpackIndex(stored), packed: true } : { index: stored, packed: false };
}

/** Equal to the JSON copy, key order included (outputs print these objects). */
function assertSame(index: CodeFileIndex): boolean {
  const { index: back, packed } = viaPacked(index);
  assert.deepStrictEqual(back, viaJson(index));
  assert.equal(JSON.stringify(back), JSON.stringify(index));
  return packed;
}

/** Python sources exercising tags with and without revisions, orphans, docstrings, decorators and classes. */
function generatedSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (let f = 0; f < 12; f++) {
    const lines: string[] = [`"""Module ${f}."""`, `# [impl->dsn~mod-${f}~${f + 1}]`];
    for (let i = 0; i < 8; i++) {
      if (i % 3 === 0) lines.push('@decorator');
      lines.push(`def func_${f}_${i}(x):`, `    """Doc ${i}."""`, `    # @spdf ${i % 2 ? 'implements' : 'verifies'} SEC-REQ-${String(f * 10 + i).padStart(3, '0')}, SEC-REQ-9${i}`, '    return x', '');
    }
    lines.push('class Pump:', '    # @spdf implements SAF-REQ-001', '    def rate(self):', '        return 1', '', 'x = 1  # @spdf implements SEC-REQ-404', '# @spdf implemnts SEC-REQ-1');
    files.set(`src/gen_${f}.py`, `${lines.join('\n')}\n`);
  }
  return files;
}

describe('packed code index (code-index cache format)', () => {
  it('gives back every fixture index exactly as the JSON cache did', async () => {
    let packed = 0;
    const fixtures = listFixtures();
    for (const file of fixtures) {
      const text = fs.readFileSync(file, 'utf8');
      const index = await indexText(path.basename(file), text, fixtureConfig(text));
      if (assertSame(index)) packed++;
    }
    assert.ok(fixtures.length > 20 && packed === fixtures.length, `${packed} of ${fixtures.length} packed`);
  });

  it('gives back a generated corpus exactly, with every element packed', async () => {
    for (const [file, text] of generatedSources()) {
      const index = await indexText(file, text, { syntaxes: ['spdf', 'oft'] });
      assert.ok(index.links.length >= 8 && index.orphanTags.length > 0, file);
      assert.ok(assertSame(index), file);
      const stored = viaJson(packIndex(index)) as CompactIndex;
      assert.equal(stored[4].length, 0, `${file}: every symbol, tag and link packed`);
    }
  });

  it('keeps any object the decoder would not rebuild exactly as it is (fast-check)', async () => {
    const base = await indexText('src/gen_0.py', generatedSources().get('src/gen_0.py')!, { syntaxes: ['spdf', 'oft'] });
    const odd = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(-0), fc.constant(1.5), fc.constant(2 ** 60), fc.string(), fc.constant([]), fc.constant({}), fc.integer());
    const list = fc.constantFrom<'symbols' | 'tags' | 'links'>('symbols', 'tags', 'links');
    fc.assert(
      fc.property(list, fc.nat(), fc.string(), odd, fc.boolean(), (which, at, key, value, reorder) => {
        const index = structuredClone(base);
        const items = index[which] as unknown as Record<string, unknown>[];
        const item = items[at % items.length];
        const keys = Object.keys(item);
        const target = keys.includes(key) || key === '' ? keys[at % keys.length] : key;
        if (value === undefined && at % 2) delete item[target];
        else item[target] = value;
        if (reorder) {
          const entries = Object.entries(item).reverse();
          for (const k of Object.keys(item)) delete item[k];
          Object.assign(item, Object.fromEntries(entries));
        }
        assertSame(index);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an item whose range or position is not exactly { start, end } / { line, character } of integers as it is', async () => {
    const base = await indexText('src/gen_0.py', generatedSources().get('src/gen_0.py')!, { syntaxes: ['spdf', 'oft'] });
    const bent: ((o: Record<string, unknown>, key: string) => Record<string, unknown> | unknown[])[] = [
      (o) => ({ ...o, extra: 1 }),
      (o) => Object.fromEntries(Object.entries(o).reverse()),
      (o, key) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)),
      // An inherited key is no key of the object's own: JSON drops it, so must the cache.
      (o, key) => Object.assign(Object.create({ [key]: o[key] }) as object, Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))),
      (o) => Object.assign([], o),
    ];
    const list = fc.constantFrom<'symbols' | 'tags' | 'links'>('symbols', 'tags', 'links');
    fc.assert(
      fc.property(list, fc.nat(), fc.nat(), fc.boolean(), fc.nat(bent.length - 1), (which, at, pick, inner, how) => {
        const index = structuredClone(base);
        const item = (index[which] as unknown as Record<string, unknown>[])[at % index[which].length];
        const rangeKeys = Object.keys(item).filter(
          (k) => typeof item[k] === 'object' && item[k] !== null && 'start' in item[k] && 'end' in item[k] && typeof (item[k] as Record<string, unknown>).start === 'object',
        );
        const rangeKey = rangeKeys[pick % rangeKeys.length];
        const range = item[rangeKey] as Record<string, Record<string, unknown>>;
        if (inner) {
          const end = pick % 2 ? 'end' : 'start';
          range[end] = bent[how](range[end], pick % 3 ? 'character' : 'line') as Record<string, unknown>;
        } else item[rangeKey] = bent[how](range, pick % 3 ? 'end' : 'start');
        assertSame(index);
        const stored = viaJson(packIndex(index)) as CompactIndex;
        assert.ok(
          stored[4].some((plain) => JSON.stringify(plain) === JSON.stringify(item)),
          'the bent item is kept plain',
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a packed index whose number stream is cut short or runs on', async () => {
    const index = await indexText('src/gen_1.py', generatedSources().get('src/gen_1.py')!, { syntaxes: ['spdf'] });
    const stored = viaJson(packIndex(index)) as CompactIndex;
    const stream = stored[3];
    for (const bent of [`${stream}0`, `${stream}]0`, stream.slice(0, -1), stream.slice(0, -2), `${stream.slice(0, -1)}]`]) {
      stored[3] = bent;
      assert.throws(() => unpackIndex(stored), JSON.stringify(bent.slice(-6)));
    }
  });

  it('packs and gives back numbers of every length the stream writes, up to 2^31 - 2; a larger one keeps its item plain', async () => {
    const base = await indexText('src/gen_0.py', generatedSources().get('src/gen_0.py')!, { syntaxes: ['spdf', 'oft'] });
    // Around each boundary of one, two and three digits (44, 44 * 34, 44 * 34^2), and the largest packed number.
    const edges = [0, 42, 43, 44, 1494, 1495, 1496, 50863, 50864, 65535, 2 ** 30, 2 ** 31 - 3, 2 ** 31 - 2];
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...edges), fc.constantFrom('line', 'character'), fc.boolean(), (at, value, field, end) => {
        const index = structuredClone(base);
        const link = index.links[at % index.links.length];
        link.range[end ? 'end' : 'start'][field] = value;
        const tag = index.tags.find((t) => t.revision !== undefined)!;
        tag.revision = value;
        assertSame(index);
        assert.equal((viaJson(packIndex(index)) as CompactIndex)[4].length, 0, 'every item packed');
        link.range.start.line = 2 ** 31 - 1;
        assertSame(index);
        assert.ok((viaJson(packIndex(index)) as CompactIndex)[4].length > 0, 'the items with a larger number kept plain');
      }),
      { numRuns: 200 },
    );
  });

  it('writes exactly the text the previous encoder wrote, for every number it packs, in streams of any length (differential)', () => {
    const edges = [-1, 0, 42, 43, 44, 1494, 1495, 1496, 50863, 50864, 65535, 1729223, 1729224, 2 ** 30, 2 ** 31 - 3, 2 ** 31 - 2];
    const number = fc.oneof(fc.integer({ min: -1, max: 2 ** 31 - 2 }), fc.integer({ min: -1, max: 3000 }), fc.constantFrom(...edges));
    fc.assert(
      fc.property(fc.array(number, { maxLength: 300 }), (numbers) => {
        assert.equal(encodeStream(numbers), encodeStreamReference(numbers));
      }),
      { numRuns: 500 },
    );
    // Longer than the reused buffer holds at first (it grows) and than one String.fromCharCode chunk of the reference.
    const long = Array.from({ length: 40_000 }, (_, k) => edges[k % edges.length] + (k % 7 === 0 ? 0 : k % 3));
    assert.equal(encodeStream(long), encodeStreamReference(long));
    // A short stream after a long one: only what this call wrote is read back.
    assert.equal(encodeStream([5, 2 ** 31 - 2]), encodeStreamReference([5, 2 ** 31 - 2]));
  });

  it("gives a link made from a tag that tag's idRange object, as the packed index held it, and no object it did not share", async () => {
    const index = await indexText('src/gen_2.py', generatedSources().get('src/gen_2.py')!, { syntaxes: ['spdf', 'oft'] });
    const shared = (ix: CodeFileIndex) => ix.links.filter((l) => ix.tags.some((t) => t.idRange === l.range)).length;
    assert.ok(index.links.length > 0 && shared(index) === index.links.length, 'the indexer shares them');
    const back = unpackIndex(viaJson(packIndex(index)) as CompactIndex);
    assert.equal(shared(back), index.links.length);
    const copied = viaJson(index) as CodeFileIndex;
    assert.equal(shared(copied), 0);
    assert.equal(shared(unpackIndex(viaJson(packIndex(copied)) as CompactIndex)), 0);
    const stored = viaJson(packIndex(index)) as CompactIndex;
    assert.ok(stored[3].length < (viaJson(packIndex(copied)) as CompactIndex)[3].length, 'a shared range is written as a reference');
  });

  it('decodes symbols when first read, each time the same objects, and keeps symbols assigned to it', async () => {
    const index = await indexText('src/gen_1.py', generatedSources().get('src/gen_1.py')!, { syntaxes: ['spdf'] });
    const back = unpackIndex(viaJson(packIndex(index)) as CompactIndex);
    assert.ok(index.symbols.length > 0);
    assert.deepStrictEqual(back.symbols, viaJson(index.symbols));
    assert.equal(back.symbols, back.symbols);
    back.symbols = [];
    assert.deepEqual(back.symbols, []);
    assert.deepEqual(Object.keys(back), Object.keys(index), 'same keys in the same order');
  });

  it("gives back an index's suppression comments (watched: reading them notes the file), and an index without that key without it", async () => {
    const text = 'def f(x):\n    # spdf-disable-next-line CL008 -- quoted\n    # @spdf implement SEC-REQ-1\n    return x\n';
    const index = { ...(await indexText('src/a.py', text, { syntaxes: ['spdf'] })), suppressions: suppressionsInText('src/a.py', text) };
    assert.deepEqual(
      index.suppressions?.map((s) => `${s.line} ${s.targetLine} ${s.codes.join(',')} ${s.justification}`),
      ['1 2 CL008 quoted'],
    );
    assert.ok(assertSame(index), 'packed with its suppressions');
    assert.equal((viaJson(packIndex(index)) as CompactIndex).length, 9);
    const without: CodeFileIndex = { ...index };
    delete without.suppressions;
    assert.ok(assertSame(without), 'an index without suppressions still packs');
    assert.ok(!('suppressions' in (viaPacked(without).index as object)));
    for (const [name, list] of [
      ['none', []],
      ['one', index.suppressions],
    ] as const) {
      const recorder = new InputRecorder([], [], true);
      recorder.start();
      try {
        const back = unpackIndex(viaJson(packIndex({ ...index, suppressions: [...list] })) as CompactIndex);
        assert.deepEqual(back.suppressions, viaJson(list), name);
        assert.equal(derivedReadSink()!.positions!.positionsRead.has('src/a.py'), list.length > 0, `${name}: the file's positions noted read`);
      } finally {
        recorder.stop();
      }
    }
  });
});
