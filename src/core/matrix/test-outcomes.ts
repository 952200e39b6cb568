// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
import { combineCaseOutcomes, JUnitCaseIndex } from '../analysis/junit-mapping';
import type { Graph } from '../model/graph';
import type { TestOutcome } from './decide';
import { goDirsOf, type GoDirs } from './junit-case-files';
import type { MatrixCodeLink } from './links';
import { TestResultIndex, type TestResultsInput } from './test-results';

/** Latest result of each verifier (a YAML test item or a test symbol), memoised. */
export class TestOutcomes {
  private readonly results: TestResultIndex;
  private readonly cases: JUnitCaseIndex;
  private readonly outcomes = new Map<string, TestOutcome>();

  private goDirs?: GoDirs;

  constructor(
    private readonly graph: Graph,
    private readonly testResults: TestResultsInput | undefined,
    /** The workspace's files: where Go packages are (junit-case-files.ts). */
    private readonly allFiles?: readonly string[],
  ) {
    this.results = new TestResultIndex(testResults);
    this.cases = new JUnitCaseIndex(testResults);
  }

  /** Latest result of a YAML test item (src/core/analysis/junit-mapping.ts decides it). */
  testOutcome(testId: string): TestOutcome {
    const key = `t\u0000${testId}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    const t = this.graph.byId.get(testId);
    const o: TestOutcome = t?.kind === 'test' ? this.cases.testOutcome(t) : 'none';
    this.outcomes.set(key, o);
    return o;
  }

  /**
   * Latest result of a test symbol tagged `verifies`: the JUnit case(s) matching its qualified name; of a test file
   * tagged as a whole, the cases from that file. Once result files were read, a verifier none of them names never ran.
   */
  symbolOutcome(l: MatrixCodeLink): TestOutcome {
    const key = `s\u0000${l.file}\u0000${l.symbol ?? ''}\u0000${l.skippedInEveryRun ? 'skipped' : ''}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    const goDirs = this.allFiles && (() => (this.goDirs ??= goDirsOf(this.allFiles!, this.testResults?.goModules)));
    const cases = l.symbol ? this.results.bySymbol(l.symbol, l.file, goDirs) : this.results.active ? this.results.byFile(l.file, l.fileSymbols, goDirs) : [];
    const said: TestOutcome = cases.length ? combineCaseOutcomes(cases) : this.results.active ? 'not-run' : 'none';
    // A test skipped in every run (`it.todo`, CL014) never passed, whatever its case says: jest-junit writes an
    // `it.todo` as a case with no <skipped> child. Without result files it has no result to stand in for.
    const o: TestOutcome = l.skippedInEveryRun && said === 'pass' ? 'not-run' : said;
    this.outcomes.set(key, o);
    return o;
  }
}
