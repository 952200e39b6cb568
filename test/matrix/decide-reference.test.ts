// @spdf verifies SPDF-TRC-001
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideStatus, type StatusDecision, type StatusEvidence, type TraceStatus } from '../../src/core/matrix/decide';

/**
 * The decision rule of decide.ts written the plain way (a list per fact, then every()), as it stood before the
 * decision counted instead of building lists: the oracle the faster decision must agree with on every input.
 */
function reference(e: StatusEvidence): StatusDecision {
  const failing = e.verifiers.filter((v) => v.outcome === 'fail');
  const childErrors = e.children.filter((c) => c.status === 'ERROR');
  if (e.errors.length || failing.length || childErrors.length)
    return { status: 'ERROR', reasons: [...e.errors, ...failing.map((v) => `test failed: ${v.label}`), ...childErrors.map((c) => `${c.label} is ERROR`)] };
  if (e.accepted) return { status: 'JUSTIFIED', reasons: [`risk accepted: ${e.accepted}`] };
  const suspect = [...e.implementation, ...e.verifiers].filter((l) => l.review === 'suspect');
  const childSuspect = e.children.filter((c) => c.status === 'SUSPECT');
  if (suspect.length || childSuspect.length) return { status: 'SUSPECT', reasons: [...suspect.map((l) => `changed since review: ${l.label}`), ...childSuspect.map((c) => `${c.label} is SUSPECT`)] };
  const reasons: string[] = [];
  const pieces: string[] = [];
  if (e.requires.implementation) {
    const reviewed = e.implementation.filter((l) => !e.reviewsInUse || l.review === 'reviewed');
    const p = e.implementationClaim || reviewed.length ? 'met' : e.implementation.length ? 'partial' : 'none';
    pieces.push(p);
    if (p === 'none') reasons.push('not implemented');
    else if (p === 'partial') reasons.push('implementing links not reviewed');
  }
  if (e.requires.verification) {
    if (e.verifiers.length === 0) {
      pieces.push('none');
      reasons.push('not verified');
    } else {
      const notRun = e.verifiers.filter((v) => v.outcome === 'not-run' || v.outcome === 'blocked');
      const unreviewed = e.reviewsInUse ? e.verifiers.filter((v) => v.review === 'unreviewed') : [];
      const unproven = e.verifiers.filter((v) => v.unproven);
      pieces.push(notRun.length || unreviewed.length || unproven.length ? 'partial' : 'met');
      for (const v of notRun) reasons.push(`test ${v.outcome === 'blocked' ? 'blocked' : 'never ran'}: ${v.label}`);
      for (const v of unreviewed) reasons.push(`verifying link not reviewed: ${v.label}`);
      for (const v of unproven) reasons.push(`test evidence missing: ${v.label} ${v.unproven}`);
    }
  }
  if (e.requires.children || e.children.length) {
    const good = e.children.filter((c) => c.status === 'OK' || c.status === 'JUSTIFIED');
    const p = e.children.length === 0 ? 'none' : good.length === e.children.length ? 'met' : 'partial';
    pieces.push(p);
    if (p === 'none') reasons.push('nothing linked');
    else for (const c of e.children) if (c.status !== 'OK' && c.status !== 'JUSTIFIED') reasons.push(`${c.label} is ${c.status}`);
  }
  let status: TraceStatus;
  if (pieces.every((p) => p === 'met')) status = 'OK';
  else if (pieces.every((p) => p === 'none')) status = 'MISSING';
  else status = 'PARTIAL';
  if (status !== 'OK' && e.suppressions.length) return { status: 'JUSTIFIED', reasons: e.suppressions.map((s) => `suppressed: ${s}`) };
  return { status, reasons };
}

const label = fc.constantFrom('a.c:1 f', 'b.py:7 g', 'T-1', 'T-2');
const review = fc.constantFrom('reviewed' as const, 'suspect' as const, 'unreviewed' as const);
/** Mostly empty: each fact that decides early (errors, acceptance, suspicion) is rare, so every later rule is reached. */
const few = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.oneof({ arbitrary: fc.constant<T[]>([]), weight: 3 }, { arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }), weight: 1 });
const rarely = <T>(value: T): fc.Arbitrary<T | undefined> => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constant(value), weight: 1 });
const evidence: fc.Arbitrary<StatusEvidence> = fc.record({
  requires: fc.record({ implementation: fc.boolean(), verification: fc.boolean(), children: fc.boolean() }),
  errors: few(fc.constantFrom('RQ010: broken', 'unknown ID')),
  accepted: rarely('low risk (approved by QA)'),
  suppressions: few(fc.constantFrom('CT001: handled elsewhere')),
  implementation: few(fc.record({ label, review })),
  implementationClaim: rarely('status: implemented'),
  verifiers: few(
    fc.record(
      {
        label,
        outcome: fc.constantFrom('pass' as const, 'fail' as const, 'not-run' as const, 'blocked' as const, 'none' as const),
        review,
        unproven: fc.constant('records pass but no evidence'),
      },
      { requiredKeys: ['label', 'outcome'] },
    ),
  ),
  children: few(fc.record({ label, status: fc.constantFrom<TraceStatus>('OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR') })),
  reviewsInUse: fc.boolean(),
});

describe('decideStatus agrees with the decision rule written plainly (reference oracle)', () => {
  it('gives the same status and the same reasons, in order, for any evidence (fast-check)', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        assert.deepStrictEqual(decideStatus(e), reference(e));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a link label only for a reason that names it', () => {
    let read = 0;
    const link = (review: 'reviewed' | 'suspect' | 'unreviewed') => ({
      review,
      get label() {
        read++;
        return 'src/a.c:3 f';
      },
    });
    const e: StatusEvidence = {
      requires: { implementation: true, verification: false, children: false },
      errors: [],
      suppressions: [],
      implementation: [link('reviewed'), link('unreviewed')],
      verifiers: [],
      children: [],
      reviewsInUse: true,
    };
    assert.equal(decideStatus(e).status, 'OK');
    assert.equal(read, 0);
    assert.deepEqual(decideStatus({ ...e, implementation: [link('suspect')] }).reasons, ['changed since review: src/a.c:3 f']);
    assert.equal(read, 1);
  });
});
