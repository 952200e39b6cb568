// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MemoryHost } from '../../src/core/host';
import { defaultConfig, resolveConfig } from '../../src/core/model/config';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { loadModelBytes, type LoadedFile } from '../../src/core/model/load-file';
import { parseYaml } from '../../src/core/yaml/parse';
import { byteDamage, EQUIVALENT_ENCODINGS, utf8, WIDE_ENCODINGS } from './fuzz/encodings';
import { applyAll, named, textMutation } from './fuzz/mutations';

/** Runs per property: short in `npm test`, longer with SPDF_FUZZ_RUNS=N (a failure prints the seed to replay). */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 60;
const SEED = process.env.SPDF_FUZZ_SEED ? { seed: Number(process.env.SPDF_FUZZ_SEED) } : {};
const check = <Ts extends unknown[]>(p: fc.IProperty<Ts>) => fc.assert(p, { numRuns: RUNS, ...SEED });

const MODEL_DIR = join(__dirname, '../../examples/infusion-pump/model');
const SEEDS = readdirSync(MODEL_DIR)
  .filter((f) => f.endsWith('.spdf.yaml'))
  .sort()
  .map((f) => ({ path: `model/${f}`, text: readFileSync(join(MODEL_DIR, f), 'utf8') }));
const seed = fc.constantFrom(...SEEDS.map((s) => named({ ...s, name: s.path })));
const limits = defaultConfig().limits;
const load = (path: string, bytes: Uint8Array) => loadModelBytes(path, bytes, limits);

