// @spdf implements SPDF-LSP-EDIT
import { buildGraph } from '../core/model/build-graph';
import { effectiveSeverity, finishLint, runRules, runs, SUPPRESSION_RULE, type LintResult, type RuleRun } from '../core/rules/engine';
import type { Rule, RuleInputs } from '../core/rules/types';
import type { Finding } from '../core/types';
import type { GraphUnit } from './graph-assembly';
import { RuleReuse } from './rule-reuse';

interface UnitRun {
  unit: GraphUnit;
  raw: Map<string, Finding[]>;
  internalErrors: LintResult['internalErrors'];
}

/**
 * The model rules after an edit: the file-scoped ones (`meta.scope`, proven by test/rules/rule-scope.test.ts) re-run
 * only on the units (model files, and the rest) that changed, the others on the whole graph; suppressions (TM010
 * included) are applied over all of them at once, so the result equals `lint` of the whole graph with the same rules.
 */
export class ModelLint {
  private readonly units = new Map<string, UnitRun>();
  /** The inputs besides the graph that file-scoped rules read: when one changes, every unit re-runs. */
  private context?: Pick<RuleInputs, 'config' | 'allFiles' | 'unusableEvidence'>;
  /** The other rules' findings, kept after an edit that changed nothing they read (`meta.reads`). */
  private readonly reuse = new RuleReuse();

  clear(): void {
    this.units.clear();
    this.context = undefined;
    this.reuse.clear();
  }

  run(inputs: RuleInputs, units: readonly GraphUnit[], rules: readonly Rule[]): LintResult {
    const fileRules = rules.filter((r) => r.meta.scope === 'file');
    const wholeRules = rules.filter((r) => r.meta.scope !== 'file');
    if (this.context?.config !== inputs.config || this.context.allFiles !== inputs.allFiles || this.context.unusableEvidence !== inputs.unusableEvidence) this.units.clear();
    this.context = { config: inputs.config, allFiles: inputs.allFiles, unusableEvidence: inputs.unusableEvidence };
    const kept = units.map((unit) => {
      const before = this.units.get(unit.key);
      return before && sameUnit(before.unit, unit) ? before : undefined;
    });
    const misses = kept.filter((k) => !k).length;
    // Most units changed (the first check, a new config): one run on the whole graph, its findings cut by unit.
    const current = misses > 1 && misses * 2 > units.length ? splitByUnit(runRules(inputs, fileRules), units) : undefined;
    const result: UnitRun[] =
      current ??
      units.map((unit, i) => {
        const before = kept[i];
        if (before) return before;
        const { raw, internalErrors } = runRules({ ...inputs, graph: buildGraph([...unit.loaded], [...unit.problems]) }, fileRules);
        return { unit, raw, internalErrors };
      });
    this.units.clear();
    for (const u of result) if (!u.internalErrors.length) this.units.set(u.unit.key, u);

    // These rules never read the code index (`meta.needs`, test-proven): it is not among the inputs compared.
    const whole = runRules(inputs, wholeRules, this.reuse.store(inputs.graph, [inputs.config, inputs.allFiles, inputs.unusableEvidence, inputs.lock, inputs.testResults, inputs.fileDates]));
    const raw: Finding[] = [];
    const ran = new Set(whole.ran);
    const internalErrors: LintResult['internalErrors'] = [];
    for (const rule of rules) {
      const code = rule.meta.code;
      if (rule.meta.scope !== 'file') {
        raw.push(...(whole.raw.get(code) ?? []));
        internalErrors.push(...whole.internalErrors.filter((e) => e.code === code));
        continue;
      }
      if (code === SUPPRESSION_RULE || effectiveSeverity(rule, inputs) === 'off' || !runs(rule, inputs)) continue;
      ran.add(code);
      for (const u of result) raw.push(...(u.raw.get(code) ?? []));
      const crash = result.flatMap((u) => u.internalErrors).find((e) => e.code === code);
      if (crash) internalErrors.push(crash);
    }
    return finishLint(inputs, rules, raw, ran, internalErrors, []);
  }
}

/** A run of the file-scoped rules on the whole graph, cut into the runs of each unit (their findings are the same, in the same order). */
function splitByUnit(run: RuleRun, units: readonly GraphUnit[]): UnitRun[] {
  const rest = units.findIndex((u) => u.key === '');
  const index = new Map(units.map((u, i) => [u.key, i]));
  const runs: UnitRun[] = units.map((unit) => ({ unit, raw: new Map(), internalErrors: run.internalErrors }));
  for (const [code, findings] of run.raw) {
    for (const r of runs) r.raw.set(code, []);
    for (const f of findings) runs[index.get(f.file) ?? rest].raw.get(code)!.push(f);
  }
  return runs;
}

/** The same unit: the same loaded files and problems (loads are replaced, never mutated, when a file changes). */
function sameUnit(a: GraphUnit, b: GraphUnit): boolean {
  return a.loaded.length === b.loaded.length && a.problems.length === b.problems.length && a.loaded.every((l, i) => l === b.loaded[i]) && a.problems.every((p, i) => p === b.problems[i]);
}
