// @spdf verifies SPDF-FC-REGEX
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver/node';
import { posOf, startHarness } from './harness';

const EVIL_ID = `${'a'.repeat(32)}!`;
const CONFIG = ['profile: all', 'id_patterns:', '  requirement: "^(a+)+$"', "  control: '(?<=C)TRL-\\d+'", 'code:', '  tag_syntaxes: [spdf, bare]', '  bare_id_patterns: ["(a+)+!"]', ''].join('\n');
const MODEL = `requirements:\n  - id: ${EVIL_ID}\n    title: Catastrophic for a backtracking engine\n`;
const CODE = `// ${EVIL_ID}\nint f(void) { return 1; }\n`;

describe('language server: workspace regexes', function () {
  this.timeout(30000);

  it('answers with a catastrophic ID pattern, reports an unsupported one in the config and finds bare IDs', async () => {
    const h = await startHarness({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': MODEL, 'src/f.c': CODE });
    try {
      await h.open('m.spdf.yaml');
      const model = await h.waitDiagnostics('m.spdf.yaml', (d) => d.some((x) => x.code === 'TM003'));
      assert.deepEqual(model.find((x) => x.code === 'TM003')!.range.start, posOf(MODEL, EVIL_ID));
      const config = await h.waitDiagnostics('spdf.config.yaml', (d) => d.some((x) => x.code === 'TM008'));
      assert.deepEqual(
        config.filter((x) => x.code === 'TM008').map((x) => x.range),
        [{ start: posOf(CONFIG, "'(?<="), end: posOf(CONFIG, "'\n", 1) }],
      );
      const refs = await h.request<Location[]>('textDocument/references', { textDocument: { uri: h.uri('m.spdf.yaml') }, position: posOf(MODEL, EVIL_ID, 1), context: { includeDeclaration: false } });
      assert.ok(
        refs.some((r) => r.uri === h.uri('src/f.c')),
        JSON.stringify(refs),
      );
    } finally {
      await h.close();
    }
  });
});
