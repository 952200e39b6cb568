/**
 * Test results (JUnit XML, read by src/node/junit.ts) and how they reach verifiers. Pure.
 *
 * Matching a JUnit test case to a test symbol tagged `@spdf verifies ID`: both sides become name
 * segments, split at `.`, `::`, `/`, `\`, `#` and `$`; the JUnit side is classname + name, with a
 * parameter or subtest suffix of the name dropped (`(...)`, `[...]`, Go `/subtest`). The symbol side is
 * its qualified name, also prefixed with its file's directories and with its file's path without
 * extension. The case matches when the two share a common suffix of at least two segments (test name +
 * enclosing class, module or package); the longest suffix wins. Per language (README "Test results"):
 *   Java/Kotlin  classname com.acme.DoseTest, name rejectsUnsigned  <-> com.acme.DoseTest.rejectsUnsigned
 *   C#           classname Pump.Tests.DoseTests, name Rejects        <-> Pump.Tests.DoseTests.Rejects
 *   Python       classname tests.test_dose[.TestDose], name test_x   <-> tests.test_dose[.TestDose].test_x (module path)
 *   Go           classname example.com/pump, name TestX[/sub]        <-> pump.TestX (package + function)
 *   Rust         classname pump, name dose::tests::rejects           <-> dose::tests::rejects
 *   JS/TS, C/C++ (describe/it titles, GoogleTest macros): JS/TS test symbols are named by their titles
 *                (`pump.rejects unsigned`) but reporters join titles with spaces or ` > `, so they do not match:
 *                use a YAML `tests` item with `junit: { classname, name }` instead.
 * YAML test items (`junit: { classname, name }`, cases named after a test's ID): src/core/analysis/junit-mapping.ts,
 * the only place that maps cases to them.
 * Several cases for one verifier: any failure or error -> fail; else any pass -> pass; else not-run (skipped).
 */

export type JUnitOutcome = 'pass' | 'fail' | 'error' | 'skipped';

export interface JUnitCase {
  classname: string;
  name: string;
  outcome: JUnitOutcome;
  /** The JUnit XML file (workspace-relative) and 1-based line of the <testcase>. */
  file: string;
  line: number;
  message?: string;
}

export interface TestResultsProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The `testResults` rule input. */
export interface TestResultsInput {
  version: 1;
  /** Result files read (workspace-relative). */
  files: string[];
  cases: JUnitCase[];
  problems: TestResultsProblem[];
}

export function isTestResultsInput(v: unknown): v is TestResultsInput {
  const o = v as Partial<TestResultsInput> | null;
  return !!o && typeof o === 'object' && Array.isArray(o.cases) && Array.isArray(o.files);
}

const SPLIT = /::|[./\\#$]+/;

export function cleanCaseName(name: string): string {
  return name
    .replace(/\s*[([].*$/s, '')
    .replace(/\/.*$/s, '')
    .trim();
}

export function segmentsOf(text: string): string[] {
  return text.split(SPLIT).filter(Boolean);
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** Index of JUnit cases for matching test symbols; build once per matrix. Linear in the number of cases. */
export class TestResultIndex {
  private readonly byLast = new Map<string, { segs: string[]; c: JUnitCase }[]>();

  constructor(readonly input: TestResultsInput | undefined) {
    for (const c of input?.cases ?? []) {
      const segs = [...segmentsOf(c.classname), ...segmentsOf(cleanCaseName(c.name))];
      const last = segs[segs.length - 1];
      if (last === undefined) continue;
      (this.byLast.get(last) ?? this.byLast.set(last, []).get(last)!).push({ segs, c });
    }
  }

  /** Result files were configured and read: a verifier absent from them never ran. */
  get active(): boolean {
    return !!this.input && this.input.files.length > 0;
  }

  /** Cases matching a test symbol (see the module comment for the rule). */
  bySymbol(qualifiedName: string, file: string): JUnitCase[] {
    const q = segmentsOf(qualifiedName);
    const last = q[q.length - 1];
    const candidates = last === undefined ? undefined : this.byLast.get(last);
    if (!candidates) return [];
    const dirs = file.split('/').slice(0, -1);
    const base = (file.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
    const sides = [q, [...dirs, ...q], [...dirs, base, ...q]];
    let best = 1;
    let out: JUnitCase[] = [];
    for (const { segs, c } of candidates) {
      const k = Math.max(...sides.map((s) => commonSuffix(segs, s)));
      if (k > best) {
        best = k;
        out = [c];
      } else if (k === best && k >= 2) out.push(c);
    }
    return out;
  }
}
