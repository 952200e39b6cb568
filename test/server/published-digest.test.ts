// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import { ONE_FILE as FILE, oneFileFinding, oneFilePublisher } from '../support/publisher-session';

describe('language server: what the diagnostics publisher keeps of each published file', () => {
  it('a fixed-size digest, not the JSON text of its diagnostics, and still re-sends exactly the changed files', () => {
    const findings = { current: Array.from({ length: 200 }, (_, i) => oneFileFinding(i)) };
    const { p, sent, published } = oneFilePublisher(findings);
    p.publishAll(false);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].diagnostics.length, 200);
    for (const v of published.values()) assert.ok(v.length <= 44, `kept ${v.length} characters for one file`);

    findings.current = findings.current.map((f) => ({ ...f }));
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal findings (new objects): nothing re-sent');

    findings.current = findings.current.map((f, i) => (i === 150 ? oneFileFinding(i, 'changed') : f));
    p.publishAll(false);
    assert.equal(sent.length, 2, 'one changed message: the file is re-sent');
    assert.equal(sent[1].diagnostics[150].message, 'changed');
  });

  it('keeps equal findings in new objects as the ones compared next (by reference, not field by field again at every publish)', () => {
    const findings = { current: Array.from({ length: 200 }, (_, i) => oneFileFinding(i)) };
    const { p, sent, lastFindings } = oneFilePublisher(findings);
    p.publishAll(false);
    findings.current = findings.current.map((f) => ({ ...f }));
    p.publishAll(false);
    assert.equal(sent.length, 1, 'equal findings: nothing re-sent');
    assert.equal(lastFindings.get(`/ws\0${FILE}`), findings.current);
  });
});
