// @spdf verifies SPDF-FC-REGEX
/**
 * Workspace globs run in a linear-time engine: picomatch's own expression for `*a*a*a*a*b` took about a minute on one
 * file name of 255 `a`s, so a hostile spdf.config.yaml hung the walker and the language server. pathMatcher answers
 * as picomatch does on every workspace path (a differential test over generated globs and paths), in linear time.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { linearGlobProblem, PATH_GLOB, pathMatcher } from '../../src/core/path-glob';
import { globProblem } from '../../src/core/model/config-checks';
import { runCli, withTempWorkspace } from '../support/cli';

const GLOBS = [
  'src/**',
  '**/*.c',
  'out/junit/*.xml',
  '**/test_*.py',
  'src/**/test/**/*.py',
  '*.{c,h}',
  'a/?/b',
  '[abc]*.js',
  '!(x).js',
  '@(a|b).js',
  '+(a|b)',
  '**',
  'node_modules/**',
  '**/.git/**',
  'firmware/**/*.{c,h}',
  '**/*[sS][pP][dD][fF]*',
  'a\\*b',
  '!foo/**',
  '*(a|b).js',
  '?(a)',
  'a/**/b',
  '**/a',
  'a/*/',
  '*/',
  '**/*_test.go',
  '**/*.spdf.yaml',
  'a/b/c.txt',
  '{a,b}/**/*.{x,y}',
  '[!a]*',
  'a/[^b]/c',
  '**/.*',
  'x/**/y/**/z',
];
const SEGMENTS = [
  'a',
  'b',
  'x',
  'y',
  'z',
  'src',
  'test',
  'foo',
  'node_modules',
  '.git',
  '.hidden',
  'a.c',
  'b.h',
  'test_x.py',
  'x_test.go',
  'm.spdf.yaml',
  'a*b',
  '[abc]',
  'junit',
  'out',
  'r.xml',
  'firmware',
  'SPDF',
  'ab.js',
  'x.js',
  'a b',
  'ä.c',
  'a\nb',
  'c.txt',
];
const path = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 6 }).map((s) => s.join('/'));
/** Globs made of the pieces picomatch reads: literals, `*`, `**`, `?`, classes, braces, extglobs. */
const glob = fc
  .array(fc.constantFrom('a', 'b', 'x', 'src', '.git', '.', '/', '*', '**', '**/', '/**', '?', '[ab]', '[!a]', '{a,b}', '{x,yz}', '@(a|b)', '+(a)', '*(b)', '?(x)', '.c', '.js', '_test'), {
    minLength: 1,
    maxLength: 7,
  })
  .map((p) => p.join(''));

describe('pathMatcher: workspace globs in a linear-time engine', () => {
  it('answers as picomatch on every path of the listing (fixed globs, generated paths)', () => {
    fc.assert(
      fc.property(path, (p) => GLOBS.every((g) => pathMatcher(g)(p) === picomatch(g, PATH_GLOB)(p))),
      { numRuns: 3000 },
    );
  });

  it('answers as picomatch for generated globs, alone and in lists, with and without a leading !', () => {
    fc.assert(
      fc.property(fc.array(glob, { minLength: 1, maxLength: 3 }), fc.boolean(), path, (globs, negate, p) => {
        const list = negate ? [`!${globs[0]}`, ...globs.slice(1)] : globs;
        if (list.some((g) => linearGlobProblem(g) !== undefined)) return true;
        return pathMatcher(list)(p) === picomatch(list, PATH_GLOB)(p);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers as picomatch on paths with a ., .. or empty segment (picomatch itself answers them)', () => {
    for (const p of ['a/./b.c', 'a/../b.c', 'a//b.c', '/a.c', 'a/']) for (const g of GLOBS) assert.equal(pathMatcher(g)(p), picomatch(g, PATH_GLOB)(p), `${g} on ${p}`);
  });

  // Without the linear engine each of these takes from seconds to hours (mocha's timeout fails the test).
  for (const [g, p, want] of [
    ['*a*a*a*a*a*a*a*b', 'a'.repeat(255), false],
    ['*a*a*a*a*a*a*a*b', `${'a'.repeat(254)}b`, true],
    ['**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(2000)}c`, false],
    ['!*a*a*a*a*a*a*a*b', 'a'.repeat(255), true],
  ] as const)
    it(`runs '${g}' on a path of ${p.length} characters: ${want}`, () => {
      assert.equal(pathMatcher(g)(p), want);
      assert.equal(pathMatcher([g, 'never/matches'])(p), want);
    });

  it('refuses a negation extglob beside other wildcards (it needs a backtracking engine): it matches nothing, and the config says so', () => {
    const g = '*a*!(b)*a*c';
    assert.match(linearGlobProblem(g) ?? '', /negation/);
    assert.match(globProblem(g) ?? '', /linear-time/);
    assert.equal(pathMatcher(g)('xaxbxac'), false);
    assert.equal(pathMatcher([g, '*.c'])('x.c'), true);
    assert.equal(linearGlobProblem('!(x).js'), undefined, 'one wildcard: picomatch runs it');
    assert.equal(pathMatcher('!(x).js')('y.js'), true);
  });
});

describe('a hostile glob in spdf.config.yaml', function () {
  this.timeout(60000);
  it('spdf check ends (the walker matches every path against `exclude`), with the tag under the long name read', async () => {
    const name = `src/${'a'.repeat(200)}.c`;
    await withTempWorkspace(
      {
        'spdf.config.yaml': "version: 1\nexclude: ['**/*a*a*a*a*a*a*a*b']\ncode:\n  exclude: ['*a*a*a*a*a*a*a*a*b/**']\n",
        'model.spdf.yaml': 'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test]}\n',
        [name]: '// @spdf implements REQ-009\nint f(void) { return 0; }\n',
      },
      async (root) => {
        const lint = await runCli(['lint', root, '--format', 'json', '--no-cache']);
        const codes = (JSON.parse(lint.stdout) as { findings: { code: string; file: string }[] }).findings.map((f) => `${f.code} ${f.file}`);
        assert.ok(codes.includes(`CL001 ${name}`), codes.join('\n'));
      },
    );
  });
});
