import { pathMatcher } from '../path-glob';
import { codeInput, DEFAULT_TEST_GLOBS, type CodeLinksInput } from '../codelinks/rule-input';
import { junitMappingOf } from './junit-mapping';
import type { ResolvedConfig } from '../model/config-def';
import type { Graph, ModelItem, ItemOf, Reference } from '../model/graph';
import type { TestData } from '../model/model-types';
import { workspaceFileOf } from '../model/evidence-files';

/**
 * THE definition of verification and implementation evidence. RQ001, RQ002, CL007, the matrix (every status,
 * export and `spdf check`) and the language server's tree view all ask this module; none decides alone.
 *
 * Verification of an item: a `tests` item that `verifies` it or that the item lists in its own `tests`, or a
 * code symbol tagged `@spdf verifies ID` in a test file (`code.test_globs`). A `verifies` tag anywhere else is
 * no evidence (CL004 reports it): counting it would let production code vouch for itself. A control is also
 * verified through the in-scope requirements that specify it (its `implements`, their `controls` or
 * `derived_from`); obsolete requirements verify nothing.
 * A YAML test whose recorded result has no evidence (VT002: no `evidence` file in the workspace, or a
 * `pass`/`fail` with neither `evidence` nor a `junit` mapping naming a classname or name) still counts as a verifier, but an unproven one:
 * the matrix makes its items PARTIAL.
 * Implementation of an item: a code link `implements` on a requirement or control, `mitigates` on a threat
 * (the relation kinds of CL003; a mismatched tag is no evidence).
 */

/**
 * The model fields this module reads: the reference fields that make a test verify an item or a requirement
 * specify a control, a requirement's `status`, and a test's `evidence`, `result` and `junit`; spread into the
 * `meta.reads` of the rules built on it. test/rules/rule-reads.test.ts proves it with a rule that reports everything it answers.
 */
export const VERIFICATION_READS = ['controls', 'derived_from', 'evidence', 'implements', 'junit', 'result', 'status', 'tests', 'verifies'] as const;

/** The part of a code link this module reads (CodeLink and the matrix's links both fit). */
export interface EvidenceLink {
  id: string;
  relation: string;
  file: string;
}

const matchers = new WeakMap<ResolvedConfig, (file: string) => boolean>();

/** Whether a workspace file is test code: `code.test_globs`, or DEFAULT_TEST_GLOBS when the list is empty. */
export function testFileMatcher(config: ResolvedConfig): (file: string) => boolean {
  let m = matchers.get(config);
  if (!m) {
    const globs = config.code.testGlobs.length ? config.code.testGlobs : DEFAULT_TEST_GLOBS;
    m = pathMatcher([...globs]);
    matchers.set(config, m);
  }
  return m;
}

export function isVerificationLink(l: EvidenceLink, isTest: (file: string) => boolean): boolean {
  return l.relation === 'verifies' && isTest(l.file);
}

export function isImplementationLink(l: EvidenceLink, target: ModelItem | undefined): boolean {
  if (!target) return false;
  if (l.relation === 'implements') return target.kind === 'requirement' || target.kind === 'control';
  return l.relation === 'mitigates' && target.kind === 'threat';
}

export const isObsoleteRequirement = (item: { kind: string; data: { status?: unknown } } | undefined): boolean => item?.kind === 'requirement' && item.data.status === 'obsolete';

/** The first segment of a reference's field path (`components.2.threat` -> `components`), without splitting the path. */
function topField(field: string): string {
  const dot = field.indexOf('.');
  return dot < 0 ? field : field.slice(0, dot);
}

/** When a reference makes a YAML test verify an item: the verified ID and the test. */
export function testEvidenceOf(ref: Reference): [string, ItemOf<'test'>] | undefined {
  const to = ref.target;
  if (!to || !ref.kinds.includes(to.kind)) return undefined;
  const field = topField(ref.field);
  if (ref.from.kind === 'test' && field === 'verifies') return [to.id, ref.from];
  if (field === 'tests' && to.kind === 'test' && ref.from.kind !== 'test') return [ref.from.id, to];
  return undefined;
}

/** YAML tests that verify the item itself (for one item, without building an index). */
export function yamlTestsOf(graph: Graph, item: ModelItem): ItemOf<'test'>[] {
  const out = new Set<ItemOf<'test'>>();
  for (const r of [...(graph.refsTo.get(item.id) ?? []), ...(graph.refsOf.get(item) ?? [])]) {
    const e = testEvidenceOf(r);
    if (e && e[0] === item.id) out.add(e[1]);
  }
  return [...out];
}

