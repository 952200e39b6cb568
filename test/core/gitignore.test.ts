// @spdf verifies SPDF-FC-REGEX
/**
 * .gitignore patterns from a workspace run in a linear-time engine: the `ignore` package compiles them to backtracking
 * JavaScript expressions, where `a/**\/a/**\/a/**\/a/**\/a/**\/a/**\/b` took 4.8 s on one path of 60 folders, so a
 * cloned repository with such a .gitignore and one deep folder hung the walk. gitignoreRules answers as
 * `ignore().add(text).ignores(path)` on every path (a differential test over generated files and paths), in linear time.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ignore from 'ignore';
import { RE2JS } from 're2js';
import { gitignoreRules, linearExpression, rulesOf } from '../../src/core/gitignore';

/** Runs per property: 3,000 in `npm test`, more with SPDF_FUZZ_RUNS=N (a failure prints the seed to replay). */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 3000;
const SEED = process.env.SPDF_FUZZ_SEED ? { seed: Number(process.env.SPDF_FUZZ_SEED) } : {};

/** The pieces of a pattern: literals (case, non-ASCII, astral), every wildcard, classes, escapes, slashes. */
const PIECES = [
  'a',
  'b',
  'x',
  'A',
  '.c',
  'k',
  'S',
  'é',
  'É',
  '\u212a', // KELVIN SIGN: folds onto k in RE2, not in JavaScript without `u`
  '\u017f', // LONG S: likewise onto s
  '\u2028',
  'ß',
  '😀',
  ' ',
  '-',
  '_',
  '~',
  '*',
  '**',
  '***',
  '?',
  '/',
  '/**/',
  '**/',
  '/**',
  '[ab]',
  '[!a]',
  '[^a]',
  '[a-c]',
  '[!a-c]',
  '[Z-a]',
  '[c-a]',
  '[]a]',
  '[!]a]',
  '[a-]',
  '[[:alpha:]]',
  '[[:space:]]',
  '[[:punct:]]',
  '[[:bogus:]]',
  '[é-ë]',
  '[\u2100-\u2200]',
  '[!/]',
  '[.-0]',
  '[a',
  '\\*',
  '\\?',
  '\\[',
  '\\]',
  '\\ ',
  '\\\\',
  '\\a',
  '\\/',
  '\\!',
  '\\#',
  '$',
  '^',
  '(',
  ')',
  '{',
  '}',
  '|',
  '+',
  '.',
];
const body = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
/** One line: a pattern with an optional `!` or `#` in front and spaces, a backslash or a CR behind; or a blank line. */
const line = fc.oneof(
  fc.tuple(fc.constantFrom('', '', '', '!', '#', '\\!', '\\#', '/', '!/'), body, fc.constantFrom('', '', '', '/', ' ', '  ', '\\ ', '\\', '\r', '/ ')).map(([a, b, c]) => a + b + c),
  fc.constantFrom('', ' ', '!', '#', '/', '\\'),
);
const file = fc.tuple(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol));

const SEGMENTS = [
  'a',
  'b',
  'x',
  'A',
  'B',
  'ab',
  'a.c',
  'x.C',
  'k',
  'K',
  '\u212a',
  's',
  '\u017f',
  'é',
  'É',
  'ß',
  'SS',
  '😀',
  'a😀b',
  '\ud83d',
  '*',
  '?',
  '[ab]',
  ' ',
  'a b',
  '!x',
  '#x',
  '-',
  '0',
  'a\\b',
  '$',
  '.a',
  'a\u2028',
  'a\rb',
  '',
  '_~',
];
/** A workspace-relative path as the walk asks it: a file, or a folder with its trailing slash (and an empty name now and then: `a//b`). */
const path = fc.tuple(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([s, dir]) => s.join('/') + (dir ? '/' : ''));

const oracle = (text: string) => ignore().add(text);
/** A string with every character outside printable ASCII escaped (a U+2028 reads as a line break otherwise). */
const show = (s: string) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** An answer, or that it threw (both refuse an absolute path). */
const answer = (ask: () => boolean): boolean | 'throws' => {
  try {
    return ask();
  } catch {
    return 'throws';
  }
};

