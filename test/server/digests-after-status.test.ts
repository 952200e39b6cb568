// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/types';
import { oneFileFinding, oneFilePublisher } from '../support/publisher-session';
import { recordCompleteStatusWritten, startHarness, until, type Harness } from './harness';
import { FILES } from './fixture';

/** A list of diagnostics as the publisher makes its digest of them (the connection writes whole messages). */
const isDiagnostics = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((d) => !!d && typeof d === 'object' && (d as { source?: unknown }).source === 'spdf' && 'range' in d);

/** The digests of the first index's diagnostics (a JSON text of each file's) are no part of the wait for the complete status. */
describe('language server: the digests of the first complete publish', function () {
  this.timeout(30000);
  let h: Harness;
  const events: string[] = [];
  const stringify = JSON.stringify;
  before(async () => {
    JSON.stringify = ((value: unknown, ...rest: unknown[]) => {
      if (isDiagnostics(value)) events.push('digest');
      return (stringify as (v: unknown, ...r: unknown[]) => string)(value, ...rest);
    }) as typeof JSON.stringify;
    h = await startHarness(FILES, {
      serverConnection: recordCompleteStatusWritten(events),
    });
    await until('the digests after indexing', () => events.includes('complete status written') && events.includes('digest'));
  });
  after(async () => {
    JSON.stringify = stringify;
    await h.close();
  });

  it('are made once the complete status is written', () => {
    assert.equal(events[0], 'complete status written', `first: ${events.slice(0, 3).join(', ')}`);
    assert.ok(events.filter((e) => e === 'digest').length > 0);
  });
});

describe('language server: digests left for later', () => {
  it('are the ones made at once, and decide the next publish the same way', () => {
    for (const force of [false, true]) {
      const findings = { current: Array.from({ length: 50 }, (_, i) => oneFileFinding(i)) };
      const now = oneFilePublisher(findings);
      const later = oneFilePublisher(findings);
      now.p.publishAll(force);
      later.p.publishAll(force, true);
      assert.deepEqual(later.sent, now.sent, 'the same diagnostics sent');
      later.p.settleDigests();
      assert.deepEqual([...later.published], [...now.published], 'the same digests kept');

      // Other findings with the same diagnostics (another field): decided by the digest, nothing re-sent.
      findings.current = findings.current.map((f) => ({ ...f, data: { n: 1 } }) as Finding);
      const before = now.sent.length;
      now.p.publishAll(false);
      later.p.publishAll(false);
      assert.equal(now.sent.length, later.sent.length);
      assert.deepEqual(later.sent.slice(before), now.sent.slice(before));
    }
  });

  it('are settled by the next publish before it reads them', () => {
    const findings = { current: Array.from({ length: 50 }, (_, i) => oneFileFinding(i)) };
    const { p, sent } = oneFilePublisher(findings);
    p.publishAll(false, true);
    findings.current = findings.current.map((f) => ({ ...f, data: { n: 1 } }) as Finding);
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal diagnostics: not re-sent');
  });
});
