// @spdf verifies SPDF-LSP-LENS
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver/node';
import { startHarness, type Harness } from './harness';
import { FILES, YAML } from './fixture';

const SAFETY = 'src/safety.c';
const SAFETY_C = `// @spdf hazard HAZ-001
int limit_rate(int rate)
{
    return rate > 100 ? 100 : rate;
}

// @spdf mitigates THR-001
int check_sender(int id)
{
    return id == 7;
}

// @spdf implements CTRL-001
int sign(int x)
{
    return x;
}
`;

describe('language server: code lenses say what is meaningful for the kind of the linked item', function () {
  this.timeout(30000);
  let h: Harness;
  let titles: string[];
  before(async () => {
    h = await startHarness({ ...FILES, [SAFETY]: SAFETY_C });
    await h.open(YAML);
    await h.waitDiagnostics(YAML);
    await h.open(SAFETY);
    const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(SAFETY) } });
    titles = lenses.map((l) => l.command!.title.replace(/ · (reviewed|suspect)$/, ''));
  });
  after(async () => h.close());

  it('counts the controls of a hazard, not its tests', () => {
    assert.ok(titles.includes('hazard HAZ-001 · 0 controls'), titles.join(' / '));
  });

  it('counts the controls of a threat, named on either side once', () => {
    assert.ok(titles.includes('mitigates THR-001 · 1 control'), titles.join(' / '));
  });

  it('counts the tests of a control', () => {
    assert.ok(titles.includes('CTRL-001 · 0 tests'), titles.join(' / '));
  });

  it('never says tests for a hazard or threat', () => {
    assert.deepEqual(
      titles.filter((t) => /HAZ-|THR-/.test(t) && /test/.test(t)),
      [],
    );
  });
});
