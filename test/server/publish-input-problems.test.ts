// @spdf verifies SPDF-LSP-PARITY
import assert from 'node:assert/strict';
import type { Root } from '../../src/server/session';
import { publisherOver } from '../support/publisher-session';
import type { InputProblem } from '../../src/server/input-problems';

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A root at `dir` whose state lists `problems` as its input problems and counts how often they are listed. */
function root(dir: string, problems: InputProblem[], calls: { n: number }): Root {
  const state = {
    findingsByFile: new Map(),
    baselined: new Set(),
    code: { unscanned: new Map(), problems: [] },
    inputProblems: { list: () => (calls.n++, problems), notesOf: () => [] },
    allFiles: () => [],
    opts: { codeLinks: false },
  };
  const paths = {
    root: dir,
    toUri: (p: string) => `file://${dir}/${p}`,
    toPath: (uri: string) => (uri.startsWith(`file://${dir}/`) ? uri.slice(`file://${dir}/`.length) : undefined),
  };
  return { paths, state } as unknown as Root;
}

describe('language server: the input problems of a multi-root publish', () => {
  it('are listed once per root and publish, the problems an outer root carries to an inner one included', () => {
    const outerCalls = { n: 0 };
    const innerCalls = { n: 0 };
    // The outer root reports TM014 on the inner folder's own config, which the inner root publishes.
    const outer = root('/ws', [{ file: 'sub/spdf.config.yaml', range: AT_START, message: 'sub-project config not applied' }], outerCalls);
    const inner = root('/ws/sub', [{ file: 'req.spdf.yaml', range: AT_START, message: 'inner problem' }], innerCalls);
    const roots = [outer, inner];
    const { publisher, sent } = publisherOver(roots);
    for (let publish = 1; publish <= 2; publish++) {
      publisher.publishAll(publish === 1);
      assert.deepEqual([outerCalls.n, innerCalls.n], [publish, publish], `publish ${publish}: input problems listed per root`);
    }
    const byUri = new Map(sent.map((p) => [p.uri, p.diagnostics.map((d) => d.message)]));
    assert.deepEqual(byUri.get('file:///ws/sub/spdf.config.yaml'), ['sub-project config not applied']);
    assert.deepEqual(byUri.get('file:///ws/sub/req.spdf.yaml'), ['inner problem']);
    assert.equal(sent.length, 2, 'each file once, by the root that owns it');
  });
});
