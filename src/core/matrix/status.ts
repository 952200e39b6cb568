/**
 * Public entry of the trace statuses: the ONE definition of statuses and coverage (decide.ts) and the
 * per-item traces the tree view, the status bar, code lenses and `spdf check` read. The matrix views
 * (build.ts) use the same TraceIndex (trace-index.ts), so every surface agrees.
 */
import type { ResolvedConfig } from '../model/config-def';
import type { Graph, ModelItem } from '../model/graph';
import type { ItemKind } from '../model/kinds';
import type { Finding, Range, SuppressedFinding } from '../types';
import { yamlTestsOf } from '../analysis/verification';
import { TRACED_KINDS, type LinkReview, type TraceStatus } from './decide';
import { linkLines, type MatrixCodeLink } from './links';
import type { TestResultsInput } from './test-results';
import { TraceIndex } from './trace-index';

export * from './decide';

/** A code link with its review state, as the language server holds it. */
export interface StatusLink {
  id: string;
  relation: string;
  file: string;
  symbol: string | null;
  range: Range;
  symbolRange?: Range;
  /** 0-based lines of a StrictDoc line or range link (`CodeLink.lines`). */
  lines?: { start: number; end: number };
  review: LinkReview;
  /** For a file-level link: the qualified names of the symbols its file defines (`MatrixCodeLink.fileSymbols`). */
  fileSymbols?: () => readonly string[];
  /** `MatrixCodeLink.skippedInEveryRun`. */
  skippedInEveryRun?: true;
}

export interface ItemTrace {
  item: ModelItem;
  status: TraceStatus;
  /** The decision's reasons joined, or `complete` for OK. */
  reason: string;
  reasons: string[];
  implementedBy: StatusLink[];
  verifiedByLinks: StatusLink[];
  /** YAML test items that verify the item. */
  tests: ModelItem[];
}

export interface TraceInputs {
  graph: Graph;
  config: ResolvedConfig;
  findings?: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
  links?: readonly StatusLink[];
  testResults?: TestResultsInput;
  /** Every workspace file (test evidence paths are checked against it). */
  allFiles?: readonly string[];
  /** Files tests name as `evidence` that are empty (no text, or white space only) or unreadable, each with why. */
  unusableEvidence?: ReadonlyMap<string, string>;
  /** Inputs not read or not understood besides the model's load problems: the matrix lists them (its exports say INCOMPLETE). */
  problems?: string[];
}

export function traceIndexOf(input: TraceInputs): TraceIndex {
  const links: MatrixCodeLink[] = (input.links ?? []).map((l) => ({ ...l, ...linkLines(l) }));
  return new TraceIndex({
    graph: input.graph,
    config: input.config,
    lint: input.findings ? { findings: input.findings, suppressed: input.suppressed ?? [] } : undefined,
    code: { links, reviewsInUse: links.some((l) => l.review !== 'unreviewed') },
    testResults: input.testResults,
    allFiles: input.allFiles,
    unusableEvidence: input.unusableEvidence,
    problems: input.problems,
  });
}

/** Traces of every item of the given kinds (first definition of each ID; obsolete requirements left out). */
export function traceItems(input: TraceInputs, kinds: readonly ItemKind[] = ['requirement'], index = traceIndexOf(input)): ItemTrace[] {
  const out: ItemTrace[] = [];
  for (const kind of kinds) {
    if (!TRACED_KINDS.includes(kind)) continue;
    for (const item of input.graph.byKind[kind]) {
      if (index.item(item.id) !== item || !index.inScope(item.id)) continue;
      const d = index.statusOf(item);
      out.push({
        item,
        status: d.status,
        reason: d.reasons.length ? d.reasons.join('; ') : 'complete',
        reasons: d.reasons,
        implementedBy: index.implementationOf(item) as unknown as StatusLink[],
        verifiedByLinks: index.verifyingLinksOf(item) as unknown as StatusLink[],
        tests: testsOf(input.graph, item),
      });
    }
  }
  return out;
}

/** YAML test items that verify `item` (through `test.verifies` or the item's own `tests`): the one definition. */
export function testsOf(graph: Graph, item: ModelItem): ModelItem[] {
  return yamlTestsOf(graph, item);
}
