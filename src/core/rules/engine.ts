// @spdf implements SPDF-ENG-001, SPDF-ENG-002
import { codeInput } from '../codelinks/rule-input';
import { compareFindings, type Finding, type Severity, type SuppressedFinding } from '../types';
import type { Suppression } from '../model/graph';
import { makeContext } from './context';
import { RULES, findRule } from './registry';
import { effectiveSeverity } from './rule-severity';
import { unknownRuleSettings } from './rule-settings';
import type { Report, Rule, RuleInputs } from './types';

export interface LintResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Rules that crashed: a bug of ours, reported apart so it never hides as a user finding. */
  internalErrors: { code: string; message: string }[];
}

export interface LintOptions {
  rules?: readonly Rule[];
  /** Extra suppressions from non-model files (source code comments). */
  suppressions?: Suppression[];
  /** Findings of rules from an earlier run over the same inputs (a host's cache): asked before a rule runs, told after. */
  outcomes?: RuleOutcomeStore;
  /**
   * Only findings and suppressed findings in model files are read (the trace matrix): rules that report only in
   * source files (`meta.codeScope`) are not run. Findings in model files stay exactly those of a full run.
   */
  modelFilesOnly?: boolean;
}

/** What one rule reported, before suppressions. */
export interface RuleOutcome {
  findings: Finding[];
}

/** A host's store of rule outcomes; it answers only for rules whose inputs it has proven unchanged. */
export interface RuleOutcomeStore {
  get(rule: Rule): RuleOutcome | undefined;
  set(rule: Rule, outcome: RuleOutcome): void;
  /** For a rule with `meta.codeScope` 'file': its findings per source file, for the files whose index entry is unchanged. */
  fileOutcomes?(rule: Rule): ReadonlyMap<string, Finding[]> | undefined;
  /** Told after such a rule ran: its findings in every source file of the index (an empty list for a file without any). */
  setFileOutcomes?(rule: Rule, byFile: ReadonlyMap<string, Finding[]>): void;
}

export { effectiveSeverity };

/** Whether `lint` runs a rule: it is not off and the inputs it needs (code, git dates, test results) are there. */
export function runs(rule: Rule, inputs: RuleInputs): boolean {
  if (effectiveSeverity(rule, inputs) === 'off') return false;
  const required = rule.meta.needs?.filter((n) => !rule.meta.runsWithout?.includes(n));
  return !required?.some((n) => (n === 'code' ? !inputs.code : n === 'git' ? !inputs.fileDates : n === 'test-results' ? !inputs.testResults : false));
}

/** Runs every enabled rule; applies severities and in-place suppressions. Never throws. */
export function lint(inputs: RuleInputs, opts: LintOptions = {}): LintResult {
  const rules = opts.rules ?? RULES;
  const run = runRules(inputs, rules, opts.outcomes, opts.modelFilesOnly && !codeInModelFiles(inputs));
  return finishLint(inputs, rules, [...run.raw.values()].flat(), run.ran, run.internalErrors, opts.suppressions ?? []);
}

/** What the rules reported before suppressions: each rule's findings (in its own order), the rules that ran and those that crashed. */
export interface RuleRun {
  raw: Map<string, Finding[]>;
  ran: Set<string>;
  internalErrors: LintResult['internalErrors'];
}

/** Whether a model file is in the code index too: a code-scoped rule could then report in it. */
export function codeInModelFiles(inputs: RuleInputs): boolean {
  return !!inputs.code?.files.some((f) => inputs.graph.fileByPath.has(f.file));
}

/**
 * Runs the enabled rules of `rules` (TM010 excepted: suppressions are applied over every rule's findings by `finishLint`); `outcomes` answers for rules whose inputs it proved unchanged.
 * `skipCodeScoped`: rules with `meta.codeScope` are counted as run but not run. They report only in source files
 * (test/rules/rule-code-scope.test.ts), so a suppression of theirs in a model file is unused either way (TM010).
 */
export function runRules(inputs: RuleInputs, rules: readonly Rule[], outcomes?: RuleOutcomeStore, skipCodeScoped = false): RuleRun {
  const raw = new Map<string, Finding[]>();
  const internalErrors: LintResult['internalErrors'] = [];
  const shared = new Map<string, unknown>();
  const ran = new Set<string>();
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, inputs);
    if (severity === 'off' || rule.meta.code === SUPPRESSION_RULE || !runs(rule, inputs)) continue;
    ran.add(rule.meta.code);
    if (skipCodeScoped && rule.meta.codeScope === 'file') continue;
    const known = outcomes?.get(rule);
    if (known) {
      raw.set(rule.meta.code, known.findings);
      continue;
    }
    const perFile = outcomes && rule.meta.codeScope === 'file' ? runPerFile(rule, inputs, severity, outcomes, shared) : undefined;
    if (perFile) {
      raw.set(rule.meta.code, perFile);
      continue;
    }
    const { findings, error } = checkRule(rule, inputs, severity, shared);
    raw.set(rule.meta.code, findings);
    if (error === undefined) outcomes?.set(rule, { findings });
    else internalErrors.push({ code: rule.meta.code, message: error });
  }
  return { raw, ran, internalErrors };
}

