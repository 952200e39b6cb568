// @spdf verifies SPDF-FC-SKIPPED-TESTS
import assert from 'node:assert/strict';
import { skippedInEveryRun, skippedTestProblems } from '../../src/core/codelinks/skipped-tests';
import type { CodeLink, CodeSymbol, CodeTag } from '../../src/core/codelinks/model';
import { matrixLinksFromCode } from '../../src/core/matrix/links';
import type { Graph } from '../../src/core/model/graph';
import { statusLinks } from '../../src/server/trace-cache';
import { LineIndex } from '../../src/core/text';

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** A Java class of `n` methods all named `check` (overloads), each tagged, every other one @Disabled, in a @Disabled class or not. */
function overloads(n: number, classDisabled: boolean): { text: string; symbols: CodeSymbol[]; tags: CodeTag[] } {
  const lines = [`${classDisabled ? '@Disabled ' : ''}class T {`];
  const symbols: CodeSymbol[] = [];
  const tags: CodeTag[] = [];
  for (let i = 0; i < n; i++) {
    const tagLine = lines.push('  // @spdf verifies A') - 1;
    const line = lines.push(`  ${i % 2 ? '@Disabled ' : ''}void check(int a${i}) {}`) - 1;
    const at = lines[line].indexOf('check');
    symbols.push({ name: 'check', qualifiedName: 'T.check', kind: 'method', range: range(line, 2, lines[line].length), nameRange: range(line, at, at + 5), docRanges: [] });
    tags.push({ syntax: 'spdf', id: 'A', idRange: range(tagLine, 20, 21), relation: 'verifies', tagRange: range(tagLine, 5, 21), symbol: 'T.check' });
  }
  lines.push('}');
  const text = lines.join('\n');
  const cls: CodeSymbol = { name: 'T', qualifiedName: 'T', kind: 'class', range: range(0, 0, 1, lines.length - 1), nameRange: range(0, classDisabled ? 16 : 6, classDisabled ? 17 : 7), docRanges: [] };
  return { text, symbols: [cls, ...symbols], tags };
}

describe('CL014 on hostile input: linear in tags and symbols', () => {
  for (const classDisabled of [false, true])
    it(`30,000 tagged overloads of one name${classDisabled ? ' in a @Disabled class' : ''}: each tag judged by its own method`, () => {
      const n = 30_000;
      const { text, symbols, tags } = overloads(n, classDisabled);
      const problems = skippedTestProblems(text, new LineIndex(text, 'lf'), { language: 'java', tags, symbols }, true);
      assert.equal(problems.length, classDisabled ? n : n / 2);
      if (!classDisabled) assert.deepEqual(problems[0].range, tags[1].tagRange);
    });
});

describe('CL014 on hostile input: many tags on one long test', () => {
  it("20,000 tags inside one 2 MB Go test: each reads only its test's header and first statement (a guard)", () => {
    const n = 20_000;
    const body = Array.from({ length: n }, () => '\t// @spdf verifies A\n\tcheck(t, "' + 'x'.repeat(80) + '")').join('\n');
    const text = `package pump\n\nfunc TestAll(t *testing.T) {\n\tt.Skip("later")\n${body}\n}\n`;
    const lines = text.split('\n');
    const fn: CodeSymbol = { name: 'TestAll', qualifiedName: 'pump.TestAll', kind: 'function', range: range(2, 0, 1, lines.length - 2), nameRange: range(2, 5, 12), docRanges: [] };
    const tags: CodeTag[] = Array.from({ length: n }, (_, i) => ({
      syntax: 'spdf',
      id: 'A',
      idRange: range(4 + 2 * i, 19, 20),
      relation: 'verifies',
      tagRange: range(4 + 2 * i, 4, 20),
      symbol: 'pump.TestAll',
    }));
    const problems = skippedTestProblems(text, new LineIndex(text, 'lf'), { language: 'go', tags, symbols: [fn] }, true);
    assert.equal(problems.length, n);
    assert.match(problems[0].message, /`t\.Skip\(\)`/);
  });
});

describe('a verifies link on a test skipped in every run is marked so for the trace (no result can make it pass)', () => {
  const problem = { kind: 'verifies-skipped-test' as const, message: 'skipped', range: range(4, 5, 30) };
  const link = (line: number, relation: CodeLink['relation'] = 'verifies'): CodeLink => ({
    id: 'REQ-1',
    relation,
    file: 'test/pump.test.ts',
    symbol: 'pump.todo',
    range: range(line, 20, 25),
    symbolRange: range(line + 1, 2, 40),
    syntax: 'spdf',
    codeHash: 'h',
  });
  for (const [what, l, problems, want] of [
    ['the tag CL014 reports', link(4), [problem], true],
    ['a tag on another line', link(6), [problem], false],
    ['an implements tag on that line', link(4, 'implements'), [problem], false],
    ['another problem on that line', link(4), [{ ...problem, kind: 'syntax-error' as const }], false],
    ['no problems known', link(4), undefined, false],
  ] as const)
    it(`${what}: ${want ? 'marked' : 'not marked'}`, () => {
      assert.equal(skippedInEveryRun(l, problems), want);
      // The language server's links carry the same mark (src/server/trace-cache.ts).
      const [shown] = statusLinks(
        [l],
        () => 'unreviewed',
        undefined,
        () => problems,
      );
      assert.equal(shown.skippedInEveryRun === true, want);
      const [cli] = matrixLinksFromCode({ files: [{ links: [l], ...(problems ? { problems: [...problems] } : {}) }] }, undefined, { byId: new Map() } as unknown as Graph).links;
      assert.equal(cli.skippedInEveryRun === true, want);
    });
});
