import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { buildMatrix } from '../../src/core/matrix/build';
import { cellText } from '../../src/core/matrix/model';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { runCli } from '../support/cli';

const MODEL = `zones:
  - {id: Z-CELL, name: Cell, class: ot, sl_t: {FR4: 2}}
  - {id: Z-NONE, name: No target yet, class: ot}
  - {id: Z-ZERO, name: Nothing required, class: ot, sl_t: 0}
requirements:
  - id: SEC-REQ-1
    title: Encrypt over untrusted networks
    standards: {iec62443_3_3: ["SR 4.1", "SR 4.1 RE 1"]}
    verification: [test]
    tests: [TC-1]
  - id: SEC-REQ-2
    title: Unverified cryptography requirement
    standards: {iec62443_3_3: ["SR 4.3"]}
tests:
  - {id: TC-1, title: Passes, verifies: [SEC-REQ-1]}
`;

async function view(model: string) {
  const config = 'evidence: {requirement: {implementation: false, verification: true}}\n';
  const { graph, config: resolved } = await loadWorkspace(
    new MemoryHost(
      new Map([
        ['m.spdf.yaml', model],
        ['spdf.config.yaml', config],
      ]),
    ),
  );
  return buildMatrix({ graph, config: resolved }, ['iec62443']).views.iec62443!;
}

describe('IEC 62443 zone compliance view', () => {
  it('lists each SR/RE a zone SL-T requires with its covering items, the best status and the zone totals', async () => {
    const v = await view(MODEL);
    const cell = Object.fromEntries(v.rows.filter((r) => r.id.startsWith('Z-CELL SR')).map((r) => [cellText(r.cells.sr), r]));
    // SL-T 2 on FR4: SR 4.1 (SL 1), SR 4.1 RE 1 (SL 2), SR 4.2 (SL 2), SR 4.3 (SL 1); SR 4.2 RE 1 and SR 4.1 RE 2 start higher.
    assert.deepEqual(Object.keys(cell), ['SR 4.1', 'SR 4.1 RE 1', 'SR 4.2', 'SR 4.3']);
    assert.equal(cell['SR 4.1 RE 1'].status, 'OK');
    assert.equal(cellText(cell['SR 4.1 RE 1'].cells.coveredBy), 'SEC-REQ-1 (OK)');
    assert.equal(cell['SR 4.2'].status, 'MISSING');
    assert.match(cellText(cell['SR 4.2'].cells.why), /SL-T 2 on FR4 requires SR 4\.2; no requirement or control maps to it/);
    assert.notEqual(cell['SR 4.3'].status, 'OK', 'an unverified covering requirement does not verify the SR');
    assert.equal(cellText(cell['SR 4.3'].cells.counts), '4 required / 3 covered / 2 verified');
  });

  it('gives a zone without a readable SL-T one MISSING row (never an empty, complete-looking zone) and SL 0 none', async () => {
    const v = await view(MODEL);
    const none = v.rows.filter((r) => r.id.startsWith('Z-NONE'));
    assert.equal(none.length, 1);
    assert.equal(none[0].status, 'MISSING');
    assert.deepEqual(
      v.rows.filter((r) => r.id.startsWith('Z-ZERO')),
      [],
    );
  });

  it('gives each FR an SL-T mapping leaves out a MISSING row (unknown, never 0)', async () => {
    const v = await view(MODEL);
    const unknown = v.rows.filter((r) => r.id.startsWith('Z-CELL FR'));
    assert.deepEqual(
      unknown.map((r) => r.id),
      ['Z-CELL FR1 ?', 'Z-CELL FR2 ?', 'Z-CELL FR3 ?', 'Z-CELL FR5 ?', 'Z-CELL FR6 ?', 'Z-CELL FR7 ?'],
    );
    assert.ok(unknown.every((r) => r.status === 'MISSING'));
  });

  it('spdf trace --view iec62443 writes html, csv, xlsx, md, json and sarif', async function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'spdf-iec-'));
    try {
      const example = join(__dirname, '..', '..', 'examples', 'infusion-pump');
      for (const f of ['html', 'csv', 'xlsx', 'md', 'json', 'sarif']) {
        const out = join(dir, `m.${f}`);
        const r = await runCli(['trace', example, '--view', 'iec62443', '--format', f, '-o', out, '--no-code']);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(existsSync(out) && readFileSync(out).length > 100, f);
      }
      assert.match(readFileSync(join(dir, 'm.csv'), 'utf8'), /^Zone \/ conduit,SR \/ RE: short title,SL-T,SR \/ RE,/);
      assert.ok(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')).views.iec62443.rows.some((r: { id: string }) => r.id === 'Z-IDMZ SR 1.1 RE 2'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('spdf check gates on items, not on the compliance rows (a projection, like the FDA view)', async function () {
    this.timeout(120_000);
    const example = join(__dirname, '..', '..', 'examples', 'infusion-pump');
    const r = await runCli(['check', example, '--fail-on-status', 'MISSING', '--no-code', '--format', 'json']);
    const offenders = (JSON.parse(r.stdout) as { offenders: { id?: string; status?: string }[] }).offenders.filter((o) => o.status === 'MISSING').map((o) => o.id);
    assert.ok(offenders.includes('SEC-REQ-011'), `the gate still lists item offenders: ${offenders.join(', ')}`);
    assert.deepEqual(
      offenders.filter((id) => / SR \d|FR\d/.test(id ?? '')),
      [],
    );
  });
});
