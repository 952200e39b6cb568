// @spdf verifies SPDF-FC-NESTED-CONFIG
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { messageText, startHarness, until, watchedGlobs, type Harness } from './harness';
import { BASE } from './parity-workspace';

/** A sub-project's config made after the server started beside a model file it reads: TM014 on it, gone when it is deleted. */
const NESTED = 'model/pump/spdf.config.yaml';

describe("language server: a sub-project's config made after start-up", function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ ...BASE, 'model/pump/req.spdf.yaml': 'requirements: []\n' });
    await until('the file watchers', () => watchedGlobs(h).length > 0);
  });
  after(async () => h.close());

  const tm014 = () => (h.diagnostics.get(h.uri(NESTED)) ?? []).filter((d) => d.code === 'TM014');

  it('is watched', () => assert.ok(picomatch(watchedGlobs(h), { dot: true })(NESTED)));

  it('shows TM014 at 1:1 once the client reports it, and clears it once it is deleted', async () => {
    mkdirSync(dirname(join(h.root, NESTED)), { recursive: true });
    writeFileSync(join(h.root, NESTED), 'check:\n  min_coverage: 100\n');
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(NESTED), type: 1 }] });
    await until(`TM014 on ${NESTED}`, () => tm014().some((d) => d.range.start.line === 0 && d.range.start.character === 0 && /sub-project's config/.test(messageText(d))));
    rmSync(join(h.root, NESTED));
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(NESTED), type: 3 }] });
    await until(`no TM014 on ${NESTED}`, () => tm014().length === 0);
  });
});