/** Every problem lies inside the text the loader read, with its start before its end. */
function assertRangesInside(loaded: LoadedFile): void {
  const src = loaded.file.source;
  for (const p of loaded.problems) {
    assert.equal(p.file, loaded.file.path);
    for (const pos of [p.range.start, p.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < src.lineCount, `${p.code} line ${pos.line} of ${src.lineCount}: ${p.message}`);
      assert.ok(pos.character >= 0 && pos.character <= src.lineText(pos.line).length, `${p.code} ${pos.line}:${pos.character} past the line end: ${p.message}`);
    }
    const { start, end } = p.range;
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${p.code} ends before it starts`);
  }
  assert.ok(loaded.problems.length <= src.text.length + 10, 'problems bounded by the input');
}

const ids = (l: LoadedFile) => l.items.map((i) => `${i.kind}:${i.id}`);
const shown = (l: LoadedFile) => l.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character} ${p.message}`);
/**
 * Problems as they must agree across line-end styles: a message may quote the source, and the parser ends
 * some error spans inside a \r\n (the end of the line) where it ends them after a \n (the next line's start).
 */
const starts = (l: LoadedFile) => l.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character} ${p.message.replace(/\\r|\r/g, '')}`);

const OTHER = 'requirements:\n  - id: SEC-REQ-999\n    title: In another file\n';
const original = new Map(SEEDS.map((s) => [s.path, load(s.path, utf8(s.text))]));

describe('model loader under generated input (fast-check)', function () {
  this.timeout(Math.max(60_000, RUNS * 100));
  it('the example model files load without problems (the fuzz seeds are clean)', () => {
    for (const s of SEEDS) assert.deepEqual(shown(original.get(s.path)!), [], s.path);
  });

  it('never throws, keeps ranges inside the file, and keeps every item before the first changed line', () => {
    check(
      fc.property(seed, fc.array(textMutation, { minLength: 1, maxLength: 3 }), (s, mutations) => {
        const { text, touched } = applyAll(s.text, mutations);
        const loaded = load(s.path, utf8(text));
        assertRangesInside(loaded);
        const got = new Set(ids(loaded));
        for (const item of original.get(s.path)!.items)
          if (item.node.end < touched && !text.slice(0, touched).includes('\r')) assert.ok(got.has(`${item.kind}:${item.id}`), `${item.id} (before offset ${touched}) was lost`);
      }),
    );
  });

  it('a damaged file never costs another file of the workspace its items', async () => {
    await fc.assert(
      fc.asyncProperty(seed, fc.array(textMutation, { minLength: 1, maxLength: 3 }), fc.array(byteDamage, { maxLength: 1 }), async (s, mutations, damage) => {
        let bytes = utf8(applyAll(s.text, mutations).text);
        for (const d of damage) bytes = d.apply(bytes);
        const ws = await loadWorkspace(
          new MemoryHost(
            new Map<string, string | Uint8Array>([
              [s.path, bytes],
              ['other.spdf.yaml', OTHER],
            ]),
          ),
        );
        assert.equal(ws.graph.byId.get('SEC-REQ-999')?.file, 'other.spdf.yaml');
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('loads CRLF, CR-only and BOM variants exactly like the LF text', () => {
    check(
      fc.property(seed, fc.array(textMutation, { maxLength: 2 }), fc.constantFrom(...(Object.keys(EQUIVALENT_ENCODINGS) as (keyof typeof EQUIVALENT_ENCODINGS)[])), (s, mutations, enc) => {
        const { text } = applyAll(s.text, mutations);
        fc.pre(!text.includes('\r') && !text.startsWith('\uFEFF'));
        const plain = load(s.path, utf8(text));
        const variant = load(s.path, EQUIVALENT_ENCODINGS[enc](text));
        assertRangesInside(variant);
        assert.deepEqual(ids(variant), ids(plain));
        if (enc.includes('crlf')) assert.deepEqual(starts(variant), starts(plain));
        else assert.deepEqual(shown(variant), shown(plain));
      }),
    );
  });

  it('names UTF-16 files, with or without a BOM, instead of reading them', () => {
    check(
      fc.property(seed, fc.array(textMutation, { maxLength: 2 }), fc.constantFrom(...(Object.keys(WIDE_ENCODINGS) as (keyof typeof WIDE_ENCODINGS)[])), fc.boolean(), (s, mutations, enc, bom) => {
        const { text } = applyAll(s.text, mutations);
        fc.pre(/[\x01-\x7f]/.test(text.slice(0, 64)));
        const loaded = load(s.path, WIDE_ENCODINGS[enc](text, bom));
        assert.deepEqual(shown(loaded), [`TM009 0:0-0:0 file is ${enc}; save it as UTF-8`]);
      }),
    );
  });

  it('survives byte damage (flips, invalid UTF-8, cut characters) with ranges inside the file', () => {
    check(
      fc.property(seed, fc.array(textMutation, { maxLength: 2 }), fc.array(byteDamage, { minLength: 1, maxLength: 3 }), (s, mutations, damage) => {
        let bytes = utf8(applyAll(s.text, mutations).text);
        for (const d of damage) bytes = d.apply(bytes);
        assertRangesInside(load(s.path, bytes));
      }),
    );
  });

  it('resolveConfig never throws on a damaged spdf.config.yaml and keeps ranges inside it', () => {
    const config = readFileSync(join(MODEL_DIR, '../spdf.config.yaml'), 'utf8');
    check(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), fc.array(byteDamage, { maxLength: 1 }), (mutations, damage) => {
        let bytes = utf8(applyAll(config, mutations).text);
        for (const d of damage) bytes = d.apply(bytes);
        const { problems } = resolveConfig(bytes);
        const lines = new TextDecoder().decode(bytes).split(/\r\n?|\n/);
        for (const p of problems)
          for (const pos of [p.range.start, p.range.end]) assert.ok(pos.line < lines.length && pos.character <= lines[pos.line].length, `${p.code} ${pos.line}:${pos.character} ${p.message}`);
      }),
    );
  });

  it('parseYaml never throws on arbitrary text and keeps problem offsets inside it', () => {
    check(
      fc.property(fc.string({ unit: fc.constantFrom(...':-[]{}"\'&*!|>#%@`,? \t\n\rab0<'), maxLength: 200 }), (text) => {
        const parsed = parseYaml(text);
        for (const p of parsed.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.start}-${p.end} of ${text.length}: ${p.message}`);
      }),
    );
  });
});
