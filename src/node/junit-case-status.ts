// @spdf implements SPDF-FC-RESULTS
import type { JUnitOutcome } from '../core/matrix/test-results';

/**
 * What a <testcase>'s `status` and `result` attributes say of it, beside its child elements: GoogleTest, CTest,
 * Catch2 and Bazel write `status="run"`, `result="completed"`; GoogleTest and CTest mark cases that did not run by
 * `status="notrun"`/`"disabled"` or `result="skipped"`/`"suppressed"`, CTest a failed one by `status="fail"` (with a
 * <failure> child). A value none of them writes is not understood, and a case not understood is no pass.
 */
export type AttributeVerdict = { outcome: JUnitOutcome; message?: string; notUnderstood?: string } | undefined;

const RAN = new Set(['run', 'completed', 'pass', 'passed', 'success', 'successful', 'ok', 'executed']);
const NOT_RUN = new Set(['skipped', 'skip', 'notrun', 'not_run', 'disabled', 'suppressed', 'ignored', 'pending']);
const FAILED = new Set(['fail', 'failed', 'failure', 'broken', 'timeout', 'timedout', 'interrupted', 'aborted', 'crashed']);
const ERRORED = new Set(['error', 'errored']);

/** The outcome the attributes impose (none when they say the case ran, or say nothing). */
export function attributeVerdict(attrs: Readonly<Record<string, string>>): AttributeVerdict {
  let verdict: AttributeVerdict;
  for (const key of ['status', 'result'] as const) {
    const raw = attrs[key];
    if (raw === undefined) continue;
    const value = raw.trim().toLowerCase();
    const said = FAILED.has(value)
      ? { outcome: 'fail' as const, message: `${key}="${raw}"` }
      : ERRORED.has(value)
        ? { outcome: 'error' as const, message: `${key}="${raw}"` }
        : NOT_RUN.has(value)
          ? { outcome: 'skipped' as const }
          : RAN.has(value)
            ? undefined
            : { outcome: 'error' as const, message: `not understood: ${key}="${raw}"`, notUnderstood: `${key}="${raw}"` };
    if (said && rank(said.outcome) > rank(verdict?.outcome)) verdict = said;
  }
  return verdict;
}

/** Worse outcomes rank higher: a failure outranks an error (its own message), both outrank skipped. */
export function rank(outcome: JUnitOutcome | undefined): number {
  return outcome === 'fail' ? 3 : outcome === 'error' ? 2 : outcome === 'skipped' ? 1 : 0;
}

/**
 * A suite whose `failures` and `errors` attributes count more than the failed and errored cases inside it lost a
 * failure no case shows (a hook or a crash outside any test, a reporter that dropped it): nothing can say which test
 * it belongs to, so it is a problem at the suite, never a pass by omission. Undefined when the counts agree or are absent.
 */
export function unshownFailures(tag: string, attrs: Readonly<Record<string, string>>, failedInside: number): string | undefined {
  const counted = (key: string) => (/^\s*\d+\s*$/.test(attrs[key] ?? '') ? Number(attrs[key]) : 0);
  const declared = counted('failures') + counted('errors');
  if (declared <= failedInside) return undefined;
  const name = attrs.name === undefined ? '' : ` name="${attrs.name}"`;
  return `<${tag}${name}> says ${declared} test${declared === 1 ? '' : 's'} failed or errored (its failures and errors attributes), but ${failedInside === 0 ? 'no' : `only ${failedInside}`} <testcase> in it did: a failure no test case shows cannot be given to any test, so the results do not pass`;
}
