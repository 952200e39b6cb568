// @spdf verifies SPDF-LSP-VIEWS
/**
 * "Export SVG" of the zone diagram: the file saved from the page's XMLSerializer output is well-formed XML
 * whatever the model's names hold (Chromium's serializer writes control characters raw).
 */
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { svgFileBytes } from '../../../src/extension/webviews/messages';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('zone diagram SVG export', () => {
  // [serialized text content, as the saved file shows it]
  const ROWS: [string, string][] = [
    ['a\u0001b\u001bc', 'a&lt;U+0001&gt;b&lt;U+001B&gt;c'],
    ['nul \u0000 vt \u000b ff \u000c', 'nul &lt;U+0000&gt; vt &lt;U+000B&gt; ff &lt;U+000C&gt;'],
    ['\ufffe\uffff', '&lt;U+FFFE&gt;&lt;U+FFFF&gt;'],
    ['lone \ud800 \udfff', 'lone &lt;U+D800&gt; &lt;U+DFFF&gt;'],
    ['pair \ud83d\ude00, tab\tand line\nkept', 'pair \ud83d\ude00, tab\tand line\nkept'],
    [']]&gt; &lt;foreignObject&gt;&lt;script&gt;', ']]&gt; &lt;foreignObject&gt;&lt;script&gt;'],
  ];
  for (const [raw, shown] of ROWS)
    it(`saves ${JSON.stringify(raw)} in a label and an attribute as well-formed XML`, () => {
      const file = text(svgFileBytes(`<svg xmlns="http://www.w3.org/2000/svg"><text aria-label="${raw}">${raw}</text></svg>`));
      assert.equal(XMLValidator.validate(file), true, file);
      assert.equal(file, `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text aria-label="${shown}">${shown}</text></svg>\n`);
    });

  it('saves nothing that is not an SVG element', () => {
    for (const m of [undefined, 42, '', '<html><script>alert(1)</script></html>', ' <svg/>']) assert.equal(svgFileBytes(m), undefined, String(m));
  });
});
