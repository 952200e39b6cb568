// @spdf verifies SPDF-FC-TAGS
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { runCli, tempWorkspace } from '../support/cli';

const TAGGED = '// @spdf implements SEC-REQ-001\nint verify(int x) {\n  return x;\n}\n';
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const utf32le = (s: string) => Buffer.concat([...s].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0])));
const utf32be = (s: string) => Buffer.concat([...s].map((c) => Buffer.from([0, 0, 0, c.charCodeAt(0)])));

/** Source text in a wide encoding: each was noted as a binary file, so its tags were lost and the gate passed. */
const WIDE: [string, Uint8Array, string][] = [
  ['le-bom.c', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TAGGED)]), 'UTF-16'],
  ['be-bom.c', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TAGGED)]), 'UTF-16'],
  ['le-no-bom.c', utf16le(TAGGED), 'UTF-16'],
  ['be-no-bom.c', utf16be(TAGGED), 'UTF-16'],
  ['le32-bom.c', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(TAGGED)]), 'UTF-32'],
  ['be32-bom.c', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32be(TAGGED)]), 'UTF-32'],
  // Without a BOM, UTF-32 was taken for a binary file (its units are U+0000 pairs in UTF-16).
  ['le32-no-bom.c', utf32le(TAGGED), 'UTF-32'],
  ['be32-no-bom.c', utf32be(TAGGED), 'UTF-32'],
  ['le32-no-bom-latin1.c', utf32le(`// Temp\u00e9rature\n${TAGGED}`), 'UTF-32'],
  // Characters beyond Latin-1 (no NUL byte in their units): once taken for a binary file.
  ['le-cjk.c', utf16le(`// 温度センサー\n${TAGGED}`), 'UTF-16'],
  ['be-cjk.c', utf16be(`// 温度センサー\n${TAGGED}`), 'UTF-16'],
];

describe('source files in UTF-16 or UTF-32', () => {
  it('are noted as unreadable text, naming the encoding; a binary file stays binary', async () => {
    const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]);
    const host = new MemoryHost(new Map<string, string | Uint8Array>([...WIDE.map(([f, b]) => [f, b] as [string, Uint8Array]), ['elf.c', binary]]));
    const result = await buildCodeIndex({ root: '/nonexistent', host, workers: 0 });
    assert.deepEqual(result.notes.map((n) => `${n.file} ${n.kind} ${n.message.slice(0, 6)}`).sort(), [...WIDE.map(([f, , enc]) => `${f} unreadable ${enc}`), 'elf.c binary binary'].sort());
  });

  it('a file with NUL bytes that holds tag text is unreadable at the tag, not binary', async () => {
    const host = new MemoryHost(
      new Map<string, string | Uint8Array>([
        ['nul.c', Buffer.from(`int z;\0\n  /* x */ ${TAGGED}`, 'latin1')],
        ['nul-untagged.c', Buffer.from('int z;\0\n', 'latin1')],
      ]),
    );
    const result = await buildCodeIndex({ root: '/nonexistent', host, workers: 0 });
    assert.deepEqual(
      result.notes.map((n) => `${n.file} ${n.kind} ${n.at ? `${n.at.line + 1}:${n.at.character + 1}` : '-'} ${n.message}`),
      [
        'nul-untagged.c binary - binary file (NUL byte in the first 8 KB); not scanned',
        'nul.c unreadable 2:14 binary file (NUL byte at offset 6) holding tag text at 2:14; not scanned: remove the NUL bytes',
      ],
    );
  });

  /** With NUL bytes, a tag of each enabled syntax (not only the spdf marker) made the file unreadable; before, binary without a word. */
  const OTHER_SYNTAXES: [syntax: string, tag: string][] = [
    ['oft', '// [impl->req~sec-req-001~1]'],
    ['strictdoc', '// @relation(SEC-REQ-001, scope=function)'],
    ['lobster', '// lobster-trace: SEC-REQ-001'],
  ];
  for (const [syntax, tag] of OTHER_SYNTAXES)
    it(`a file with NUL bytes holding only a ${syntax} tag is unreadable at the tag when ${syntax} is enabled, binary when it is not`, async () => {
      const host = new MemoryHost(new Map<string, string | Uint8Array>([['nul.c', Buffer.from(`int z;\0\n  ${tag}\nint verify(int x);\n`, 'latin1')]]));
      const notes = async (syntaxes: string[]) =>
        (await buildCodeIndex({ root: '/nonexistent', host, workers: 0, tagSyntaxes: { syntaxes: syntaxes as never } })).notes.map(
          (n) => `${n.kind} ${n.at ? `${n.at.line + 1}:${n.at.character + 1}` : '-'}`,
        );
      assert.deepEqual(await notes(['spdf', syntax]), ['unreadable 2:6']);
      assert.deepEqual(await notes(['spdf']), ['binary -']);
    });

  it('fail spdf check at the file', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n' });
    writeFileSync(join(root, 'a.c'), WIDE[0][1]);
    const r = await runCli(['check', root, '--min-coverage', '0', '--allow-errors', '--no-cache'], root);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /^a\.c:1:1: input problem: source file not scanned for tags: UTF-16 \(LE\) text \(the code index reads UTF-8/m);
  });
});
