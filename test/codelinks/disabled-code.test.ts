// @spdf verifies SPDF-FC-DISABLED-CODE
import assert from 'node:assert/strict';
import { disabledCodeProblems, disabledSpans } from '../../src/core/codelinks/disabled-code';
import type { CodeLanguage } from '../../src/core/codelinks/languages';

/** Each case's lines ending in `// off` are the ones no build compiles; no other line may be reported. */
const CASES: { name: string; language: CodeLanguage; text: string }[] = [
  { name: '#if 0 and its #else', language: 'c', text: '#if 0\nint a; // off\n#else\nint b;\n#endif\nint c;' },
  { name: '#else of #if 1', language: 'cpp', text: '#if 1\nint a;\n#else\nint b; // off\nint c; // off\n#endif' },
  { name: 'a macro condition is never judged', language: 'c', text: '#ifdef X\nint a;\n#else\nint b;\n#endif\n#if X == 0\nint c;\n#endif' },
  {
    name: 'an #elif chain: branches after a constant true one are off, after a macro one unknown',
    language: 'c',
    text: '#if 0\nint a; // off\n#elif X\nint b;\n#elif 1\nint c;\n#elif 1\nint d; // off\n#else\nint e; // off\n#endif',
  },
  { name: 'nested branches under #if 0 stay off', language: 'c', text: '#if (0)\n# if 1 // off\nint a; // off\n# else // off\nint b; // off\n# endif // off\nint c; // off\n#endif\nint d;' },
  { name: 'CRLF line ends, a comment after the condition', language: 'c', text: '#if 0 /* old */\r\nint a; // off\r\n#endif\r\nint b;\r\n' },
  { name: 'hexadecimal and suffixed zero', language: 'cpp', text: '#if 0x0\nint a; // off\n#endif\n#if 0UL\nint b; // off\n#endif' },
  { name: '`true` is 1 in C++ and C#, an unknown identifier in C', language: 'c', text: '#if true\nint a;\n#else\nint b;\n#endif' },
  { name: '`true` in C#', language: 'csharp', text: '#if true\nint a;\n#else\nint b; // off\n#endif' },
  { name: 'directives inside a block comment are no directives', language: 'c', text: '/*\n#if 0\n*/\nint a;\n/* "#endif" */' },
  { name: 'a quoted /* opens no comment', language: 'c', text: 'const char *s = "/*";\n#if 0\nint a; // off\n#endif' },
  { name: 'a continued condition is not judged', language: 'c', text: '#if 0 \\\n  || X\nint a;\n#endif' },
  { name: 'an unclosed #if 0 runs to the end', language: 'c', text: 'int a;\n#if 0\nint b; // off\nint c; // off' },
  { name: 'not a preprocessed language', language: 'python', text: '#if 0\nx = 1\n#endif' },
];

describe('disabledSpans: the #if branches no build compiles', () => {
  for (const c of CASES)
    it(c.name, () => {
      const expected = c.text.split('\n').flatMap((line, n) => (line.replace(/\r$/, '').endsWith('// off') ? [n] : []));
      const actual = disabledSpans(c.text, c.language).flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i));
      assert.deepEqual(actual, expected);
    });
});

describe('disabledSpans and CL013 on hostile input: every step is linear', () => {
  it('100,000 nested #if X inside one #if 0, and a tag in each branch', () => {
    const n = 100_000;
    const text = `#if 0\n${'#if X\n// @spdf implements A\n'.repeat(n)}${'#endif\n'.repeat(n)}#endif\nint kept;\n`;
    const spans = disabledSpans(text, 'c');
    assert.deepEqual(spans, [{ from: 1, to: 2 * n, directive: 0 }]);
    const tagRange = (line: number) => ({ start: { line, character: 3 }, end: { line, character: 21 } });
    const tags = Array.from({ length: n }, (_, i) => ({ syntax: 'spdf' as const, id: 'A', idRange: tagRange(2 + 2 * i), relation: 'implements' as const, tagRange: tagRange(2 + 2 * i) }));
    const problems = disabledCodeProblems(text, { language: 'c', tags, orphanTags: [] });
    assert.equal(problems.length, n);
    assert.match(problems[n - 1].message, /`#if 0` at line 1/);
  });

  it('a condition of 200,000 parentheses is not judged', () => {
    const text = `#if ${'('.repeat(100_000)}0${')'.repeat(100_000)}\nint a;\n#endif\n`;
    assert.deepEqual(disabledSpans(text, 'c'), []);
  });
});
