import type { CodeLinksInput } from '../codelinks/rule-input';
import type { ReviewLock } from '../codelinks/review-lock';
import type { TestResultsInput } from '../matrix/test-results';
import type { ProfileName, ResolvedConfig } from '../model/config-def';
import type { Graph, ModelItem } from '../model/graph';
import type { Fix, Range, RelatedLocation, Severity, SeveritySetting } from '../types';

export type RuleCategory = 'structure' | 'zones-conduits' | 'threats' | 'hazards' | 'controls' | 'requirements' | 'tests' | 'submission' | 'code-links';

/**
 * A rule example: YAML text of one `model.spdf.yaml` file, or several files by path
 * (`spdf.config.yaml` among them when the example needs config). Invalid examples carry
 * expectation markers (`# ^^^ CODE`) under the span each finding must cover.
 */
export type RuleExample = string | Record<string, string>;

export interface RuleMeta {
  /** Stable code: family letters + three digits, e.g. ZC004. */
  code: string;
  /** Kebab-case alias, usable wherever a code is. */
  alias: string;
  severity: Severity;
  category: RuleCategory;
  /** One line, shown in rule lists. */
  description: string;
  /** Why it matters (shown by `spdf explain` and in the docs). */
  rationale: string;
  /** The standard and clause, tool precedent, or "heuristic" with a reason. */
  source: string;
  /** `spdf lint --fix` may apply this rule's fixes. */
  fixable: boolean;
  /** Version (semver) of the release that introduced the rule; CHANGELOG.md records it under that version. */
  since: string;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  /**
   * Every input beyond the YAML model and the config that the rule reads (a test proves it, and the language
   * server re-runs a rule only when one of these changed). Without `code`, `git` or `test-results` the rule
   * stays silent unless `runsWithout` names it; `lock`, `files` and `explicit-files` it reads when present.
   */
  needs?: RuleNeed[];
  /** Inputs of `needs` the rule also runs without (it reads them when present). */
  runsWithout?: RuleNeed[];
  /**
   * `file`: the rule's findings in a model file depend only on that file's items and text (plus the config and the
   * workspace's file list): run on a graph of that file alone, it reports exactly what it reports there on the whole
   * model (test/rules/rule-scope.test.ts proves it on every example). The language server re-runs it on edited files only.
   */
  scope?: 'file';
  /**
   * `file`: the rule reports only in source files, and its findings in a source file depend only on that file's entry
   * of the code index (plus the model and config): run on a code index of that file alone, it reports exactly what it
   * reports there on the whole index, in the same order (test/rules/rule-code-scope.test.ts proves it). A host may keep
   * its findings per source file and re-run it on changed files only.
   */
  codeScope?: 'file';
  /**
   * The item fields (data keys) the rule reads besides kinds and IDs, `problems` for load problems, `file` for anything
   * else of a file; absent: everything. After an edit that changes none of them the rule reports the same, its positions
   * in the edited file moved with their nodes (test/rules/rule-reads.test.ts proves it): the language server keeps its findings.
   */
  reads?: readonly string[];
}

/** An input beyond the model and config (src/core/rules/needs.ts maps each to its field of `RuleInputs`). */
export type RuleNeed = 'code' | 'git' | 'test-results' | 'lock' | 'files' | 'explicit-files';

/** What a rule reports; the engine adds code and severity. */
export interface Report {
  file: string;
  range: Range;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
  /** Code of another rule: the finding takes that rule's effective severity when it is higher than its own. */
  severityOf?: string;
  /** The finding's severity is at most this (a milder case of the rule); the rule's effective severity when lower. */
  atMost?: Severity;
}

/** Everything a rule may read. Optional inputs are absent when the host did not supply them. Hosts build it with `ruleInputs` (inputs.ts). */
export interface RuleInputs {
  /** The model graph, typed items. */
  graph: Graph;
  config: ResolvedConfig;
  /** Every workspace file the host listed (for glob checks). */
  allFiles: string[];
  /** The files tests name as `evidence` that the host found empty (no text, or white space only) or could not read, each with why: no evidence (VT002, the matrix). */
  unusableEvidence?: ReadonlyMap<string, string>;
  /** Last change time (ms since epoch) per workspace file, from git; supplied by the host. */
  fileDates?: Map<string, number>;
  /** Code-link index: per-file tags, links and symbols (src/core/codelinks). */
  code?: CodeLinksInput;
  /** JUnit results (src/core/matrix/test-results.ts). */
  testResults?: TestResultsInput;
  /** The parsed review lock (src/core/codelinks/review-lock.ts). */
  lock?: ReviewLock;
  /** Files the user named explicitly (CLI paths, documents open in the editor); TM012 reports those outside the model. */
  explicitFiles?: string[];
}

export interface RuleContext extends RuleInputs {
  report(r: Report): void;
  /** Range of the value at a field path of an item (falls back to the key, then to the item's ID). */
  rangeOf(item: ModelItem, path?: readonly (string | number)[]): Range;
  /** Range of the key at a field path (falls back to the item's ID). */
  keyRangeOf(item: ModelItem, path: readonly (string | number)[]): Range;
  /** Memoised values shared between rules of one run (graph analyses). */
  shared<T>(key: string, compute: () => T): T;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { ProfileName, SeveritySetting };
