// @spdf verifies SPDF-LSP-SBOM
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';
import { MODEL_NAMING_SBOM as TEXT, SBOM_PATH as SBOM } from '../support/sbom-model';

const MODEL = 'model.spdf.yaml';
const component = (name: string) => `{"bom-ref": "pkg:npm/${name}@1.0.0", "type": "library", "name": "${name}", "version": "1.0.0", "purl": "pkg:npm/${name}@1.0.0"}`;
const sbom = (names: string[]) =>
  `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-01-01T00:00:00Z", "authors": [{"name": "A"}]}, "components": [${names.map(component).join(', ')}]}\n`;
const BROKEN = sbom(['lodash']).slice(0, 60);

const sbomProblems = (s: WorkspaceState) => s.result.findings.filter((f) => f.code === 'SB007' && f.message.includes(SBOM)).map((f) => `${f.file} ${f.message}`);
const components = (s: WorkspaceState) => s.graph.byKind.component.map((c) => c.id);

async function state(disk: Map<string, string>): Promise<WorkspaceState> {
  const s = new WorkspaceState(new MemoryHost(disk), { root: 'open-sbom', trusted: true, codeLinks: false });
  await s.loadAll();
  s.check();
  return s;
}

describe('language server: SBOM and VEX documents open in the editor and read once per content', function () {
  this.timeout(60000);

  it('reads the unsaved text of an open SBOM, not the disk, and the disk again once it is closed', async () => {
    const s = await state(
      new Map([
        [MODEL, TEXT],
        [SBOM, sbom(['lodash'])],
        ['spdf.config.yaml', 'profile: recommended\n'],
      ]),
    );
    assert.deepEqual(sbomProblems(s), []);
    assert.deepEqual(components(s), ['pkg:npm/lodash@1.0.0']);

    await s.setOverlay(SBOM, BROKEN);
    s.check();
    assert.equal(sbomProblems(s).length, 1, 'the broken unsaved text is reported at the reference');
    assert.match(sbomProblems(s)[0], /not read completely/);

    await s.setOverlay(SBOM, sbom(['lodash', 'express']));
    s.check();
    assert.deepEqual(sbomProblems(s), []);
    assert.deepEqual(components(s), ['pkg:npm/lodash@1.0.0', 'pkg:npm/express@1.0.0']);

    await s.closeOverlay(SBOM);
    s.check();
    assert.deepEqual(components(s), ['pkg:npm/lodash@1.0.0']);
  });

  it('reads an SBOM open before the workspace is loaded from its unsaved text', async () => {
    const s = new WorkspaceState(
      new MemoryHost(
        new Map([
          [MODEL, TEXT],
          [SBOM, sbom(['lodash'])],
        ]),
      ),
      { root: 'open-sbom', trusted: true, codeLinks: false },
    );
    s.overlays.set(SBOM, BROKEN);
    await s.loadAll();
    s.check();
    assert.equal(sbomProblems(s).length, 1);
  });

  it('sees a changed SBOM on the next model edit, though no watcher reported it (keyed by the bytes, not the path)', async () => {
    const disk = new Map([
      [MODEL, TEXT],
      [SBOM, sbom(['lodash'])],
    ]);
    const s = await state(disk);
    // The same size: only the bytes tell.
    disk.set(SBOM, sbom(['rimraf']));
    await s.setOverlay(MODEL, TEXT.replace('title: Authenticate', 'title: Authenticate users'));
    s.check();
    assert.deepEqual(components(s), ['pkg:npm/rimraf@1.0.0']);
    disk.set(SBOM, sbom(['lodash']));
    await s.setOverlay(MODEL, TEXT);
    s.check();
    assert.deepEqual(components(s), ['pkg:npm/lodash@1.0.0']);
  });

  it('keeps the documents read when a model edit changes neither them nor their references, and parses an unchanged text once', async () => {
    const s = await state(
      new Map([
        [MODEL, TEXT],
        [SBOM, sbom(['lodash'])],
      ]),
    );
    const before = s.sboms;
    await s.setOverlay(MODEL, TEXT.replace('title: Authenticate', 'title: Authenticate users'));
    s.check();
    assert.equal(s.sboms, before, 'the same load: a title edit reads nothing new');
    // A line above the reference moves it: the load is new (its problems name places), its documents are not.
    await s.setOverlay(MODEL, `# a comment\n${TEXT}`);
    s.check();
    assert.notEqual(s.sboms, before);
    assert.equal(s.sboms.files[0], before.files[0]);
    // Another item names it: the documents are read again, the unchanged text is not parsed again.
    await s.setOverlay(MODEL, TEXT.replace('id: SYS-PUMP', 'id: SYS-PUMP-2'));
    s.check();
    assert.notEqual(s.sboms.files[0], before.files[0]);
    assert.equal(s.sboms.files[0].sbom, before.files[0].sbom);
    assert.deepEqual(components(s), ['pkg:npm/lodash@1.0.0']);
  });
});
