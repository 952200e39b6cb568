// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { SourceText } from '../../src/core/text';
import { parseYaml } from '../../src/core/yaml/parse';

/** Problems as an editor shows them: line:column and message, so a CRLF text can be compared with its LF text. */
const shown = (text: string) => {
  const source = new SourceText('f.yaml', text);
  return parseYaml(text).problems.map((p) => `${JSON.stringify(source.positionAt(p.start))}-${JSON.stringify(source.positionAt(p.end))} ${p.message}`);
};

describe('YAML syntax errors in a CRLF file', () => {
  // Found by the loader fuzz test: the yaml package recovered from this error differently after \r\n than after \n.
  const broken = ['c:\n  - id: A\n\n"    e: "x."\n    s: v\n', ':c:\n  - id: A\n    f: closed\n\n"    e: "Only x."\n    status: verified\n\n  - id: B\n'];
  for (const lf of broken)
    it(`are reported exactly as in the LF text: ${JSON.stringify(lf.slice(0, 20))}...`, () => {
      const expected = shown(lf);
      assert.ok(expected.length > 0, 'the text is broken');
      assert.deepEqual(shown(lf.replace(/\n/g, '\r\n')), expected);
    });

  it('keep every node at its offset in the text as written', () => {
    const crlf = 'a:\r\n  - id: X\r\n    t: "two\r\n      lines"\r\n  - *nope\r\n';
    const root = parseYaml(crlf).roots[0];
    assert.ok(root?.kind === 'map');
    const seq = root.pairs[0].value;
    assert.ok(seq?.kind === 'seq');
    const item = seq.items[0];
    assert.ok(item?.kind === 'map');
    const t = item.pairs[1].value!;
    assert.equal(crlf.slice(t.start, t.end), '"two\r\n      lines"');
    assert.equal(crlf.slice(item.pairs[0].value!.start, item.pairs[0].value!.end), 'X');
  });
});
