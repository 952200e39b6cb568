// @spdf verifies SPDF-LSP-WATCH
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { startHarness, until, watchedGlobs, type Harness } from './harness';
import { MODEL_NAMING_SBOM as MODEL, SBOM_PATH as SBOM } from '../support/sbom-model';

const YAML = 'model.spdf.yaml';
const VALID = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-01-01T00:00:00Z", "authors": [{"name": "A"}]}, "components": []}\n';

const message = (x: Diagnostic) => (typeof x.message === 'string' ? x.message : x.message.value);
const sbomProblem = (d: Diagnostic[]) => d.filter((x) => x.code === 'SB007' && message(x).includes(SBOM));

describe('language server: follows the SBOM and VEX files the model names', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ 'spdf.config.yaml': 'profile: recommended\n', [YAML]: MODEL, [SBOM]: VALID });
    await h.open(YAML);
    await h.waitDiagnostics(YAML);
  });
  after(async () => h.close());

  it('reads the SBOM at load: no SB007 on its reference', () => {
    assert.deepEqual(sbomProblem(h.diagnostics.get(h.uri(YAML)) ?? []), []);
  });

  it('registers a watcher for the SBOM path, which no built-in glob covers', async () => {
    await until(`a watcher for ${SBOM}`, () => watchedGlobs(h).includes(`**/${SBOM}`));
  });

  it('re-reads the SBOM when only it changes on disk and reports it at the reference', async () => {
    writeFileSync(join(h.root, SBOM), VALID.slice(0, 60));
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(SBOM), type: 2 }] });
    const d = await h.waitDiagnostics(YAML, (x) => sbomProblem(x).length > 0);
    assert.match(message(sbomProblem(d)[0]), /not read completely/);
  });

  it('reports a deleted SBOM as missing, and clears the finding when it comes back', async () => {
    rmSync(join(h.root, SBOM));
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(SBOM), type: 3 }] });
    const gone = await h.waitDiagnostics(YAML, (x) => sbomProblem(x).some((p) => message(p).includes('does not exist')));
    assert.equal(sbomProblem(gone).length, 1);
    writeFileSync(join(h.root, SBOM), VALID);
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(SBOM), type: 1 }] });
    await h.waitDiagnostics(YAML, (x) => sbomProblem(x).length === 0);
  });

  it('drops the watcher when the model no longer names the SBOM', async () => {
    h.change(YAML, 2, [{ text: MODEL.replace(`  sbom: ${SBOM}\n`, '') }]);
    await until('the SBOM watcher unregistered', () => h.registrations.some((r) => r.method === 'client/unregisterCapability'));
  });
});
