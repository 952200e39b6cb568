// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Finding } from '../../src/core/types';
import { sameFinding } from '../../src/server/diagnostics';

/** Findings from small value sets, so that equal and nearly equal pairs are frequent. */
const position = fc.record({ line: fc.nat(2), character: fc.nat(2) });
const range = fc.record({ start: position, end: position });
/** Ranges as the core builds them: plain objects. */
const plain = (f: Finding): Finding => ({ ...f, range: { start: { ...f.range.start }, end: { ...f.range.end } } });
const fix = fc.record({
  description: fc.constantFrom('a', 'b'),
  edits: fc.array(fc.record({ file: fc.constantFrom('m.yaml', 'n.yaml'), range, newText: fc.constantFrom('', 'X') }), { maxLength: 2 }),
});
const finding: fc.Arbitrary<Finding> = fc
  .record(
    {
      code: fc.constantFrom('TM002', 'VT002'),
      severity: fc.constantFrom('error' as const, 'warning' as const),
      message: fc.constantFrom('unknown', 'missing'),
      file: fc.constantFrom('m.yaml', 'n.yaml'),
      range,
      fix: fc.option(fix, { nil: undefined }),
      suggestions: fc.array(fix, { maxLength: 1 }),
      related: fc.array(fc.record({ file: fc.constantFrom('m.yaml'), range, message: fc.constantFrom('here') }), { maxLength: 1 }),
    },
    { requiredKeys: ['code', 'severity', 'message', 'file', 'range'] },
  )
  .map(plain);

describe('diagnostics publisher: findings compared field by field', () => {
  it('equal exactly when isDeepStrictEqual says so (the comparison it replaces)', () => {
    fc.assert(
      fc.property(finding, finding, fc.boolean(), (a, b, copy) => {
        const other = copy ? structuredClone<Finding>(a) : b;
        assert.equal(sameFinding(a, other), isDeepStrictEqual(a, other));
      }),
      { numRuns: 3000 },
    );
  });

  it('a present but undefined field differs from an absent one, as before', () => {
    const a: Finding = { code: 'TM002', severity: 'error', message: 'm', file: 'f', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.equal(sameFinding(a, { ...a, fix: undefined }), false);
    assert.equal(sameFinding(a, { ...a, range: { ...a.range, end: { line: 0, character: 2 } } }), false);
    assert.equal(sameFinding(a, structuredClone(a)), true);
  });
});
