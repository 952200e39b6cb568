/**
 * Test results (JUnit XML, read by src/node/junit.ts) and how they reach verifiers. Pure.
 *
 * Matching a JUnit test case to a test symbol tagged `@spdf verifies ID`: both sides become name
 * segments, split at `.`, `::`, `/`, `\`, `#` and `$`; the JUnit side is classname + name, with a
 * parameter or subtest suffix of the name dropped (`(...)`, `[...]`, Go `/subtest`). The symbol side is
 * its qualified name, also prefixed with its file's directories and with its file's path without
 * extension. A case that names its source file (`file` attribute, path classname) matches only symbols of that file.
 * Otherwise the case matches when the two share a common suffix of at least two segments (test name +
 * enclosing class, module or package); the longest suffix wins. Per language (README "Test results"):
 *   Java/Kotlin  classname com.acme.DoseTest, name rejectsUnsigned  <-> com.acme.DoseTest.rejectsUnsigned
 *   C#           classname Pump.Tests.DoseTests, name Rejects        <-> Pump.Tests.DoseTests.Rejects
 *   Python       classname tests.test_dose[.TestDose], name test_x   <-> tests.test_dose[.TestDose].test_x (module path)
 *   Go           classname example.com/pump, name TestX[/sub]        <-> pump.TestX (package + function)
 *   Rust         classname pump, name dose::tests::rejects           <-> dose::tests::rejects
 *   JS/TS        name `pump limits keeps` (Mocha, jest-junit) or `pump > limits > keeps` (Vitest), or classname
 *                `pump limits` + name `keeps` (Mocha xunit)  <-> `pump.limits.keeps` (titles; src/core/matrix/junit-titles.ts),
 *                and where the case names a file (a `file` attribute, a path classname) only a symbol of that file.
 *   GoogleTest macros are no symbols: use a YAML `tests` item with `junit: { classname, name }` instead.
 * A class or suite with no case of its own gets the cases inside it (classname prefix, title prefix); a file-level
 * link (a tag in the file's leading comment) gets the cases of its file (src/core/matrix/junit-case-files.ts).
 * YAML test items (`junit: { classname, name }`, cases named after a test's ID): src/core/analysis/junit-mapping.ts,
 * the only place that maps cases to them.
 * A JS/TS test also takes the failed cases standing for a suite around it (a failed Mocha hook, Vitest's failed
 * `beforeAll`) or for its whole file (jest-junit's failed `afterAll`, a file that failed to run): suiteFailures.
 * Several cases for one verifier: any failure or error -> fail; else any pass -> pass; else not-run (skipped).
 */

import { baseName, caseFileKeys, caseSourcePath, fileSegments, GO_TEST_FUNCTION, GoPackages, goPackageCases, prefixEndsFile, samePathTail, type GoDirs } from './junit-case-files';
import { firstTitleWord, fullTitlesOf, lastTitleWord, startsWithTitles, titlePartsCovered } from './junit-titles';
import { cleanCaseName, segmentsOf } from './test-segments';
import { resultsConfigured } from '../analysis/junit-mapping';

/** How deep a test class may sit inside the tagged class (`DoseTest$Limits$Upper`) and still be its. */
const MAX_NESTING = 2;

/** Go sources: go-junit-report and gotestsum name a case by its package's import path and its function. */
const GO = /\.go$/;

