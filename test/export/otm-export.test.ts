// @spdf verifies SPDF-CMD-EXPORT-OTM
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseYaml } from '../../src/core/yaml/parse';
import { toData } from '../../src/core/yaml/ynode';
import { runCli, tempWorkspace } from '../support/cli';

type Item = Record<string, unknown> & { id: string };
const SECTIONS = ['zones', 'assets', 'flows', 'threats', 'controls'] as const;

/**
 * What OTM 0.2.0 requires of a document, written from its specification (the schema itself is not vendored:
 * its repository licenses it CC BY-SA 4.0): required keys and their types per section.
 */
const obj = (required: string[], properties: Record<string, object> = {}) => ({ type: 'object', required, properties });
const arr = (items: object) => ({ type: 'array', items });
const S = { type: 'string' };
const N = { type: 'number' };
const threatRef = obj(['threat', 'state'], { threat: S, state: S, mitigations: arr(obj(['mitigation', 'state'], { mitigation: S, state: S })) });
const OTM_STRUCTURE = obj(['otmVersion', 'project'], {
  otmVersion: S,
  project: obj(['name', 'id'], { name: S, id: S }),
  assets: arr(obj(['id', 'name', 'risk'], { id: S, name: S, risk: obj(['confidentiality', 'integrity', 'availability'], { confidentiality: N, integrity: N, availability: N }) })),
  trustZones: arr(obj(['id', 'name', 'risk'], { id: S, name: S, type: S, risk: obj(['trustRating'], { trustRating: N }) })),
  components: arr(
    obj(['id', 'name', 'type', 'parent'], { id: S, name: S, type: S, parent: { type: 'object', oneOf: [{ required: ['trustZone'] }, { required: ['component'] }] }, threats: arr(threatRef) }),
  ),
  dataflows: arr(obj(['id', 'name', 'source', 'destination'], { id: S, name: S, source: S, destination: S, bidirectional: { type: 'boolean' }, tags: arr(S), threats: arr(threatRef) })),
  threats: arr(obj(['id', 'name', 'risk'], { id: S, name: S, categories: arr(S), cwes: arr(S), risk: obj(['likelihood', 'impact'], { likelihood: { type: ['number', 'null'] }, impact: N }) })),
  mitigations: arr(obj(['id', 'name', 'riskReduction'], { id: S, name: S, riskReduction: N })),
});

function itemsIn(dir: string): Record<(typeof SECTIONS)[number], Item[]> {
  const out = Object.fromEntries(SECTIONS.map((s) => [s, [] as Item[]])) as Record<(typeof SECTIONS)[number], Item[]>;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.spdf.yaml'))) {
    const parsed = parseYaml(readFileSync(join(dir, f), 'utf8'));
    assert.deepEqual(parsed.problems, [], f);
    const data = toData(parsed.roots[0], { left: 1e6 }) as Record<string, Item[] | undefined>;
    for (const s of SECTIONS) out[s].push(...(data[s] ?? []));
  }
  for (const s of SECTIONS) out[s].sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

async function exportOtm(workspace: string, out: string): Promise<{ code: number; stderr: string; otm: Record<string, unknown> }> {
  const r = await runCli(['export', 'otm', workspace, '-o', join(out, 'model.otm.json'), '--no-cache'], workspace);
  return { code: r.code, stderr: r.stderr, otm: JSON.parse(readFileSync(join(out, 'model.otm.json'), 'utf8')) as Record<string, unknown> };
}