describe('gitignoreRules: .gitignore patterns in a linear-time engine', () => {
  it('reads the rules of `ignore` as they are kept (an upgrade that keeps them otherwise fails here)', () => {
    const ig = ignore().add('# c\n*.o\n!keep.o\nbuild/\n');
    const rules = rulesOf(ig);
    assert.ok(rules, 'ignore()._rules._rules is a list of rules');
    assert.deepEqual(
      rules.map((r) => [r.pattern, r.negative, r.regex.flags]),
      [
        ['*.o', false, 'i'],
        ['!keep.o', true, 'i'],
        ['build/', false, 'i'],
      ],
    );
    // Every shape `ignore` writes is one the rewrite knows: none is left to the backtracking engine.
    for (const text of ['*.o', 'a/**/b', '**/x', 'a/**', 'a/**/', '*a*b*c', 'x[!/]y', '[[:alpha:]]?', '\\*a', 'É', 'a[', '/**', '***/x', 'a\\ ', 'f*o/*/*'])
      assert.deepEqual(gitignoreRules(text).problems, [], text);
  });

  it('answers as ignore().ignores() for generated .gitignore files and paths', function () {
    this.timeout(600000);
    fc.assert(
      fc.property(file, fc.array(path, { minLength: 1, maxLength: 4 }), (text, paths) => {
        const ours = gitignoreRules(text);
        const theirs = oracle(text);
        if (ours.problems.length) return false;
        // Each rule's rewrite is one RE2 compiles (else it would run in the backtracking engine).
        for (const rule of rulesOf(theirs)!) RE2JS.compile(linearExpression(rule.regex.source, rule.regex.flags));
        for (const p of paths) {
          // Each folder on the way first, as the walk asks them (the answers are cached by folder).
          const parts = p.split('/');
          for (let i = 1; i <= parts.length; i++) {
            const q = parts.slice(0, i).join('/') + (i < parts.length ? '/' : '');
            assert.equal(
              answer(() => ours.ignores(q)),
              answer(() => theirs.ignores(q)),
              `${show(text)} on ${show(q)}`,
            );
          }
        }
        return true;
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('answers as ignore() on a path asked without its folders first, and on a realistic .gitignore', () => {
    const text = 'node_modules/\n/dist\n*.log\n!important.log\ncoverage/\n.DS_Store\n**/tmp/**\n*.py[cod]\n[Bb]in/\n/out/*\n!/out/keep/\n';
    const paths = [
      'node_modules/x.js',
      'src/node_modules/',
      'dist',
      'a/dist',
      'x.LOG',
      'important.log',
      'a/important.log',
      'a/tmp/b/c',
      'x.pyc',
      'Bin/',
      'bin',
      'out/a',
      'out/keep/',
      'out/keep/x',
      'src/a.ts',
    ];
    const ours = gitignoreRules(text);
    const theirs = oracle(text);
    for (const p of paths) assert.equal(ours.ignores(p), theirs.ignores(p), p);
  });

  it('answers as ignore() for a pattern with a line separator, which the expression of `ignore` writes as \\u2028', () => {
    for (const text of ['a\u2028', 'x\u2028y*', '*\u2029', 'a\rb'])
      for (const p of ['a\u2028', 'a\u2028/', 'b/a\u2028', 'x\u2028y2028', 'x2028y', 'q\u2029', 'a\rb'])
        assert.equal(gitignoreRules(text).ignores(p), oracle(text).ignores(p), `${show(text)} on ${show(p)}`);
  });

  it('answers as ignore() for a folder-only rule anchored at the root (the string test of the common shapes)', () => {
    for (const [t, p] of [
      [' //', ' /'],
      ['a\\// ', 'a/'],
      ['/a/', 'a'],
      ['/a/', 'a/'],
      ['/a/b', 'a/b/'],
      ['a/', 'a'],
      ['a/', 'x/a/'],
      ['*.c/', 'x.c'],
      ['*.c/', 'x.c/'],
    ])
      assert.equal(gitignoreRules(t).ignores(p), oracle(t).ignores(p), `${show(t)} on ${show(p)}`);
  });

  it('refuses the paths ignore() refuses, as it does', () => {
    for (const p of ['', '/a', './a', '../a', '.', '..']) assert.throws(() => gitignoreRules('a').ignores(p));
  });

  // Without the linear engine each of these takes seconds to hours (mocha's timeout fails the test).
  for (const [pattern, p, want] of [
    ['a/**/a/**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(60)}c`, false],
    ['a/**/a/**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(60)}b`, true],
    ['a/**/a/**/b', `${'a/'.repeat(2000)}c`, false],
    ['**/a/**/a/**/a/**/b', `${'a/'.repeat(200)}c`, false],
    ['!**/a/**/a/**/a/**/b', `${'a/'.repeat(200)}c`, false],
    ['*a*a*a*a*a*a*a*b', 'a'.repeat(255), false],
  ] as const)
    it(`runs '${pattern}' on a path of ${p.length} characters: ${want}`, () => {
      const rules = gitignoreRules(`${pattern}\n`);
      assert.deepEqual(rules.problems, []);
      // Asked folder by folder from the root, as the walk asks.
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) assert.equal(rules.ignores(`${parts.slice(0, i).join('/')}/`), false);
      assert.equal(rules.ignores(p), want);
    });

  it('leaves a whole file to ignore() when its rules are not kept as read here (a later `ignore`), and says so', () => {
    const parse = (text: string) => {
      const real = ignore().add(text);
      return { ignores: (p: string) => real.ignores(p) } as unknown as ReturnType<typeof ignore>;
    };
    const rules = gitignoreRules('*.o\n', parse);
    assert.equal(rules.problems.length, 1);
    assert.match(rules.problems[0].message, /not in linear time/);
    assert.equal(rules.ignores('a/x.o'), true);
    assert.equal(rules.ignores('a/x.c'), false);
  });

  it('applies a rule whose expression it cannot rewrite as ignore() does, and says so at its line', () => {
    // A stand-in for a later `ignore` that writes a shape the rewrite does not know (a lookbehind).
    const make = (text: string) => {
      const ig = ignore().add(text);
      const rules = rulesOf(ig)!;
      Object.defineProperty(rules[1], 'regex', { value: /(?<=^|\/)keep$/i });
      return ig;
    };
    const rules = gitignoreRules('# first\n*.o\nkeep\n', make);
    assert.equal(rules.problems.length, 1);
    assert.equal(rules.problems[0].line, 2);
    assert.equal(rules.problems[0].pattern, 'keep');
    assert.match(rules.problems[0].message, /not in linear time/);
    assert.equal(rules.ignores('a/KEEP'), true);
    assert.equal(rules.ignores('a/x.o'), true);
    assert.equal(rules.ignores('a/x.c'), false);
  });
});