/** JavaScript and TypeScript sources, whose test symbols are named by titles. */
const JS_TS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** A case that names its source file (a `file` attribute, a path classname) belongs to no symbol of another file. */
function namesOtherFile(c: JUnitCase, file: string): boolean {
  const source = caseSourcePath(c);
  return source !== undefined && !samePathTail(source, file);
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

export type JUnitOutcome = 'pass' | 'fail' | 'error' | 'skipped';

export interface JUnitCase {
  classname: string;
  name: string;
  outcome: JUnitOutcome;
  /** The JUnit XML file (workspace-relative) and 1-based line of the <testcase>. */
  file: string;
  /** The test's source file as the results file names it (a <testcase> `file` attribute), if it does. */
  source?: string;
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
  /**
   * The module path each workspace folder's go.mod declares (`''` the workspace root), where it could be read
   * (go-mod.ts): read with the results, since only Go cases need it (junit-case-files.ts).
   */
  goModules?: Record<string, string>;
}

export function isTestResultsInput(v: unknown): v is TestResultsInput {
  const o = v as Partial<TestResultsInput> | null;
  return !!o && typeof o === 'object' && Array.isArray(o.cases) && Array.isArray(o.files);
}

/**
 * The file of a case that stands for a whole test file, if it names one. jest-junit: a failed `afterAll` (or a failure
 * between tests) is a case named ` Test execution failure: could be caused by test hooks like 'afterAll'.` (its file in
 * a `file` attribute with `addFileAttribute`, or as the classname with `classNameTemplate: "{filepath}"`); a file that
 * failed to load (with `reportTestSuiteErrors`) an errored case of classname `Test suite failed to run` named by the
 * file's path. Vitest: a file that failed to load is a failed case named by its path, the classname the same path.
 * Every test of that file takes its failure.
 */
function wholeFileFailure(c: JUnitCase): string | undefined {
  const name = c.name.trim();
  const classname = c.classname.trim();
  if (/^Test execution failure: could be caused by test hooks/.test(name)) return caseSourcePath(c);
  if (classname === 'Test suite failed to run') return caseSourcePath(c) ?? caseSourcePath({ classname: name });
  if (c.source === undefined && name === classname) return caseSourcePath(c);
  return undefined;
}

/**
 * Vitest's failed `beforeAll` (or `afterAll`): a failed case named by its `describe`'s own title alone (`limits`, not
 * `pump > limits`), in the suite's file (the classname is the file's path; its tests are skipped cases). The file and
 * the title, if the case is of that shape (Mocha's xunit, with a `file` attribute, names a test by its own title: no).
 */
function vitestSuiteFailure(c: JUnitCase): { file: string; suite: string } | undefined {
  const name = c.name.trim();
  const file = c.source === undefined ? caseSourcePath(c) : undefined;
  return file !== undefined && name && !MOCHA_HOOK.test(name) ? { file, suite: name } : undefined;
}

/** Where a Mocha hook's title starts in a full title: `"before all" hook`, `"before each" hook` (and `after`), maybe `: name` and ` for "test"` after it. */
const MOCHA_HOOK = /(?:^|\s)"(?:before|after) (?:all|each)" hook\b/;

/**
 * The full titles of the suites a failed Mocha hook stands for. mocha-junit-reporter and Mocha's xunit write a failed
 * hook as a case whose full title is its suite's, from the root suite on, then the hook's title (`pump limits "before
 * all" hook for "keeps"`): the suite is what comes before the hook (none for the root suite's hooks). jest-junit writes
 * the tests of a failed `beforeAll`/`beforeEach` as failed themselves.
 */
function mochaHookSuites(c: JUnitCase): string[] {
  const out = new Set<string>();
  for (const title of [c.name.trim(), c.classname.trim(), ...fullTitlesOf(c)]) {
    const m = MOCHA_HOOK.exec(title);
    if (!m) continue;
    const suite = title.slice(0, m.index).trim();
    if (suite) out.add(suite);
  }
  return [...out];
}

/** The common suffix of `a`'s first `aLength` segments and `b`. */
function commonSuffix(a: readonly string[], b: readonly string[], aLength = a.length): number {
  let k = 0;
  while (k < aLength && k < b.length && a[aLength - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** Index of JUnit cases for matching test symbols; build once per matrix. Linear in the number of cases. */
export class TestResultIndex {
  private readonly byLast = new Map<string, { segs: string[]; c: JUnitCase }[]>();
  private readonly byTitleWord = new Map<string, JUnitCase[]>();
  private readonly byFirstTitleWord = new Map<string, JUnitCase[]>();
  private readonly bySourceBase = new Map<string, JUnitCase[]>();
  private readonly byModuleEnd = new Map<string, { segments: string[]; length: number; c: JUnitCase }[]>();
  private readonly suiteFailuresByFirstWord = new Map<string, { suite: string; c: JUnitCase }[]>();
  private readonly fileFailuresByBase = new Map<string, { file: string; c: JUnitCase }[]>();
  private readonly describeFailuresByBase = new Map<string, { file: string; suite: string; c: JUnitCase }[]>();
  private goPackages?: { dirs: GoDirs; packages: GoPackages<JUnitCase> };

  constructor(readonly input: TestResultsInput | undefined) {
    for (const c of input?.cases ?? []) {
      const segs = [...segmentsOf(c.classname), ...segmentsOf(cleanCaseName(c.name))];
      const last = segs[segs.length - 1];
      if (last !== undefined) push(this.byLast, last, { segs, c });
      const word = lastTitleWord(c.name);
      if (word !== undefined) push(this.byTitleWord, word, c);
      for (const first of new Set([firstTitleWord(c.name), firstTitleWord(c.classname)])) if (first !== undefined) push(this.byFirstTitleWord, first, c);
      const keys = caseFileKeys(c);
      if (keys.base) push(this.bySourceBase, keys.base, c);
      for (let length = 2; length <= keys.segments.length; length++) push(this.byModuleEnd, keys.segments[length - 1], { segments: keys.segments, length, c });
      if (c.outcome === 'fail' || c.outcome === 'error') this.indexSuiteFailure(c);
    }
  }

  /** Whether any failed case stands for a suite or a whole file (most results have none: the lookups are skipped). */
  private get hasSuiteFailures(): boolean {
    return this.suiteFailuresByFirstWord.size + this.describeFailuresByBase.size + this.fileFailuresByBase.size > 0;
  }

  /** A failed case that stands for a suite (a Mocha hook, Vitest's `beforeAll`) or a whole file, indexed for suiteFailures and fileFailures. */
  private indexSuiteFailure(c: JUnitCase): void {
    const wholeFile = wholeFileFailure(c);
    if (wholeFile) return push(this.fileFailuresByBase, baseName(wholeFile), { file: wholeFile, c });
    const suites = mochaHookSuites(c);
    for (const suite of suites) {
      const first = firstTitleWord(suite);
      if (first !== undefined) push(this.suiteFailuresByFirstWord, first, { suite, c });
    }
    const vitest = suites.length ? undefined : vitestSuiteFailure(c);
    if (vitest) push(this.describeFailuresByBase, baseName(vitest.file), { ...vitest, c });
  }

  /** Result files were configured (resultsConfigured): a verifier absent from them never ran. */
  get active(): boolean {
    return resultsConfigured(this.input);
  }

  /** Which workspace folder each Go import path in the results is (junit-case-files.ts), learnt once per folder list. */
  private packagesOf(dirs: GoDirs): GoPackages<JUnitCase> {
    if (this.goPackages?.dirs !== dirs) this.goPackages = { dirs, packages: new GoPackages(this.input?.cases ?? [], dirs) };
    return this.goPackages.packages;
  }

  /**
   * Cases matching a test symbol (see the module comment for the rule); for a test class or suite with none of its own,
   * the cases inside it. A Go test function first takes the cases of its name in its folder's package (`goDirs`: where
   * the workspace's Go files and go.mod files are), which also finds those of a file at a module's root.
   */
  bySymbol(qualifiedName: string, file: string, goDirs?: () => GoDirs): JUnitCase[] {
    if (goDirs && GO.test(file) && GO_TEST_FUNCTION.test(qualifiedName)) {
      const own = goPackageCases(file, [qualifiedName], this.byLast, this.packagesOf(goDirs()));
      if (own.length) return own;
    }
    if (JS_TS.test(file)) {
      // A failed hook of the test's suite or of one around it is the test's failure (fail closed), whatever else it has.
      const hooks = this.hasSuiteFailures ? [...this.suiteFailures(qualifiedName, file), ...this.fileFailures(file)] : [];
      const withHooks = (cases: JUnitCase[]) => (hooks.length ? [...new Set([...cases, ...hooks])] : cases);
      const byTitles = this.byTitles(qualifiedName, file);
      if (byTitles.length) return withHooks(byTitles);
      const inSuite = this.insideSuite(qualifiedName, file);
      if (inSuite.length || hooks.length) return withHooks(inSuite);
    }
    const q = segmentsOf(qualifiedName);
    const last = q[q.length - 1];
    if (last === undefined) return [];
    const dirs = file.split('/').slice(0, -1);
    const base = (file.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
    const own = this.best(this.byLast.get(last), file, [q, [...dirs, ...q], [...dirs, base, ...q]], ({ segs }) => [segs, segs.length]);
    if (own.length) return own;
    // A class: the cases whose classname (or an enclosing part of it, for classes nested in it) ends with it.
    const enclosing = this.byModuleEnd.get(last)?.filter(({ segments, length }) => length >= segments.length - MAX_NESTING);
    return this.best(enclosing, file, [q, [...dirs, base, ...q]], ({ segments, length }) => [segments, length], true);
  }

  /** The candidates sharing the longest common suffix (two segments at least) with one of the sides. */
  private best<E extends { c: JUnitCase }>(candidates: readonly E[] | undefined, file: string, sides: string[][], segsOf: (e: E) => [string[], number], whole = false): JUnitCase[] {
    let best = 1;
    let out: JUnitCase[] = [];
    for (const e of candidates ?? []) {
      if (namesOtherFile(e.c, file)) continue;
      const [segs, length] = segsOf(e);
      const k = Math.max(...sides.map((side) => commonSuffix(segs, side, length)));
      if (whole && k < length) continue;
      if (k > best) [best, out] = [k, [e.c]];
      else if (k === best && k >= 2) out.push(e.c);
    }
    return out;
  }

  /**
   * Cases of a JS/TS suite symbol: those whose ` > `-joined name (Vitest) starts with its titles, or whose classname is
   * its titles (Mocha's xunit). A space-joined full title cannot tell suite `pump` test `works fine` from a test
   * `works` (which then would take its sibling's result), so it never places a case inside a suite.
   */
  private insideSuite(qualifiedName: string, file: string): JUnitCase[] {
    const word = firstTitleWord(qualifiedName);
    const parts = qualifiedName.split('.').length;
    return ((word !== undefined && this.byFirstTitleWord.get(word)) || []).filter(
      (c) => !namesOtherFile(c, file) && (startsWithTitles(c.name.trim(), qualifiedName) || titlePartsCovered(c.classname.trim(), qualifiedName) === parts),
    );
  }

  /**
   * Failed cases that stand for a suite holding the symbol (or the suite symbol itself): a failed Mocha hook
   * (mochaHookSuites) whose suite's full title is the symbol's first titles, all of them from the root suite on; a failed
   * Vitest `beforeAll` of this file (vitestSuiteFailure) whose `describe` title ends some of the symbol's first titles
   * (it names no suite around that `describe`: every `describe` of that title in the file is taken, fail closed).
   */
  private suiteFailures(qualifiedName: string, file: string): JUnitCase[] {
    const word = firstTitleWord(qualifiedName);
    const hooks = (word !== undefined && this.suiteFailuresByFirstWord.get(word)) || [];
    const describes = this.describeFailuresByBase.get(baseName(file)) ?? [];
    if (!hooks.length && !describes.length) return [];
    const parts = qualifiedName.split('.');
    const prefixes = parts.map((_, k) => parts.slice(0, k + 1).join('.'));
    const out: JUnitCase[] = [];
    for (const { suite, c } of hooks) if (!namesOtherFile(c, file) && prefixes.some((p, k) => titlePartsCovered(suite, p) === k + 1)) out.push(c);
    for (const { file: at, suite, c } of describes) if (samePathTail(at, file) && prefixes.some((p) => titlePartsCovered(suite, p) > 0)) out.push(c);
    return out;
  }

  /** Failed cases of the whole file (wholeFileFailure) that name this file. */
  private fileFailures(file: string): JUnitCase[] {
    return (this.fileFailuresByBase.get(baseName(file)) ?? []).filter(({ file: at }) => samePathTail(at, file)).map(({ c }) => c);
  }

  /** Cases of a JS/TS test symbol by its titles: the most titles covered wins; two at least, or one from a case that names this file. */
  private byTitles(qualifiedName: string, file: string): JUnitCase[] {
    const word = lastTitleWord(qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1));
    let best = 0;
    let out: JUnitCase[] = [];
    for (const c of (word !== undefined && this.byTitleWord.get(word)) || []) {
      const source = caseSourcePath(c);
      if (namesOtherFile(c, file)) continue;
      const k = Math.max(...fullTitlesOf(c).map((t) => titlePartsCovered(t, qualifiedName)));
      if (k < 2 && !(k === 1 && source !== undefined)) continue;
      if (k > best) [best, out] = [k, [c]];
      else if (k === best) out.push(c);
    }
    return out;
  }

  /**
   * Cases of a test file tagged as a whole: those whose `file` attribute, path classname or module classname names it;
   * for a Go file, the cases of its own test functions in its package (goPackageCases).
   */
  byFile(file: string, fileSymbols?: () => readonly string[], goDirs?: () => GoDirs): JUnitCase[] {
    const out = new Set<JUnitCase>();
    if (fileSymbols && goDirs && GO.test(file)) for (const c of goPackageCases(file, fileSymbols(), this.byLast, this.packagesOf(goDirs()))) out.add(c);
    for (const c of this.bySourceBase.get(baseName(file)) ?? []) if (samePathTail(caseSourcePath(c)!, file)) out.add(c);
    const fileSegs = fileSegments(file);
    const last = fileSegs[fileSegs.length - 1];
    for (const { segments, length, c } of (last !== undefined && this.byModuleEnd.get(last)) || []) if (prefixEndsFile(segments, length, fileSegs)) out.add(c);
    return [...out];
  }
}
