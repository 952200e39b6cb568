// @spdf verifies SPDF-FC-NOLANG
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { readTree } from '../support/read-tree';

const ROOT = path.join(__dirname, '..', 'fixtures', 'unread-languages');

/** Each fixture file's first line says what the index must make of it: `expect: no-language L:C`, `indexed` or `none`. */
function expectations(tree: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(tree).map(([f, text]) => [f, /expect: (no-language \d+:\d+|indexed|none)/.exec(text.split('\n')[0])![1]]));
}

describe('tags in files of languages the index does not parse', () => {
  const options = {
    root: ROOT,
    workers: 0,
    excludes: ['src/gen.rb'],
    tagSyntaxes: { syntaxes: ['spdf', 'oft'] as ('spdf' | 'oft')[] },
    languages: { overrides: { '.lua': 'off', ino: 'cpp' } as Record<string, 'off' | 'cpp'> },
  };

  for (const listWith of ['files', 'walk'] as const) {
    it(`are noted at the tag's line and column, unless turned off, mapped, excluded or documentation (${listWith})`, async () => {
      const tree = readTree(ROOT);
      const all = Object.keys(tree);
      const result = await buildCodeIndex(listWith === 'files' ? { ...options, files: all } : { ...options, listWith: 'walk' });
      const actual = new Map<string, string>();
      for (const n of result.notes) actual.set(n.file, `${n.kind} ${n.at!.line + 1}:${n.at!.character + 1}`);
      for (const f of result.files) actual.set(f.file, 'indexed');
      for (const [file, expected] of expectations(tree)) assert.equal(actual.get(file) ?? 'none', expected, file);
      const kt = result.notes.find((n) => n.file === 'src/rate.kt')!;
      assert.match(kt.message, /^tag text at 4:4 \('\/\/ @spdf implements SEC-REQ-001'\) is in a \.kt file, a language the code index does not parse, so it links nothing/);
      // A script without an extension (`#!` first): only the extension names a language, so its tags were dropped unseen.
      const script = result.notes.find((n) => n.file === 'tools/flash')!;
      assert.match(script.message, /^tag text at 3:3 \('# @spdf implements SEC-REQ-001'\) is in a script without a file extension, which the code index does not parse/);
    });
  }

  it('leaves files it cannot read as text unnoted (too large, binary, unreadable) unless their bytes show tag text, and indexes the rest', async () => {
    const tag = '// @spdf implements SEC-REQ-001\n';
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf32be = (text: string) => Buffer.concat([...text].map((c) => Buffer.from([0, 0, 0, c.charCodeAt(0)])));
    const host = new MemoryHost(
      new Map<string, string | Uint8Array>([
        ['huge.kt', tag.repeat(200_000)],
        ['blob.swift', Buffer.concat([Buffer.from([0, 1, 0, 0x0a]), Buffer.from(tag)])],
        ['plain-blob.swift', Buffer.from([0, 1, 0, 0x0a, 0x40])],
        ['secret.kt', tag],
        ['deploy.ps1', utf16(`Write-Host 1\n# @spdf implements SEC-REQ-001\n`)],
        ['plain.ps1', utf16('Write-Host 1\n')],
        ['wide.kt', utf32be(`val x = 1\n${tag}`)],
        ['ok.py', 'def f():\n    # @spdf implements SEC-REQ-001\n    return 1\n'],
      ]),
    );
    const failing = {
      ...host,
      listFiles: () => host.listFiles(),
      statSize: host.statSize?.bind(host),
      readFile: (f: string) => (f === 'secret.kt' ? Promise.reject(new Error('EACCES')) : host.readFile(f)),
    };
    const result = await buildCodeIndex({ root: '/ws', host: failing, workers: 0, maxFileSize: 1024 * 1024 });
    assert.deepEqual(
      result.notes.map((n) => `${n.file} ${n.kind} ${n.at!.line + 1}:${n.at!.character + 1} ${n.message.slice(0, 20)}`),
      ['blob.swift unreadable 2:4 binary file (NUL byt', 'deploy.ps1 unreadable 2:3 UTF-16 (LE) text (th', 'wide.kt unreadable 2:4 UTF-32 (BE) text (th'],
    );
    assert.deepEqual(
      result.files.map((f) => f.file),
      ['ok.py'],
    );
  });
});
