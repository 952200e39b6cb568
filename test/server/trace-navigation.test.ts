/** Gutter coverage of a source file and navigation between symbols and items (spdf/fileCoverage, spdf/symbolItems, spdf/itemCode). */
import assert from 'node:assert/strict';
import type { FileCoverage, TraceTarget } from '../../src/protocol';
import { C_FILE, FILES, MODEL } from './fixture';
import { posOf, startHarness, type Harness } from './harness';

const SAFETY_MODEL = MODEL.replace('    zone: Z-DEVICE\n', '    zone: Z-DEVICE\n    safety_critical: true\n    code: [src/dose.c]\n');
const C_WITH_UNTRACED = `${C_FILE}
int untraced_helper(int x)
{
    return x + 1;
}
`;

describe('trace navigation requests', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ ...FILES, 'model/pump.spdf.yaml': SAFETY_MODEL, 'src/dose.c': C_WITH_UNTRACED, 'src/other.c': 'int plain(void) { return 0; }\n' });
    await h.open('model/pump.spdf.yaml');
    await h.waitDiagnostics('model/pump.spdf.yaml', (d) => d.length > 0);
  });
  after(async () => h.close());

  it('marks every function of safety-critical code traced or untraced, each on its name line', async () => {
    const cov = await h.request<FileCoverage>('spdf/fileCoverage', { uri: h.uri('src/dose.c') });
    assert.equal(cov.safetyCritical, true);
    assert.equal(cov.problem, undefined);
    const marks = cov.symbols.map((s) => `${s.symbol}:${s.state}:${s.line}`);
    assert.deepEqual(marks, [
      `verify_signature:traced:${posOf(C_WITH_UNTRACED, 'verify_signature').line}`,
      `apply_dose:traced:${posOf(C_WITH_UNTRACED, 'apply_dose').line}`,
      `untraced_helper:untraced:${posOf(C_WITH_UNTRACED, 'untraced_helper').line}`,
    ]);
    assert.deepEqual(cov.symbols[0].links, ['implements SEC-REQ-001']);
  });

  it('marks nothing in code outside safety-critical assets that carries no tag', async () => {
    const cov = await h.request<FileCoverage>('spdf/fileCoverage', { uri: h.uri('src/other.c') });
    assert.deepEqual(cov, { safetyCritical: false, symbols: [] });
  });

  it('says so when safety-critical code was not indexed, instead of showing no marks', async () => {
    const h2 = await startHarness({ ...FILES, 'model/pump.spdf.yaml': SAFETY_MODEL.replace('code: [src/dose.c]', 'code: [src/dose.c, src/missing.c]') });
    try {
      await h2.open('model/pump.spdf.yaml');
      await h2.waitDiagnostics('model/pump.spdf.yaml', (d) => d.length > 0);
      const cov = await h2.request<FileCoverage>('spdf/fileCoverage', { uri: h2.uri('src/missing.c') });
      assert.equal(cov.safetyCritical, true);
      assert.match(cov.problem ?? '', /not indexed/);
    } finally {
      await h2.close();
    }
  });

  it('lists the items of the symbol at a position, and nothing between functions', async () => {
    const inside = posOf(C_WITH_UNTRACED, 'return len', 2);
    const r = await h.request<{ symbol: string | null; items: TraceTarget[] }>('spdf/symbolItems', { uri: h.uri('src/dose.c'), position: inside });
    assert.equal(r.symbol, 'verify_signature');
    assert.deepEqual(
      r.items.map((i) => i.label),
      ['SEC-REQ-001'],
    );
    assert.equal(r.items[0].location.uri, h.uri('model/pump.spdf.yaml'));
    const outside = await h.request<{ symbol: string | null; items: TraceTarget[] }>('spdf/symbolItems', { uri: h.uri('src/dose.c'), position: { line: 1, character: 0 } });
    assert.deepEqual(outside, { symbol: null, items: [] });
  });

  it('lists implementing and verifying code and tests of an item, and reports an unknown ID', async () => {
    const r = await h.request<{ found: boolean; code: TraceTarget[] }>('spdf/itemCode', { id: 'SEC-REQ-001' });
    assert.equal(r.found, true);
    assert.deepEqual(
      r.code.map((c) => c.label),
      ['verify_signature', 'TC-001'],
    );
    assert.equal(r.code[0].location.uri, h.uri('src/dose.c'));
    assert.deepEqual(await h.request('spdf/itemCode', { id: 'SEC-REQ-999' }), { found: false, code: [] });
  });
});