/**
 * Whether a path written in the model names a workspace file: tried from the workspace root and from the
 * model file's folder; a `#fragment` is ignored. URLs and other non-file references count as present.
 */
export function workspaceFileExists(files: ReadonlySet<string>, fromFile: string, p: string): boolean {
  return workspaceFileOf(files, fromFile, p) !== undefined;
}

export interface TestEvidenceGap {
  /** The field the gap is about (where VT002 reports it). */
  field: 'evidence' | 'result';
  message: string;
}

/**
 * Why a YAML test's result is not backed by evidence, or undefined. Without `files` the evidence path is not checked;
 * an evidence file in `unusableEvidence` (empty or unreadable, as the host found it: evidenceFileGap) shows no result, so it is no evidence.
 */
export function testEvidenceGap(test: { file: string; data: Partial<TestData> }, files: ReadonlySet<string> | undefined, unusableEvidence?: ReadonlyMap<string, string>): TestEvidenceGap | undefined {
  const ev = test.data.evidence;
  if (typeof ev === 'string' && ev.trim()) {
    const file = files && workspaceFileOf(files, test.file, ev);
    if (files && file === undefined) return { field: 'evidence', message: `evidence file '${ev}' is not in the workspace` };
    const why = file ? unusableEvidence?.get(file) : undefined;
    if (why) return { field: 'evidence', message: `evidence file '${ev}' ${why}, so it shows no result` };
    return undefined;
  }
  const result = test.data.result;
  const hasEvidence = (typeof ev === 'string' && ev.trim() !== '') || typeof ev === 'number';
  if ((result === 'pass' || result === 'fail') && !junitMappingOf(test) && !hasEvidence) return { field: 'result', message: `records '${result}' but no evidence` };
  return undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) {
    if (!l.includes(v)) l.push(v);
  } else m.set(k, [v]);
}

export class VerificationIndex<L extends EvidenceLink = EvidenceLink> {
  /** YAML tests that verify each ID, through `test.verifies` or the item's own `tests` list. */
  readonly testsOf = new Map<string, ItemOf<'test'>[]>();
  /** Verifying code links (in test files) by target ID. */
  readonly codeOf = new Map<string, L[]>();
  /** In-scope requirements that specify each control. */
  private readonly reqsOfControl = new Map<string, string[]>();

  constructor(
    readonly graph: Graph,
    config: ResolvedConfig,
    links: Iterable<L>,
  ) {
    for (const ref of graph.refs) {
      const evidence = testEvidenceOf(ref);
      if (evidence) {
        push(this.testsOf, evidence[0], evidence[1]);
        continue;
      }
      const to = ref.target;
      if (!to || !ref.kinds.includes(to.kind)) continue;
      const from = ref.from;
      const field = topField(ref.field);
      if (from.kind === 'control' && field === 'implements' && to.kind === 'requirement' && !isObsoleteRequirement(to)) push(this.reqsOfControl, from.id, to.id);
      else if (from.kind === 'requirement' && (field === 'controls' || field === 'derived_from') && to.kind === 'control' && !isObsoleteRequirement(from)) push(this.reqsOfControl, to.id, from.id);
    }
    const isTest = testFileMatcher(config);
    for (const l of links) if (isVerificationLink(l, isTest)) push(this.codeOf, l.id, l);
  }

  /** IDs whose verification counts for the item: itself, and for a control its in-scope requirements. */
  subjects(item: ModelItem): string[] {
    return item.kind === 'control' ? [item.id, ...(this.reqsOfControl.get(item.id) ?? [])] : [item.id];
  }

  isVerified(item: ModelItem): boolean {
    return this.subjects(item).some((id) => this.testsOf.has(id) || this.codeOf.has(id));
  }
}

/** The index over the rule inputs' code links; memoised per lint run. */
export function verificationIndex(ctx: { graph: Graph; config: ResolvedConfig; code?: CodeLinksInput; shared<T>(key: string, compute: () => T): T }): VerificationIndex {
  return ctx.shared(
    'analysis/verification',
    () =>
      new VerificationIndex(
        ctx.graph,
        ctx.config,
        (codeInput(ctx.code)?.files ?? []).flatMap((f) => f.links),
      ),
  );
}
