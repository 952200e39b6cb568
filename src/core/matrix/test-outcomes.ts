import type { Graph } from '../model/graph';
import type { TestOutcome } from './decide';
import type { MatrixCodeLink } from './links';
import { combineOutcomes, TestResultIndex, type TestResultsInput } from './test-results';

/** Latest result of each verifier (a YAML test item or a test symbol), memoised. */
export class TestOutcomes {
  private readonly results: TestResultIndex;
  private readonly outcomes = new Map<string, TestOutcome>();

  constructor(
    private readonly graph: Graph,
    testResults: TestResultsInput | undefined,
  ) {
    this.results = new TestResultIndex(testResults);
  }

  /** Latest result of a YAML test item: JUnit (via `junit:`) overrides `result`. */
  testOutcome(testId: string): TestOutcome {
    const key = `t\u0000${testId}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    let o: TestOutcome;
    const t = this.graph.byId.get(testId);
    const j = t?.data.junit;
    const named = !!j && typeof j === 'object' && (typeof j.classname === 'string' || typeof j.name === 'string');
    const cases = named ? this.results.byJUnitName(typeof j.classname === 'string' ? j.classname : undefined, typeof j.name === 'string' ? j.name : undefined) : [];
    const r = t?.data.result;
    if (cases.length) o = combineOutcomes(cases);
    else if (r === 'pass' || r === 'fail' || r === 'not-run' || r === 'blocked') o = r;
    else o = named && this.results.active ? 'not-run' : 'none';
    this.outcomes.set(key, o);
    return o;
  }

  /** Latest result of a test symbol tagged `verifies`: the JUnit case(s) matching its qualified name. */
  symbolOutcome(l: MatrixCodeLink): TestOutcome {
    if (!l.symbol) return 'none';
    const key = `s\u0000${l.file}\u0000${l.symbol}`;
    const cached = this.outcomes.get(key);
    if (cached) return cached;
    const cases = this.results.bySymbol(l.symbol, l.file);
    const o: TestOutcome = cases.length ? combineOutcomes(cases) : this.results.active ? 'not-run' : 'none';
    this.outcomes.set(key, o);
    return o;
  }
}
