// @spdf verifies SPDF-LSP-IMPACT
/** Change impact in the editor: spdf/impact at an ID or a symbol, spdf/branches and spdf/evidenceDiff. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceDiffResult, ImpactResult } from '../../src/protocol';
import { C, C_FILE, FILES, MODEL, YAML, startWithFixtureOpen } from './fixture';
import { posOf, startHarness, type Harness } from './harness';
import { GIT_TEST_ENV as GIT_ENV } from '../support/git-env';

describe('change impact requests', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startWithFixtureOpen();
  });
  after(async () => h.close());
  const impact = (path: string, position: { line: number; character: number }) => h.request<ImpactResult>('spdf/impact', { uri: h.uri(path), position });
  const reach = (r: ImpactResult) => r.reach.map((x) => `${x.category} ${x.label}`);

  it('a linked symbol: the items its tags name, what they reach and the tests verifying them', async () => {
    const r = await impact(C, posOf(C_FILE, 'return len', 2));
    assert.deepEqual([r.subject, r.ids], ['src/dose.c#verify_signature', ['SEC-REQ-001']]);
    assert.deepEqual(reach(r), ['hazard HAZ-001', 'threat THR-001', 'control CTRL-001', 'requirement SEC-REQ-001', 'test TC-001']);
    const test = r.reach.find((x) => x.label === 'TC-001')!;
    assert.equal(test.location.uri, h.uri(YAML));
  });

  it('an ID in the model: a hazard reaches down to the threats, controls, requirements and tests that answer it', async () => {
    const r = await impact(YAML, posOf(MODEL, 'HAZ-001\n    hazard', 1));
    assert.equal(r.subject, 'HAZ-001');
    assert.deepEqual(reach(r), ['hazard HAZ-001', 'threat THR-001', 'control CTRL-001', 'requirement SEC-REQ-001', 'test TC-001']);
  });

  it('nothing at the cursor: no subject, nothing reached', async () => {
    const r = await impact(C, posOf(C_FILE, '#include', 1));
    assert.deepEqual(r, { subject: null, ids: [], reach: [] });
  });

  it('the evidence diff says why not outside git, and diffs a branch against the working tree inside it', async () => {
    const outside = await h.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'main' });
    assert.equal(outside.diff, undefined);
    assert.match(outside.error ?? '', /not inside a git repository/);

    const git = (...args: string[]) => execFileSync('git', args, { cwd: h.root, env: GIT_ENV, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '--no-gpg-sign', '-m', 'fixture');
    writeFileSync(join(h.root, YAML), MODEL.replace('\ntests:\n', '\n  - id: SEC-REQ-003\n    title: New\n    text: Added on disk.\ntests:\n'));
    const branches = await h.request<{ branches: string[] }>('spdf/branches', {});
    assert.deepEqual(branches.branches, ['main']);
    const unknown = await h.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'nope' });
    assert.match(unknown.error ?? '', /unknown revision 'nope'/);
    const r = await h.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'main' });
    assert.equal(r.error, undefined);
    assert.deepEqual(
      r.diff?.items.added.map((i) => i.id),
      ['SEC-REQ-003'],
    );
    assert.equal(r.diff?.head.label, 'working tree');
  });

  it('an untrusted workspace runs no git', async () => {
    const u = await startHarness(FILES, { trusted: false });
    try {
      await u.open(YAML);
      await u.waitDiagnostics(YAML, (d) => d.length > 0);
      const r = await u.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'main' });
      assert.match(r.error ?? '', /not trusted/);
      assert.match((await u.request<{ error?: string }>('spdf/branches', {})).error ?? '', /not trusted/);
    } finally {
      await u.close();
    }
  });
});
