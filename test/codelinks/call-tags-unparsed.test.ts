import * as assert from 'node:assert/strict';
import { indexText } from './fixture-harness';

describe('call tags in code the parser could not understand', () => {
  it('a REQUIREMENT() call after a broken struct is reported as an unparsed tag, never lost', async () => {
    // Found by the tag-accounting property test: error recovery left no call node around the text.
    const text = 'struct { int a\nvoid t1(void) {\n  REQUIREMENT("R-1");\n}\n';
    const index = await indexText('t.c', text, { callTags: [{ names: ['REQUIREMENT'], relation: 'verifies' }] });
    const unparsed = index.problems.filter((p) => p.kind === 'unparsed-tag').map((p) => p.range.start.line);
    const linked = index.links.map((l) => `${l.id} ${l.range.start.line}`);
    assert.ok(unparsed.includes(2) || linked.includes('R-1 2'), `R-1 on line 3 vanished: problems ${JSON.stringify(index.problems)}, links ${JSON.stringify(linked)}`);
  });
});
