// @spdf implements SPDF-CMD-CHECK, SPDF-FC-GATE
/**
 * The CI gate behind `spdf check`. It fails closed: a model or config file that did not load, an input that
 * could not be read, a code tag naming an unknown ID, an item in ERROR, an error-level finding on the traced
 * chain, a crashed rule, an empty requirement set or a coverage below the minimum each fail it. Only the explicit
 * `allow*` options turn a class of offenders into a reported, non-blocking one.
 */
import type { CodeLinksInput } from '../codelinks/rule-input';
import { unscannedProblem, type UnscannedFile } from '../codelinks/unscanned-files';
import type { Graph } from '../model/graph';
import type { LintResult } from '../rules/engine';
import { findRule } from '../rules/registry';
import { unknownRuleSettings } from '../rules/rule-settings';
import type { RuleInputs } from '../rules/types';
import type { Finding, Range } from '../types';
import { problemLine } from './build';
import { gateMatrix } from './gate-rows';
import { TRACED_KINDS, type Coverage, type TraceStatus } from './decide';
import type { Matrix } from './model';
import { traceIndexFromInputs } from './trace-matrix';

/** Version of `spdf check --format json`, documented by media/schemas/spdf.check.schema.json. */
export const GATE_FORMAT_VERSION = 1;

export interface GateOptions {
  /** Lowest passing coverage in percent (the CLI flag, else config `check.min_coverage`). */
  minCoverage: number;
  /** Statuses that fail the gate when any traced item has them; ERROR is always included unless allowErrors. */
  failOnStatus?: readonly TraceStatus[];
  allowLoadErrors?: boolean;
  allowUnknownIds?: boolean;
  allowErrors?: boolean;
  /** Entries of the baseline that no longer occur do not fail the gate (--pass-on-unpruned-baseline). */
  allowUnprunedBaseline?: boolean;
}

/** The baseline of a gate run: findings it accepts, entries gone, and problems reading it (each one fails the gate). */
export interface GateBaseline {
  file: string;
  baselined: readonly Finding[];
  unused: readonly { message: string; file: string }[];
  problems: readonly ({ message: string } & Place)[];
}

export interface GateInput {
  graph: Graph;
  result: LintResult;
  matrix: Matrix;
  /** The code-link index; without it unknown-ID tags cannot be checked (the report says so). */
  code?: CodeLinksInput;
  /** Source files the code index meant to read and could not (unreadable, over code.max_file_bytes). */
  skippedCode?: readonly UnscannedFile[];
  /**
   * Whether a finding lies on the traced chain: on an in-scope requirement, control, threat, hazard, zone,
   * conduit or test, or in source code. Without it only structure findings count.
   */
  onChain?: (f: Finding) => boolean;
  baseline?: GateBaseline;
  /** Traced items in ERROR only through findings the baseline accepts. */
  baselinedErrors?: ReadonlySet<string>;
  /** Settings under `rules` of the config that name no rule: config problems like an unknown config key, whatever TM008's severity. */
  ruleSettingProblems?: readonly Finding[];
}

/** Kinds whose findings are on the traced chain (threat -> control -> requirement -> test, and what rolls up). */
const CHAIN_KINDS: ReadonlySet<string> = new Set([...TRACED_KINDS, 'test']);

/** Code problems that mean a tag was not understood: the tag may name an unknown ID or claim evidence. */
const UNREAD_TAG_PROBLEMS = new Set(['malformed-tag', 'unknown-relation', 'marker-case', 'internal']);

/** A 1-based place in a workspace file (columns in UTF-16 code units). */
export interface Place {
  file: string;
  line: number;
  column: number;
}

export type GateOffender =
  | ({ class: 'load'; code: string; message: string } & Place)
  | ({ class: 'input'; message: string } & Partial<Place>)
  | ({ class: 'unknown-id'; id: string; relation: string; message: string } & Place)
  | ({ class: 'status'; id: string; kind: string; status: TraceStatus; why: string; message: string } & Place)
  | ({ class: 'finding'; code: string; message: string } & Place)
  | { class: 'baseline'; message: string; file: string }
  | { class: 'internal'; code: string; message: string };

export type OffenderClass = GateOffender['class'];

export interface GateReport {
  version: typeof GATE_FORMAT_VERSION;
  pass: boolean;
  /** Why the gate failed, one short phrase per failing class (empty when it passed). */
  reasons: string[];
  /** `percent` is null when nothing is in scope (JSON has no undefined). */
  coverage: Omit<Coverage, 'percent'> & { percent: number | null; minimum: number; okOrJustified: number };
  failOnStatus: TraceStatus[];
  /** Classes of offenders the options allowed (listed, not failing). */
  allowed: OffenderClass[];
  /** Whether code tags were checked for unknown IDs (false without a code index). */
  codeChecked: boolean;
  /** Every offender, blocking classes first. */
  offenders: GateOffender[];
  /** With a baseline: its file and how many findings it accepted (they fail nothing). */
  baseline?: { file: string; baselined: number };
}

