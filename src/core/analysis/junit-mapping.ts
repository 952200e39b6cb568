// @spdf implements SPDF-FC-JUNIT-MAPPING
import type { ItemOf } from '../model/graph';

/**
 * THE mapping of JUnit cases to YAML test items, and the outcome it gives a test. The matrix (every status, export
 * and `spdf check`), VT001, VT005 and VT002 (through verification.ts: whether a test has a mapping) ask this
 * module; none decides alone. (Test symbols tagged `verifies` are matched by qualified name in
 * src/core/matrix/test-results.ts.)
 *
 * A test's `junit: {classname, name}` maps every case with exactly that classname and name (trimmed, case-sensitive),
 * in every results file; `junit: {classname}` alone every case of that class, `junit: {name}` every case of that name.
 * A case is named after a test when its name, or its classname + `.` + name, is the test's ID; a case named after a
 * test that does not map it is VT005's.
 *
 * A test's recorded outcome (what the model says): its mapped cases (any failure or error -> fail, else any pass ->
 * pass, else not-run), where a recorded `result: fail` stays fail; a mapping that selects no case in the results read
 * is not-run (a recorded fail or blocked stays); without a mapping its `result`; else not-run when result files were read, none when there are none. Its outcome: the recorded
 * one, made `fail` by a case named after it that failed or errored (fail closed: a failure the model does not map
 * still counts), and a `result: pass` that no mapped case backs made `not-run` by cases named after it that were all
 * skipped (the results read are the latest word on the test: it did not run).
 */

/** The part of a JUnit case the mapping reads (src/core/matrix/test-results.ts `JUnitCase` fits). */
export interface JUnitCaseLike {
  classname: string;
  name: string;
  outcome: 'pass' | 'fail' | 'error' | 'skipped';
}

/** The test results the mapping reads (the `testResults` rule input fits). */
export interface JUnitResultsLike<C extends JUnitCaseLike> {
  files: readonly string[];
  cases: readonly C[];
  /** Why results were not read (a glob that chose nothing, an unreadable file): src/core/matrix/test-results.ts. */
  problems?: readonly unknown[];
}

/**
 * Result files were configured: a verifier absent from them never ran. So too when none could be read (their
 * problems say why): no verifier then counts as not yet required.
 */
export function resultsConfigured(input: JUnitResultsLike<JUnitCaseLike> | undefined): boolean {
  return !!input && (input.files.length > 0 || (input.problems?.length ?? 0) > 0);
}

/** The latest result of a test (src/core/matrix/decide.ts `TestOutcome`). */
export type MappedTestOutcome = 'pass' | 'fail' | 'not-run' | 'blocked' | 'none';

const key = (classname: string, name: string) => `${classname.trim()}\u0000${name.trim()}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** A test's `junit` mapping (each part trimmed), or undefined when it names neither a classname nor a name. */
export function junitMappingOf(test: { data: { junit?: unknown } }): { classname?: string; name?: string } | undefined {
  const j = test.data.junit;
  if (!j || typeof j !== 'object') return undefined;
  const { classname, name } = j as { classname?: unknown; name?: unknown };
  const out = { ...(typeof classname === 'string' ? { classname: classname.trim() } : {}), ...(typeof name === 'string' ? { name: name.trim() } : {}) };
  return out.classname === undefined && out.name === undefined ? undefined : out;
}

/** Whether a test's `junit` mapping selects the case. */
export function mapsCase(test: ItemOf<'test'>, c: JUnitCaseLike): boolean {
  const m = junitMappingOf(test);
  return !!m && (m.classname === undefined || m.classname === c.classname.trim()) && (m.name === undefined || m.name === c.name.trim());
}

/** The IDs a case is named after: its name, and its classname + `.` + name. */
export function idsNamedBy(c: JUnitCaseLike): string[] {
  const name = c.name.trim();
  const classname = c.classname.trim();
  return classname ? [name, `${classname}.${name}`] : [name];
}

const failed = (c: JUnitCaseLike) => c.outcome === 'fail' || c.outcome === 'error';

/** Index of JUnit cases for the mapping; build once per run. Linear in the number of cases. */
export class JUnitCaseIndex<C extends JUnitCaseLike = JUnitCaseLike> {
  private readonly exact = new Map<string, C[]>();
  private readonly byClass = new Map<string, C[]>();
  private readonly byName = new Map<string, C[]>();
  private readonly byNamedId = new Map<string, C[]>();

  constructor(readonly input: JUnitResultsLike<C> | undefined) {
    for (const c of input?.cases ?? []) {
      push(this.exact, key(c.classname, c.name), c);
      push(this.byClass, c.classname.trim(), c);
      push(this.byName, c.name.trim(), c);
      for (const id of new Set(idsNamedBy(c))) push(this.byNamedId, id, c);
    }
  }

  /** Result files were configured (resultsConfigured): a mapped test absent from them never ran. */
  get active(): boolean {
    return resultsConfigured(this.input);
  }

  /** The cases a test's `junit` mapping selects (see the module comment). */
  mappedCases(test: ItemOf<'test'>): C[] {
    const m = junitMappingOf(test);
    if (!m) return [];
    if (m.classname !== undefined && m.name !== undefined) return this.exact.get(key(m.classname, m.name)) ?? [];
    if (m.classname !== undefined) return this.byClass.get(m.classname) ?? [];
    return this.byName.get(m.name!) ?? [];
  }

  /** The cases named after a test that its mapping does not select (VT005's). */
  unmappedNamedCases(test: ItemOf<'test'>): C[] {
    return (this.byNamedId.get(test.id) ?? []).filter((c) => !mapsCase(test, c));
  }

  /** What the model says of a test: its mapped cases, else its `result` (see the module comment). */
  recordedOutcome(test: ItemOf<'test'>): MappedTestOutcome {
    const cases = this.mappedCases(test);
    const r = test.data.result;
    if (cases.length) return r === 'fail' ? 'fail' : combineCaseOutcomes(cases);
    if (junitMappingOf(test) && this.active) return r === 'fail' || r === 'blocked' ? r : 'not-run';
    if (r === 'pass' || r === 'fail' || r === 'not-run' || r === 'blocked') return r;
    return this.active ? 'not-run' : 'none';
  }

  /**
   * THE latest result of a YAML test item: its recorded outcome, failed by any failed or errored case named after it;
   * a `result: pass` no mapped case backs is not-run when the cases named after the test were all skipped.
   */
  testOutcome(test: ItemOf<'test'>): MappedTestOutcome {
    const named = this.unmappedNamedCases(test);
    if (named.some(failed)) return 'fail';
    const recorded = this.recordedOutcome(test);
    return recorded === 'pass' && named.length > 0 && combineCaseOutcomes(named) === 'not-run' && !this.mappedCases(test).length ? 'not-run' : recorded;
  }
}

/** Several cases for one verifier: any failure or error -> fail; else any pass -> pass; else not-run (skipped). */
export function combineCaseOutcomes(cases: readonly JUnitCaseLike[]): 'pass' | 'fail' | 'not-run' {
  if (cases.some(failed)) return 'fail';
  if (cases.some((c) => c.outcome === 'pass')) return 'pass';
  return 'not-run';
}

/** The index over the rule inputs' test results; memoised per lint run. */
export function junitCaseIndex<C extends JUnitCaseLike>(ctx: { testResults?: JUnitResultsLike<C>; shared<T>(key: string, compute: () => T): T }): JUnitCaseIndex<C> {
  return ctx.shared('analysis/junit-mapping', () => new JUnitCaseIndex(ctx.testResults));
}
