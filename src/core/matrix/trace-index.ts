// @spdf implements SPDF-TRC-003
import { isImplementationLink, testEvidenceGap, VerificationIndex } from '../analysis/verification';
import type { ResolvedConfig } from '../model/config-def';
import type { Graph, ModelItem } from '../model/graph';
import type { Finding, SuppressedFinding } from '../types';
import { decideStatus, TRACED_KINDS, type StatusDecision, type TestOutcome, type TraceStatus, type VerifierEvidence } from './decide';
import { codeLabel, codeTarget, evidenceOf } from './evidence';
import { ItemFindings } from './item-findings';
import type { MatrixCodeInput, MatrixCodeLink } from './links';
import type { Target } from './model';
import { TraceRelations } from './relations';
import { TestOutcomes } from './test-outcomes';
import type { TestResultsInput } from './test-results';

export interface MatrixInputs {
  graph: Graph;
  config: ResolvedConfig;
  /** Lint result: error-level structure findings make items ERROR, trace-related suppressions JUSTIFIED. */
  lint?: { findings: readonly Finding[]; suppressed: readonly SuppressedFinding[]; internalErrors?: readonly { code: string; message: string }[] };
  code?: MatrixCodeInput;
  testResults?: TestResultsInput;
  /** Every workspace file: a test's `evidence` path must name one (without the list, paths are not checked). */
  allFiles?: readonly string[];
  /** Files tests name as `evidence` that are empty (no text, or white space only): such a test verifies nothing yet. */
  unusableEvidence?: ReadonlyMap<string, string>;
  commit?: string;
  problems?: string[];
}

/**
 * Trace statuses of every traced item, and the relations the views project. Built once per model
 * version in time linear in items + references + code links + test cases.
 */
export class TraceIndex extends TraceRelations {
  readonly config: ResolvedConfig;
  /** Verification evidence: the one definition (src/core/analysis/verification.ts). */
  readonly verification: VerificationIndex<MatrixCodeLink>;
  readonly reviewsInUse: boolean;
  readonly linted: boolean;
  private readonly outcomes: TestOutcomes;
  private readonly files?: ReadonlySet<string>;
  private readonly codeOf = new Map<string, MatrixCodeLink[]>();
  private readonly findings?: ItemFindings;
  private readonly decisions = new Map<ModelItem, StatusDecision>();
  private readonly targets = new Map<string, Target | undefined>();
  private readonly implementation = new Map<ModelItem, MatrixCodeLink[]>();

  constructor(readonly inputs: MatrixInputs) {
    super(inputs.graph);
    this.config = inputs.config;
    this.outcomes = new TestOutcomes(inputs.graph, inputs.testResults, inputs.allFiles);
    this.reviewsInUse = !!inputs.code?.reviewsInUse;
    this.linted = !!inputs.lint;
    this.files = inputs.allFiles ? new Set(inputs.allFiles) : undefined;
    this.verification = new VerificationIndex(this.graph, this.config, inputs.code?.links ?? []);
    for (const l of inputs.code?.links ?? []) {
      const list = this.codeOf.get(l.id);
      if (list) list.push(l);
      else this.codeOf.set(l.id, [l]);
    }
    if (inputs.lint) this.findings = new ItemFindings(this.graph, inputs.lint);
  }

  /** The item whose source span holds a 0-based line of a model file (spans are indexed with the lint result). */
  itemAt(file: string, line: number): ModelItem | undefined {
    return this.findings?.itemAt(file, line);
  }
  findingsOn(item: ModelItem): Finding[] {
    return this.findings?.findingsOn(item) ?? [];
  }
  suppressedOn(item: ModelItem): SuppressedFinding[] {
    return this.findings?.suppressedOn(item) ?? [];
  }

  testOutcome(testId: string): TestOutcome {
    return this.outcomes.testOutcome(testId);
  }
  symbolOutcome(l: MatrixCodeLink): TestOutcome {
    return this.outcomes.symbolOutcome(l);
  }