/**
 * THE gate of `spdf check`, from the assembled rule inputs (src/core/rules/inputs.ts) and their lint result:
 * builds the matrix views the gate reads and evaluates it. `problems` are input problems besides the model.
 */
export function runGate(inputs: RuleInputs, lint: LintResult, opts: GateOptions & { problems?: string[]; skippedCode?: GateInput['skippedCode']; baseline?: GateBaseline }): GateReport {
  const ix = traceIndexFromInputs(inputs, lint, { problems: opts.problems });
  const matrix = gateMatrix(ix, failingStatuses(opts));
  const onChain = (f: Finding): boolean => {
    if (!inputs.graph.fileByPath.has(f.file)) return true;
    const item = ix.itemAt(f.file, f.range.start.line);
    return !!item && CHAIN_KINDS.has(item.kind) && ix.inScope(item.id);
  };
  return evaluateGate(
    {
      graph: inputs.graph,
      result: lint,
      matrix,
      code: inputs.code,
      skippedCode: opts.skippedCode,
      onChain,
      baseline: opts.baseline,
      baselinedErrors: baselinedErrors(inputs, lint, ix, opts),
      ruleSettingProblems: unknownRuleSettings(inputs.config, 'error'),
    },
    opts,
  );
}

/** Items whose ERROR goes away without the baselined findings: the status stays ERROR (coverage is honest), the gate does not fail on it. */
function baselinedErrors(inputs: RuleInputs, lint: LintResult, ix: ReturnType<typeof traceIndexFromInputs>, opts: { problems?: string[]; baseline?: GateBaseline }): Set<string> {
  const accepted = new Set(opts.baseline?.baselined ?? []);
  if (!accepted.size) return new Set();
  const without = traceIndexFromInputs(inputs, { ...lint, findings: lint.findings.filter((f) => !accepted.has(f)) }, { problems: opts.problems });
  const items = inputs.graph.items.filter((i) => TRACED_KINDS.includes(i.kind) && ix.statusOf(i).status === 'ERROR' && without.statusOf(i).status !== 'ERROR');
  return new Set(items.map((i) => i.id));
}

/** The statuses that fail the gate: ERROR unless allowed, and `--fail-on-status`. */
const failingStatuses = (opts: GateOptions): TraceStatus[] => [...new Set<TraceStatus>([...(opts.allowErrors ? [] : (['ERROR'] as const)), ...(opts.failOnStatus ?? [])])];

