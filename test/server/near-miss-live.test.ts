// @spdf verifies SPDF-FC-NEAR-MISS
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { messageText, startHarness, until, watchedGlobs, type Harness } from './harness';
import { BASE } from './parity-workspace';

/** Files named like a model file or the config, made after the server started: it is told of them and shows TM013. */
const NEAR = ['model/extra.spdf.yml', 'model/Extra.SPDF.yaml', 'model/extra.spdf.yaml.txt', 'spdf.config.yml', '.spdf.config.yaml'];

describe('language server: a near-miss model or config file made after start-up', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness(BASE);
    await until('the file watchers', () => watchedGlobs(h).length > 0);
  });
  after(async () => h.close());

  it('is watched', () => {
    const watched = picomatch(watchedGlobs(h), { dot: true });
    assert.deepEqual(
      NEAR.filter((f) => !watched(f)),
      [],
    );
  });

  for (const file of NEAR)
    it(`${file}: TM013 at 1:1 once the client reports it`, async () => {
      mkdirSync(dirname(join(h.root, file)), { recursive: true });
      writeFileSync(join(h.root, file), 'requirements: []\n');
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(file), type: 1 }] });
      await until(`TM013 on ${file}`, () => (h.diagnostics.get(h.uri(file)) ?? []).some((d) => d.code === 'TM013' && d.range.start.line === 0 && /named like/.test(messageText(d))));
    });
});
