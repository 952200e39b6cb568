// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import type { Root } from '../../src/server/session';
import { publisherOver } from '../support/publisher-session';
import type { Finding } from '../../src/core/types';

const FILE = 'model/m.spdf.yaml';

function finding(i: number, message = `requirement SEC-REQ-${i} has no verification`): Finding {
  return { code: 'TM001', severity: 'warning', message, file: FILE, range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } } };
}

/** A publisher over one root whose state holds `findings` for one file; `sent` collects what it publishes. */
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
  const internals = p as unknown as { published: Map<string, string>; lastFindings: Map<string, readonly Finding[]> };
  return { p, sent, published: internals.published, lastFindings: internals.lastFindings };
}

describe('language server: what the diagnostics publisher keeps of each published file', () => {
  it('a fixed-size digest, not the JSON text of its diagnostics, and still re-sends exactly the changed files', () => {
    const findings = { current: Array.from({ length: 200 }, (_, i) => finding(i)) };
    const { p, sent, published } = publisher(findings);
    p.publishAll(false);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].diagnostics.length, 200);
    for (const v of published.values()) assert.ok(v.length <= 44, `kept ${v.length} characters for one file`);

    findings.current = findings.current.map((f) => ({ ...f }));
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal findings (new objects): nothing re-sent');

    findings.current = findings.current.map((f, i) => (i === 150 ? finding(i, 'changed') : f));
    p.publishAll(false);
    assert.equal(sent.length, 2, 'one changed message: the file is re-sent');
    assert.equal(sent[1].diagnostics[150].message, 'changed');
  });

  it('keeps equal findings in new objects as the ones compared next (by reference, not field by field again at every publish)', () => {
    const findings = { current: Array.from({ length: 200 }, (_, i) => finding(i)) };
    const { p, sent, lastFindings } = publisher(findings);
    p.publishAll(false);
    findings.current = findings.current.map((f) => ({ ...f }));
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal findings: nothing re-sent');
    assert.equal(lastFindings.get(`/ws\0${FILE}`), findings.current);
  });
});
