// @spdf verifies SPDF-IMPORT-MERGE
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeImport } from '../../src/node/import-write';
import { runCli, tempWorkspace } from '../support/cli';

const otm = (o: { pumpName: string; threatTitle: string; cloud: boolean; gateway: boolean; tag: string }) =>
  JSON.stringify(
    {
      otmVersion: '0.2.0',
      project: { name: 'Pump', id: 'pump' },
      trustZones: [{ id: 'Z-DEV', name: 'Device', type: 'device', risk: { trustRating: 50 } }],
      components: [
        { id: 'A-PUMP', name: o.pumpName, type: 'device', parent: { trustZone: 'Z-DEV' }, threats: [{ threat: 'T-1', state: 'exposed' }] },
        ...(o.cloud ? [{ id: 'A-CLOUD', name: 'Cloud', type: 'service', parent: { trustZone: 'Z-DEV' } }] : []),
        ...(o.gateway ? [{ id: 'A-GW', name: 'Gateway', type: 'service', parent: { trustZone: 'Z-DEV' } }] : []),
        { id: 'A-APP', name: 'App', type: 'service', parent: { trustZone: 'Z-DEV' } },
      ],
      dataflows: [{ id: 'F-1', name: 'Sync', source: 'A-APP', destination: 'A-PUMP', tags: [o.tag] }],
      threats: [{ id: 'T-1', name: o.threatTitle, categories: ['Tampering'], risk: { likelihood: 1, impact: 1 } }],
    },
    null,
    2,
  );

const FIRST = { pumpName: 'Pump', threatTitle: 'Tampered limits', cloud: true, gateway: false, tag: 'https' };
const CHANGED = { pumpName: 'Pump v2', threatTitle: 'Tampered drug limits', cloud: false, gateway: true, tag: 'mqtt-tls' };

describe('spdf import: a re-import of a changed source merges into the hand-edited files', () => {
  let root: string;
  const model = () => readFileSync(join(root, 'model', 'pump.spdf.yaml'), 'utf8');
  beforeEach(async () => {
    root = tempWorkspace({ 'pump.json': otm(FIRST) });
    const first = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
    assert.equal(first.code, 0, first.stderr);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('applies the source changes, keeps hand-added items, fields and comments, and reports conflicts and removed items', async () => {
    const handEdited = model()
      .replace('spdf: "0.1"\n', 'spdf: "0.1"\n# Reviewed by the security team.\n')
      .replace('    name: App\n', '    name: App\n    safety_critical: false # the app only displays\n')
      .replace('    title: Tampered limits\n', '    title: Limits tampered in transit\n')
      .replace('threats:\n', 'threats:\n  - id: T-HAND\n    title: Replayed BLE pairing\n    stride: [S]\n');
    writeFileSync(join(root, 'model', 'pump.spdf.yaml'), handEdited);
    writeFileSync(join(root, 'pump.json'), otm(CHANGED));

    const again = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
    assert.equal(again.code, 1, 'a conflict fails the import');
    const merged = model();
    if (process.env.SHOW_MERGE) console.log(merged, readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8'));
    for (const hand of [
      '# Reviewed by the security team.\n',
      '    safety_critical: false # the app only displays\n',
      '    title: Limits tampered in transit\n',
      '  - id: T-HAND\n    title: Replayed BLE pairing\n    stride: [S]\n',
    ])
      assert.ok(merged.includes(hand), `hand edit kept: ${hand}\n${merged}`);
    assert.match(merged, /- id: A-PUMP\n {4}name: Pump v2\n/);
    assert.match(merged, /protocol: mqtt-tls\n/);
    assert.match(merged, /- id: A-GW\n {4}name: Gateway\n {4}kind: service\n {4}zone: Z-DEV\n/);
    assert.match(merged, /- id: A-CLOUD\n/, 'an item the source removed is kept');
    assert.match(again.stderr, /^model\/pump\.spdf\.yaml:\d+:5: warning: T-1: 'title' was edited by hand and the source changed it too: the hand edit is kept \(source now: Tampered drug limits\)$/m);
    assert.match(again.stderr, /^model\/pump\.spdf\.yaml:\d+:5: note: assets 'A-CLOUD' is no longer in the source: kept \(delete it by hand if it should go\)$/m);
    const line = merged.split('\n').indexOf('    title: Limits tampered in transit') + 1;
    const report = readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8');
    assert.ok(report.includes(`- pump.spdf.yaml:${line}:5: T-1: 'title' was edited by hand and the source changed it too`), report);
    assert.match(report, /### Added from the source\n\n- pump\.spdf\.yaml:\d+:5: assets 'A-GW' is new in the source: added/);
    const lint = await runCli(['lint', '--format', 'json', '--no-cache', 'model'], root);
    assert.deepEqual(
      (JSON.parse(lint.stdout) as { findings: { code: string }[] }).findings.filter((f) => f.code === 'TM000' || f.code === 'TM008'),
      [],
    );

    const third = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
    assert.equal(third.code, 0, `a resolved conflict is not reported again: ${third.stderr}`);
    assert.equal(model(), merged);
  });

  it('re-imports an unchanged source without touching a hand-edited file', async () => {
    const edited = model().replace('    name: App\n', '    name: App   # renamed later\n');
    writeFileSync(join(root, 'model', 'pump.spdf.yaml'), edited);
    const again = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(model(), edited);
  });

  it('does not add back an item deleted by hand, and --force replaces the files', async () => {
    writeFileSync(join(root, 'model', 'pump.spdf.yaml'), model().replace(/ {2}- id: A-CLOUD\n( {4}.*\n)+?(?= {2}- )/, ''));
    const again = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(model(), /A-CLOUD/);
    assert.match(again.stderr, /note: assets 'A-CLOUD' was deleted by hand; the source still has it: not added again/);
    const forced = await runCli(['import', 'otm', 'pump.json', '-o', 'model', '--force'], root);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(model(), /- id: A-CLOUD\n/);
  });

  it('never writes over a file that changed after it was read', async () => {
    const path = join(root, 'model', 'pump.spdf.yaml');
    writeFileSync(path, model().replace('    name: App\n', '    name: App\n    # a hand comment\n'));
    const base = JSON.parse(readFileSync(join(root, 'model', 'IMPORT-BASE.json'), 'utf8')) as { files: Record<string, string> };
    const changed = base.files['pump.spdf.yaml'].replace('    name: Pump\n', '    name: Pump v3\n');
    const result = await writeImport(
      join(root, 'model'),
      'otm',
      [{ name: 'pump.spdf.yaml', content: changed }],
      () => {
        writeFileSync(path, 'spdf: "0.1"\n# an editor saved this meanwhile\n');
        return '# report\n';
      },
      false,
    );
    assert.deepEqual(result.errors, ['pump.spdf.yaml: changed since it was read; not written (run the import again)']);
    assert.equal(readFileSync(path, 'utf8'), 'spdf: "0.1"\n# an editor saved this meanwhile\n');
    const after = JSON.parse(readFileSync(join(root, 'model', 'IMPORT-BASE.json'), 'utf8')) as { files: Record<string, string> };
    assert.equal(after.files['pump.spdf.yaml'], base.files['pump.spdf.yaml'], 'the snapshot keeps the old base of a file not written');
  });
});