describe('spdf export otm', () => {
  const example = join(__dirname, '..', '..', 'examples', 'infusion-pump');
  let out: string;
  beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'spdf-otm-'))));
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the example workspace as an OTM document with every key OTM 0.2.0 requires', async () => {
    const { code, stderr, otm } = await exportOtm(example, out);
    assert.equal(code, 0, stderr);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(OTM_STRUCTURE);
    assert.ok(validate(otm), JSON.stringify(validate.errors));
    const component = (otm.components as { id: string; parent: { trustZone: string }; type: string }[]).find((c) => c.id === 'AST-DOSE-CTRL');
    assert.deepEqual(component && { zone: component.parent.trustZone, type: component.type }, { zone: 'Z-PUMP-SAFETY', type: 'component' });
    assert.match(stderr, /note: OTM requires numbers the model does not hold; written at the conservative end: trustRating \(\d+x: 0\)/);
    assert.match(stderr, /OTM has no place for \d+ hazard\(s\), \d+ requirement\(s\), \d+ test\(s\), \d+ conduit\(s\)/);
  });

  it('round trip: export, then spdf import otm, gives back the same zones, assets, flows, threats and controls', async function () {
    this.timeout(20_000);
    const { code, stderr } = await exportOtm(example, out);
    assert.equal(code, 0, stderr);
    const imported = await runCli(['import', 'otm', 'model.otm.json', '-o', 'model'], out);
    assert.equal(imported.code, 0, imported.stderr);
    const before = itemsIn(join(example, 'model'));
    const after = itemsIn(join(out, 'model'));
    for (const s of SECTIONS) assert.ok(before[s].length > 0, s);
    assert.deepEqual(after, before);
  });

  it('round trip: data assets, a threat on a conduit, an accepted threat and a control linked from its side come back as written', async () => {
    const root = tempWorkspace({
      'model/m.spdf.yaml': [
        'spdf: "0.1"',
        'zones:',
        '  - { id: Z-1, name: Device, class: device }',
        '  - { id: Z-2, name: Cloud, class: cloud }',
        'assets:',
        '  - { id: A-1, name: Pump, kind: device, zone: Z-1 }',
        '  - { id: A-2, name: Service, kind: service, zone: Z-2 }',
        '  - { id: D-1, name: Dose records, kind: data, cia: { c: high, i: critical } }',
        'conduits:',
        '  - { id: C-1, zones: [Z-1, Z-2] }',
        'flows:',
        '  - { id: F-1, source: A-1, destination: A-2, protocol: mqtt-tls, conduit: C-1, data: [D-1] }',
        'threats:',
        '  - { id: T-1, title: Replay, stride: [S, T], targets: [C-1] }',
        '  - { id: T-2, title: Leak, targets: [A-2], status: accepted, acceptance: { by: QA, on: 2026-01-01, rationale: "low" } }',
        'controls:',
        '  - { id: CT-1, title: Nonces, threats: [T-1], status: verified }',
        '',
      ].join('\n'),
    });
    try {
      const { code, stderr, otm } = await exportOtm(root, root);
      assert.equal(code, 0, stderr);
      assert.deepEqual(
        (otm.assets as { id: string; risk: object }[]).map((a) => [a.id, a.risk]),
        [['D-1', { confidentiality: 75, integrity: 100, availability: 100 }]],
      );
      assert.match(stderr, /^model\/m\.spdf\.yaml:14:5: note: threat 'T-1': target 'C-1' attached to the 1 dataflow\(s\) it carries \(OTM has no conduits\)$/m);
      const imported = await runCli(['import', 'otm', 'model.otm.json', '-o', 'back'], root);
      assert.equal(imported.code, 0, imported.stderr);
      const before = itemsIn(join(root, 'model'));
      const after = itemsIn(join(root, 'back'));
      // Lossy by design: OTM requires a name, so a flow without one comes back named by its ID.
      assert.equal(after.flows[0].name, 'F-1');
      delete after.flows[0].name;
      assert.deepEqual(after, before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists an asset without a zone, and a flow to it, as not exported (exit 1), and writes the rest', async () => {
    const root = tempWorkspace({
      'm.spdf.yaml': [
        'spdf: "0.1"',
        'zones:',
        '  - { id: Z-1, name: Device, class: device }',
        'assets:',
        '  - { id: A-1, name: Pump, kind: device, zone: Z-1 }',
        '  - { id: A-2, name: Loose, kind: service }',
        'flows:',
        '  - { id: F-1, name: Sync, source: A-1, destination: A-2, protocol: https }',
        '',
      ].join('\n'),
    });
    try {
      const { code, stderr, otm } = await exportOtm(root, root);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /^m\.spdf\.yaml:6:5: warning: asset 'A-2': not exported: an OTM component needs a trust zone and the asset has none$/m);
      assert.match(stderr, /^m\.spdf\.yaml:8:5: warning: flow 'F-1': not exported: its source and destination must both be exported components$/m);
      assert.deepEqual(
        (otm.components as { id: string }[]).map((c) => c.id),
        ['A-1'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes nothing from a model with errors', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'spdf: "0.1"\nzones:\n  - id: Z-1\n    name: [unclosed\n' });
    try {
      const r = await runCli(['export', 'otm', root, '-o', join(root, 'out.otm.json'), '--no-cache'], root);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /m\.spdf\.yaml:\d+:\d+: error .*\n.*nothing written/);
      assert.deepEqual(
        readdirSync(root).filter((f) => f.endsWith('.json')),
        [],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
