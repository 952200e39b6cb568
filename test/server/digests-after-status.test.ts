// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/types';
import type { Root } from '../../src/server/session';
import { publisherOver } from '../support/publisher-session';
import { startHarness, until, type Harness } from './harness';
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
      serverConnection: (c) => {
        const send = c.sendNotification.bind(c) as (type: unknown, params?: unknown) => Promise<void>;
        c.sendNotification = ((type: { method?: string } | string, params?: { indexing?: boolean }) => {
          const written = send(type, params);
          const method = typeof type === 'string' ? type : type.method;
          if (method === 'spdf/status' && params?.indexing === false) void written.then(() => events.push('complete status written'));
          return written;
        }) as typeof c.sendNotification;
      },
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

const FILE = 'model/m.spdf.yaml';
const finding = (i: number, message = `requirement SEC-REQ-${i} has no verification`): Finding => ({
  code: 'TM001',
  severity: 'warning',
  message,
  file: FILE,
  range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
});

/** A publisher over one root whose state holds `findings.current` for one file. */
function publisher(findings: { current: Finding[] }) {
  const state = {
    get findingsByFile() {
      return new Map([[FILE, findings.current]]);
    },
    baselined: new Set<Finding>(),
    code: { unscanned: new Map(), problems: [] },
    inputProblems: { list: () => [], notesOf: () => [] },
    allFiles: () => [],
    opts: { codeLinks: false },
  };
  const { publisher: p, sent } = publisherOver([{ paths: { root: '/ws', toUri: (path: string) => `file:///ws/${path}` }, state } as unknown as Root]);
  return { p, sent, published: (p as unknown as { published: Map<string, string> }).published };
}

describe('language server: digests left for later', () => {
  it('are the ones made at once, and decide the next publish the same way', () => {
    for (const force of [false, true]) {
      const findings = { current: Array.from({ length: 50 }, (_, i) => finding(i)) };
      const now = publisher(findings);
      const later = publisher(findings);
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
    const findings = { current: Array.from({ length: 50 }, (_, i) => finding(i)) };
    const { p, sent } = publisher(findings);
    p.publishAll(false, true);
    findings.current = findings.current.map((f) => ({ ...f, data: { n: 1 } }) as Finding);
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal diagnostics: not re-sent');
  });
});
