// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { checkWorkspace } from '../../src/core/check';
import { resolveConfig } from '../../src/core/model/config';
import { loadModelBytes } from '../../src/core/model/load-file';
import { defaultConfig } from '../../src/core/model/config';
import { SourceText } from '../../src/core/text';
import { parseYaml } from '../../src/core/yaml/parse';

const limits = defaultConfig().limits;
const at = (p: { range: { start: { line: number; character: number } } }) => `${p.range.start.line + 1}:${p.range.start.character + 1}`;
const MODEL = 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-9]\n';
const utf16 = (text: string, order: 'LE' | 'BE', bom: boolean) => {
  const b = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (order === 'BE') b.swap16();
  return new Uint8Array(b);
};

describe('model file encodings and line ends', () => {
  for (const eol of ['\r', '\r\n', '\n'])
    it(`loads ${JSON.stringify(eol)} line ends with exact positions`, async () => {
      const bytes = new TextEncoder().encode(MODEL.replaceAll('\n', eol));
      const { result } = await checkWorkspace(new MemoryHost(new Map<string, string | Uint8Array>([['m.spdf.yaml', bytes]])));
      const f = result.findings.find((x) => x.code === 'TM002');
      assert.ok(f, 'the dangling reference is found');
      assert.equal(at(f), '4:16');
      assert.equal(f.range.end.character, 21);
    });

  for (const order of ['LE', 'BE'] as const)
    for (const bom of [true, false])
      it(`names UTF-16 ${order} ${bom ? 'with' : 'without'} a BOM`, () => {
        const loaded = loadModelBytes('m.spdf.yaml', utf16(MODEL, order, bom), limits);
        assert.deepEqual(
          loaded.problems.map((p) => `${p.code} ${at(p)} ${p.message}`),
          [`TM009 1:1 file is UTF-16 (${order}); save it as UTF-8`],
        );
      });

  it('names UTF-32 by its BOM', () => {
    const loaded = loadModelBytes('m.spdf.yaml', new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), limits);
    assert.match(loaded.problems[0].message, /UTF-32 \(LE\)/);
  });

  it('names UTF-32 without a BOM, whose units read as NUL pairs', () => {
    const le = Buffer.concat([...MODEL].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0])));
    assert.match(loadModelBytes('m.spdf.yaml', le, limits).problems[0].message, /UTF-32 \(LE\)/);
    assert.match(loadModelBytes('m.spdf.yaml', Buffer.from(le).reverse(), limits).problems[0].message, /UTF-32 \(BE\)/);
  });

  it('reports a NUL byte where it stands', () => {
    const bytes = new TextEncoder().encode('threats:\n  - id: THR-\u0000001\n');
    const p = loadModelBytes('m.spdf.yaml', bytes, limits).problems[0];
    assert.equal(`${p.code} ${at(p)}`, 'TM009 2:13');
    assert.match(p.message, /NUL byte/);
  });

  it('names a UTF-16 config file and reports invalid UTF-8 in it at the bad byte', () => {
    assert.match(resolveConfig(utf16('profile: all\n', 'LE', true)).problems[0].message, /UTF-16 \(LE\); save it as UTF-8/);
    const bad = resolveConfig(new Uint8Array([...new TextEncoder().encode('profile: all\nrules: {'), 0xc3, 0x28]));
    assert.equal(`${bad.problems[0].code} ${at(bad.problems[0])}`, 'TM009 2:9');
  });

  it('names UTF-16 without a BOM when the text starts with a character outside the BMP', () => {
    assert.match(loadModelBytes('m.spdf.yaml', utf16(`\u{1F600}${MODEL}`, 'LE', false), limits).problems[0].message, /UTF-16 \(LE\)/);
    // A low surrogate (DE00) has a NUL byte: in a short text it once outweighed the ASCII (loader fuzz seed 1068215651).
    for (const text of ['\u{1F600}:', '\u{1F600}a\n', 'a\u{1F600}', '\u{1F600}\u{1F600}ab'])
      for (const order of ['LE', 'BE'] as const)
        assert.match(loadModelBytes('m.spdf.yaml', utf16(text, order, false), limits).problems[0].message, new RegExp(`UTF-16 \\(${order}\\)`), `${JSON.stringify(text)} ${order}`);
  });

  it('puts an offset inside a CRLF at the end of its line, and parser offsets inside the text', () => {
    assert.deepEqual(new SourceText('x', 'ab\r\ncd').positionAt(3), { line: 0, character: 2 });
    for (const text of ['{', '[', 'a: "x']) for (const p of parseYaml(text).problems) assert.ok(p.end <= text.length, `${text}: ${p.start}-${p.end}`);
  });

  it('indexes lines of mixed line ends', () => {
    const s = new SourceText('x', 'a\rb\r\nc\nd\r\re');
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((l) => s.lineText(l)),
      ['a', 'b', 'c', 'd', '', 'e'],
    );
    assert.deepEqual(s.positionAt(s.text.indexOf('e')), { line: 5, character: 0 });
  });
});