const place = (file: string, r: Range): Place => ({ file, line: r.start.line + 1, column: r.start.character + 1 });
const key = (code: string, file: string, r: Range) => `${code}\n${file}\n${r.start.line}\n${r.start.character}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function evaluateGate(input: GateInput, opts: GateOptions): GateReport {
  const { graph, result, matrix } = input;
  const failOn = failingStatuses(opts);
  const byClass: Record<OffenderClass, GateOffender[]> = { load: [], input: [], 'unknown-id': [], status: [], finding: [], internal: [], baseline: [] };
  const accepted = new Set(input.baseline?.baselined ?? []);
  const acceptedKeys = new Set([...accepted].map((f) => key(f.code, f.file, f.range)));

  // Load problems fail whatever the rules' configured severity; only a justified in-place suppression excuses one.
  const loadKeys = new Set<string>();
  const suppressedKeys = new Set(result.suppressed.map((s) => key(s.code, s.file, s.range)));
  for (const p of graph.problems) {
    const k = key(p.code, p.file, p.range);
    loadKeys.add(k);
    if (!suppressedKeys.has(k)) byClass.load.push({ class: 'load', code: p.code, message: p.message, ...place(p.file, p.range) });
  }
  for (const p of input.ruleSettingProblems ?? []) {
    loadKeys.add(key(p.code, p.file, p.range));
    byClass.load.push({ class: 'load', code: p.code, message: p.message, ...place(p.file, p.range) });
  }
  const modelProblems = new Set(graph.problems.map(problemLine));
  for (const message of matrix.problems) if (!modelProblems.has(message)) byClass.input.push({ class: 'input', message });
  for (const s of input.skippedCode ?? []) {
    const p = unscannedProblem(s);
    byClass.input.push({ class: 'input', message: p.message, ...place(p.file, p.range) });
  }
  for (const f of input.code?.files ?? [])
    for (const p of f.problems) if (UNREAD_TAG_PROBLEMS.has(p.kind)) byClass.input.push({ class: 'input', message: `${p.kind}: ${p.message}`, ...place(f.file, p.range) });

  if (input.code) {
    for (const f of input.code.files)
      for (const tag of f.tags)
        if (!graph.byId.has(tag.id) && !suppressedKeys.has(key('CL001', f.file, tag.idRange)) && !acceptedKeys.has(key('CL001', f.file, tag.idRange)))
          byClass['unknown-id'].push({
            class: 'unknown-id',
            id: tag.id,
            relation: tag.relation,
            message: `tag '${tag.relation} ${tag.id}' names an ID the model does not define`,
            ...place(f.file, tag.idRange),
          });
  }

  const seen = new Set<string>();
  for (const v of Object.values(matrix.views))
    for (const r of v?.rows ?? [])
      if (TRACED_KINDS.includes(r.kind) && failOn.includes(r.status) && !seen.has(r.id) && !(r.status === 'ERROR' && input.baselinedErrors?.has(r.id))) {
        seen.add(r.id);
        byClass.status.push({
          class: 'status',
          id: r.id,
          kind: r.kind,
          status: r.status,
          why: (r.cells.why ?? []).map((x) => x.text).join('; '),
          message: `${r.kind} '${r.id}' is ${r.status}`,
          file: r.file,
          line: r.line,
          column: 1,
        });
      }

  for (const f of result.findings)
    if (f.severity === 'error' && f.code !== 'CL001' && !accepted.has(f) && !loadKeys.has(key(f.code, f.file, f.range)) && (findRule(f.code)?.meta.category === 'structure' || input.onChain?.(f)))
      byClass.finding.push({ class: 'finding', code: f.code, message: f.message, ...place(f.file, f.range) });
  for (const e of result.internalErrors) byClass.internal.push({ class: 'internal', code: e.code, message: e.message.split('\n')[0] });
  for (const p of input.baseline?.problems ?? []) byClass.input.push({ class: 'input', ...p, message: `baseline: ${p.message}` });
  for (const u of input.baseline?.unused ?? []) byClass.baseline.push({ class: 'baseline', file: u.file, message: `baseline entry no longer occurs (spdf baseline --prune removes it): ${u.message}` });

  const allowed: OffenderClass[] = [
    ...(opts.allowLoadErrors ? (['load', 'input'] as const) : []),
    ...(opts.allowUnknownIds ? (['unknown-id'] as const) : []),
    ...(opts.allowErrors ? (['finding'] as const) : []),
    ...(opts.allowUnprunedBaseline ? (['baseline'] as const) : []),
  ];
  const c = matrix.coverage;
  const okOrJustified = c.byStatus.OK + c.byStatus.JUSTIFIED;
  const reasons: string[] = [];
  const blocking = (k: OffenderClass) => !allowed.includes(k) && byClass[k].length > 0;
  if (blocking('load')) reasons.push(`${plural(byClass.load.length, 'load problem')} in model or config files`);
  if (blocking('input')) reasons.push(`${plural(byClass.input.length, 'input problem')} (review lock, source files and tags, test results)`);
  if (blocking('unknown-id')) reasons.push(`${plural(byClass['unknown-id'].length, 'code tag')} naming unknown IDs`);
  if (blocking('internal')) reasons.push(`${plural(byClass.internal.length, 'rule')} crashed (internal error)`);
  if (blocking('finding')) reasons.push(`${plural(byClass.finding.length, 'error-level finding')} on the traced chain`);
  if (blocking('baseline')) reasons.push(`${plural(byClass.baseline.length, 'baseline entry', 'baseline entries')} no longer occurring`);
  if (byClass.status.length) reasons.push(`${plural(byClass.status.length, 'item')} ${failOn.join('/')}`);
  if (c.total === 0) reasons.push('no requirements in scope');
  else if (c.percent === undefined || c.percent + 1e-9 < opts.minCoverage) reasons.push(`coverage below ${opts.minCoverage}%`);

  const order: OffenderClass[] = ['load', 'input', 'unknown-id', 'internal', 'status', 'finding', 'baseline'];
  const offenders = [...order.filter((k) => !allowed.includes(k)), ...order.filter((k) => allowed.includes(k))].flatMap((k) => byClass[k]);
  return {
    version: GATE_FORMAT_VERSION,
    pass: reasons.length === 0,
    reasons,
    coverage: { total: c.total, byStatus: c.byStatus, percent: c.percent ?? null, minimum: opts.minCoverage, okOrJustified },
    failOnStatus: failOn,
    allowed,
    codeChecked: !!input.code,
    offenders,
    ...(input.baseline ? { baseline: { file: input.baseline.file, baselined: accepted.size } } : {}),
  };
}

/** One offender as a line of human output. */
export function offenderLine(o: GateOffender): string {
  switch (o.class) {
    case 'load':
      return `${o.file}:${o.line}:${o.column}: ${o.code} ${o.message}`;
    case 'input':
      return `${o.file ? `${o.file}:${o.line}:${o.column}: ` : ''}input problem: ${o.message}`;
    case 'unknown-id':
      return `${o.file}:${o.line}:${o.column}: CL001 ${o.message}`;
    case 'status':
      return `${o.file}:${o.line}: ${o.status} ${o.kind} ${o.id}${o.why ? `: ${o.why}` : ''}`;
    case 'finding':
      return `${o.file}:${o.line}:${o.column}: ${o.code} ${o.message}`;
    case 'baseline':
      return `${o.file}: ${o.message}`;
    default:
      return `internal error in rule ${o.code}: ${o.message}`;
  }
}