  /** The trace status of a traced item (requirement, control, threat, hazard, zone, conduit). */
  statusOf(item: ModelItem): StatusDecision {
    let d = this.decisions.get(item);
    if (!d) {
      d = decideStatus(evidenceOf(this, item));
      this.decisions.set(item, d);
    }
    return d;
  }

  statusOfId(id: string): TraceStatus | undefined {
    const it = this.item(id);
    return it && TRACED_KINDS.includes(it.kind) ? this.statusOf(it).status : undefined;
  }

  verifiersOf(item: ModelItem): (VerifierEvidence & { target?: Target; id?: string })[] {
    const out: (VerifierEvidence & { target?: Target; id?: string })[] = [];
    // Most items have no verifier: the set of labels seen is made for those that have one.
    let seen: Set<string> | undefined;
    for (const id of this.verification.subjects(item)) {
      const tests = this.verification.testsOf.get(id);
      const code = this.verification.codeOf.get(id);
      if (!tests && !code) continue;
      seen ??= new Set<string>();
      for (const test of tests ?? []) {
        const t = test.id;
        if (seen.has(t)) continue;
        seen.add(t);
        const gap = testEvidenceGap(test, this.files, this.inputs.unusableEvidence);
        out.push({ label: t, outcome: this.testOutcome(t), target: this.itemTarget(t), id: t, ...(gap ? { unproven: gap.message } : {}) });
      }
      for (const l of code ?? []) {
        const label = codeLabel(l);
        if (seen.has(label)) continue;
        seen.add(label);
        out.push({ label, outcome: this.symbolOutcome(l), review: l.review, target: codeTarget(l) });
      }
    }
    return out;
  }

  /** Verifying code links of the item itself (in test files only). */
  verifyingLinksOf(item: ModelItem): MatrixCodeLink[] {
    return this.verification.codeOf.get(item.id) ?? [];
  }

  /** Implementing code of an item, memoised: the status decision and the views both ask for it. */
  implementationOf(item: ModelItem): MatrixCodeLink[] {
    let links = this.implementation.get(item);
    if (!links) this.implementation.set(item, (links = this.findImplementation(item)));
    return links;
  }

  private findImplementation(item: ModelItem): MatrixCodeLink[] {
    const ids = item.kind === 'control' ? [item.id, ...this.requirementsOf(item.id)] : [item.id];
    const out: MatrixCodeLink[] = [];
    // The same place (file, symbol, line) counts once. An item has a few links: comparing them is cheaper than
    // a set of key strings, which only a long list gets.
    let seen: Set<string> | undefined;
    for (const id of ids) {
      const target = this.item(id);
      for (const l of this.codeOf.get(id) ?? []) {
        if (!isImplementationLink(l, target)) continue;
        if (!seen && out.length < 16) {
          if (!out.some((o) => samePlace(o, l))) out.push(l);
          continue;
        }
        seen ??= new Set(out.map(placeKey));
        const k = placeKey(l);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(l);
        }
      }
    }
    return out;
  }

  /** Where an item is (shared objects: rows of many views point at the same target). */
  itemTarget(id: string): Target | undefined {
    if (this.targets.has(id)) return this.targets.get(id);
    const it = this.item(id);
    const t: Target | undefined = it ? { type: 'item', id, kind: it.kind, file: it.file, line: lineOf(this.graph, it) } : undefined;
    this.targets.set(id, t);
    return t;
  }
}

/** The 1-based line of an item's ID. */
export function lineOf(graph: Graph, item: ModelItem): number {
  const src = graph.fileByPath.get(item.file)?.source;
  return src ? src.positionAt(item.idNode.start).line + 1 : 1;
}

const placeKey = (l: MatrixCodeLink) => `${l.file}\u0000${l.symbol}\u0000${l.line}`;
/** `placeKey(a) === placeKey(b)`, without building the keys; the lines last (links of other symbols read none). */
const samePlace = (a: MatrixCodeLink, b: MatrixCodeLink) => a.file === b.file && String(a.symbol) === String(b.symbol) && a.line === b.line;
