// @spdf verifies SPDF-LSP-PARITY
/**
 * A folder link created after the server started (a watched-files event, no re-index): the walk's note appears as an
 * error on spdf.config.yaml as at start, and nothing behind the link (outside the root) is read, whatever events the
 * client sends for the link and for the files it seems to hold.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileCoverage, StatusSummary } from '../../src/protocol';
import { messageText, startHarness, until, type Harness } from './harness';
import { BASE } from './parity-workspace';

const CONFIG = 'spdf.config.yaml';
const LINK = 'src/vendor';
const OUTSIDE = mkdtempSync(join(tmpdir(), 'spdf-late-link-'));
mkdirSync(join(OUTSIDE, 'deep'));
writeFileSync(join(OUTSIDE, 'lib.c'), '// @spdf implements REQ-001\nint outside(void) { return 1; }\n');
writeFileSync(join(OUTSIDE, 'deep', 'more.c'), '// @spdf implements REQ-001\nint deeper(void) { return 2; }\n');

const statuses = (h: Harness) => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);
const linkNotes = (h: Harness) => (h.diagnostics.get(h.uri(CONFIG)) ?? []).filter((d) => d.severity === 1 && messageText(d).startsWith(`${LINK}: `));

describe('language server: a folder link created after the start', function () {
  this.timeout(60000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(BASE);
    await until('the first complete status', () => statuses(h).some((s) => !s.indexing));
  });
  afterEach(async () => h.close());

  for (const events of [[LINK], [LINK, `${LINK}/lib.c`, `${LINK}/deep/more.c`], [`${LINK}/lib.c`]])
    it(`is an error on the config and nothing behind it is read (created: ${events.join(', ')})`, async () => {
      const before = statuses(h).find((s) => !s.indexing)!;
      symlinkSync(OUTSIDE, join(h.root, LINK));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: events.map((p) => ({ uri: h.uri(p), type: 1 })) });
      await until('the link as an error on the config', () => linkNotes(h).length === 1);
      await until('a status that counts it', () => statuses(h).at(-1)?.inputProblems === 1);
      const s = statuses(h).at(-1)!;
      assert.equal(s.links, before.links, `links behind the link were indexed: ${JSON.stringify(s)}`);
      assert.equal(s.codeFiles, before.codeFiles, JSON.stringify(s));
      for (const p of [`${LINK}/lib.c`, `${LINK}/deep/more.c`]) {
        const cov = await h.request<FileCoverage>('spdf/fileCoverage', { uri: h.uri(p) });
        assert.deepEqual(cov.symbols, [], `${p} was read: ${JSON.stringify(cov)}`);
      }
    });
});
