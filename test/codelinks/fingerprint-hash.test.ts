// @spdf verifies SPDF-IDX-003
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { codeHash, normalizedCode } from '../../src/core/codelinks/fingerprint';
import { LANGUAGE_TABLES } from '../../src/core/codelinks/language-tables';
import { languageForPath } from '../../src/core/codelinks/languages';
import { fnv1a64 } from '../../src/core/hash';
import { listFixtures, sharedRuntime } from './fixture-harness';

/** Extra texts where the joins between code stretches decide the hash: word characters meet across a removed comment. */
const JOINS: Record<string, string> = {
  'joins.py': 'def f(a):\n    return a#c\nb = a"""d"""\nx = 1 # y\ny  =  x\n',
  'joins.c': 'int a/*x*/b;\nint f(void){return 1/*y*/+2;}//z\nchar *s = "/*no*/";\n',
  'joins.ts': 'const a = 1/*x*/;let b/*y*/= a //z\n;const s = `// no ${a}`;\n',
};

/** Each fixture and each extra text, parsed. */
async function parsedTexts(): Promise<{ name: string; text: string; language: NonNullable<ReturnType<typeof languageForPath>> }[]> {
  const out: { name: string; text: string; language: NonNullable<ReturnType<typeof languageForPath>> }[] = [];
  for (const file of listFixtures()) out.push({ name: file, text: fs.readFileSync(file, 'utf8'), language: languageForPath(file)! });
  for (const [name, text] of Object.entries(JOINS)) out.push({ name, text, language: languageForPath(name)! });
  return out;
}

describe('fingerprint: the code hash is fnv1a64 of the normalized code', function () {
  this.timeout(120_000);

  it('on every code fixture, over the whole file, every named node and generated ranges', async () => {
    const runtime = await sharedRuntime();
    for (const { name, text, language } of await parsedTexts()) {
      const table = LANGUAGE_TABLES[language];
      const tree = await runtime.parse(language, text);
      try {
        const root = tree.rootNode;
        const same = (start: number, end: number) => assert.equal(codeHash(root, text, start, end, table), fnv1a64(normalizedCode(root, text, start, end, table)), `${name} [${start}, ${end})`);
        same(0, text.length);
        const stack = [root];
        for (let node = stack.pop(); node; node = stack.pop()) {
          same(node.startIndex, node.endIndex);
          for (const child of node.namedChildren) if (child) stack.push(child);
        }
        fc.assert(
          fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => same(Math.min(a, b), Math.max(a, b))),
          { numRuns: 200 },
        );
      } finally {
        tree.delete();
      }
    }
  });
});