/** One rule's findings in its own order (those reported before a crash, with the crash). */
function checkRule(rule: Rule, inputs: RuleInputs, severity: Severity, shared: Map<string, unknown>): { findings: Finding[]; error?: string } {
  const findings: Finding[] = [];
  const code = rule.meta.code;
  const report = (r: Report) => {
    if (!('severityOf' in r) && !('atMost' in r)) return findings.push({ code, severity, ...r });
    const { severityOf, atMost, ...rest } = r;
    const s = severityOf ? atLeast(severity, severityOf, inputs) : severity;
    return findings.push({ code, severity: atMost && RANK[atMost] < RANK[s] ? atMost : s, ...rest });
  };
  try {
    rule.check(makeContext(inputs, report, shared));
    return { findings };
  } catch (e) {
    return { findings, error: (e as Error)?.stack ?? String(e) };
  }
}

/**
 * A code-scoped rule run on the source files the store has no findings for, joined with the stored findings of the
 * others in index order (the order of a whole run, as `meta.codeScope` promises). Undefined when the store keeps no
 * per-file findings, or when the partial run crashed or reported outside its files: the rule then runs on everything.
 */
function runPerFile(rule: Rule, inputs: RuleInputs, severity: Severity, outcomes: RuleOutcomeStore, shared: Map<string, unknown>): Finding[] | undefined {
  const code = codeInput(inputs.code);
  const stored = code && outcomes.fileOutcomes?.(rule);
  if (!code || !stored) return undefined;
  const missing = code.files.filter((f) => !stored.has(f.file));
  const byFile = new Map<string, Finding[]>(missing.map((f) => [f.file, []]));
  if (missing.length) {
    // With nothing stored the rule runs as without a store, sharing the run's analyses (all tags, all links).
    const everyFile = missing.length === code.files.length;
    const fresh = everyFile ? checkRule(rule, inputs, severity, shared) : checkRule(rule, { ...inputs, code: { files: missing } }, severity, new Map());
    if (fresh.error !== undefined) return undefined;
    for (const f of fresh.findings) {
      const list = byFile.get(f.file);
      if (!list) return undefined;
      list.push(f);
    }
  }
  const all = new Map<string, Finding[]>();
  for (const f of code.files) all.set(f.file, stored.get(f.file) ?? byFile.get(f.file) ?? []);
  outcomes.setFileOutcomes?.(rule, all);
  return [...all.values()].flat();
}

/** Unknown rule settings (TM008), then suppressions (TM010) over the raw findings of the rules that ran, sorted. */
export function finishLint(inputs: RuleInputs, rules: readonly Rule[], raw: Finding[], ran: Set<string>, internalErrors: LintResult['internalErrors'], extraSuppressions: Suppression[]): LintResult {
  const schema = rules.find((r) => r.meta.code === 'TM008');
  const schemaSeverity = schema ? effectiveSeverity(schema, inputs) : 'off';
  if (schemaSeverity !== 'off') raw.push(...unknownRuleSettings(inputs.config, schemaSeverity));
  const suppressions = [...inputs.graph.files.flatMap((f) => f.suppressions), ...extraSuppressions];
  const { findings, suppressed } = applySuppressions(raw, suppressions, inputs, rules, ran);
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  return { findings, suppressed, internalErrors };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `own`, raised to the effective severity of rule `code` when that one is higher (an `off` rule raises nothing). */
function atLeast(own: Severity, code: string, inputs: RuleInputs): Severity {
  const other = findRule(code);
  const s = other ? effectiveSeverity(other, inputs) : 'off';
  return s !== 'off' && RANK[s] > RANK[own] ? s : own;
}

export const SUPPRESSION_RULE = 'TM010';

function applySuppressions(raw: Finding[], sups: Suppression[], inputs: RuleInputs, rules: readonly Rule[], ran: Set<string>) {
  const byLine = new Map<string, Suppression[]>();
  for (const s of sups) {
    const k = `${s.file}\n${s.targetLine}`;
    const l = byLine.get(k);
    if (l) l.push(s);
    else byLine.set(k, [s]);
  }
  const used = new Set<string>();
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const inFiles = new Set(sups.map((s) => s.file));
  for (const f of raw) {
    // Most findings are in files without suppressions: no key string for them (tens of thousands per model edit).
    const candidates = inFiles.has(f.file) ? (byLine.get(`${f.file}\n${f.range.start.line}`) ?? []) : [];
    const s = candidates.find((c) => c.justification && c.codes.some((code) => findRule(code)?.meta.code === f.code));
    if (!s) {
      findings.push(f);
      continue;
    }
    used.add(`${s.file}\n${s.line}\n${f.code}`);
    suppressed.push({ ...f, justification: s.justification, suppressionFile: s.file, suppressionLine: s.line });
  }
  const supRule = rules.find((r) => r.meta.code === SUPPRESSION_RULE);
  const severity = supRule ? effectiveSeverity(supRule, inputs) : 'off';
  if (supRule && severity !== 'off') {
    for (const s of sups) {
      const base = { code: SUPPRESSION_RULE, severity, file: s.file, range: s.range };
      if (!s.justification) findings.push({ ...base, message: 'suppression without a justification: write `-- reason` after the codes (auditors read it)' });
      else if (s.codes.length === 0) findings.push({ ...base, message: 'suppression names no rule code' });
      for (const code of s.codes) {
        const rule = findRule(code);
        if (!rule) findings.push({ ...base, message: `suppression names unknown rule '${code}'` });
        else if (s.justification && ran.has(rule.meta.code) && !used.has(`${s.file}\n${s.line}\n${rule.meta.code}`))
          findings.push({ ...base, message: `unused suppression: ${rule.meta.code} reports nothing on the next line` });
      }
    }
  }
  return { findings, suppressed };
}
