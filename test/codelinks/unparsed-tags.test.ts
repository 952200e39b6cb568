// @spdf verifies SPDF-FC-TAGS
import * as assert from 'node:assert/strict';
import { parseTasks } from '../../src/node/codeindex/parse-tasks';
import type { TreeSitterRuntime } from '../../src/node/treesitter/tree-sitter-runtime';
import { indexText } from './fixture-harness';

/** Cases the tag-accounting property test found: tag-like text the parser did not leave in a comment. */
describe('tag-like text the parser did not leave in a comment', () => {
  it('reports a docstring that error recovery turned into a type annotation', async () => {
    const text = 'def broken(x:\n\n\ndef f1(x):\n    """@spdf"""\n    return x\n\n\n)\n\n\ndef f3(x):\n    return x\n';
    const index = await indexText('gen.py', text);
    assert.deepEqual(index.tags, []);
    assert.deepEqual(
      index.problems.filter((p) => p.kind === 'unparsed-tag').map((p) => [p.range.start.line, p.range.start.character]),
      [[4, 7]],
    );
  });

  it('keeps ignoring tag-like text in string literals of a file without syntax errors', async () => {
    const index = await indexText('ok.py', 's = "@spdf implements SEC-REQ-1"\n\n\ndef f():\n    return "lobster-trace: X"\n', { syntaxes: ['spdf', 'lobster'] });
    assert.deepEqual([index.tags, index.problems], [[], []]);
  });

  it('reports a tag in an unterminated C block comment', async () => {
    const index = await indexText('gen.c', 'int f(void) { return 0; }\n/* @spdf implements SEC-REQ-1\nint g(void) { return 1; }\n');
    assert.deepEqual(index.tags, []);
    assert.deepEqual(
      index.problems.filter((p) => p.kind === 'unparsed-tag').map((p) => p.range.start),
      [{ line: 1, character: 3 }],
    );
  });

  it('lists every tag-like text of a file that could not be parsed at all', async () => {
    const failing = { parse: () => Promise.reject(new Error('grammar missing')) } as unknown as TreeSitterRuntime;
    const text = '// @spdf implements SEC-REQ-1\nint f(void);\n/* @spdf verifies */\n';
    const [index] = await parseTasks(failing, [{ file: 'a.c', language: 'c', text, isTestFile: false }], {});
    assert.deepEqual(
      index.problems.map((p) => `${p.kind} ${p.range.start.line}:${p.range.start.character}`),
      ['internal 0:0', 'unparsed-tag 0:3', 'unparsed-tag 2:3'],
    );
  });
});
