import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, until, watchedGlobs, type Harness } from './harness';
import { FILES } from './fixture';

const YAML = 'model/pump.spdf.yaml';

/** Glob patterns of the watcher registrations the server sent so far. */
describe('language server: watches the source extensions spdf.config.yaml adds', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ ...FILES, 'spdf.config.yaml': 'code:\n  languages:\n    ".inl": cpp\n' });
    await h.open(YAML);
    await h.waitDiagnostics(YAML, (d) => d.length > 0);
  });
  after(async () => h.close());

  it('registers a watcher for a code.languages extension after the first index', async () => {
    await until('a watcher for .inl', () => watchedGlobs(h).includes('**/*.{inl}'));
    assert.ok(watchedGlobs(h).includes('**/spdf.config.yaml'), JSON.stringify(watchedGlobs(h)));
  });

  it('replaces it when the config changes on disk', async () => {
    writeFileSync(join(h.root, 'spdf.config.yaml'), 'code:\n  languages:\n    ".tpp": cpp\n');
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('spdf.config.yaml'), type: 2 }] });
    await until('a watcher for .tpp', () => watchedGlobs(h).includes('**/*.{tpp}'));
    await until('the .inl watcher unregistered', () => h.registrations.some((r) => r.method === 'client/unregisterCapability'));
  });
});
