// @spdf implements SPDF-CMD-FIX, SPDF-CMD-LINT, SPDF-BASE-002, SPDF-FC-REPORTS
import { CONFIG_FILE } from '../../core/model/config';
import { crashedRuleProblem } from '../../core/matrix/build';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../core/fixes/apply';
import { fixBlockers } from '../../core/fixes/blockers';
import { placeholder } from '../../core/fixes/placeholder';
import { effectiveSeverity, lint } from '../../core/rules/engine';
import { findRule } from '../../core/rules/registry';
import { decodeUtf8 } from '../../core/text';
import { compareFindings, type Finding, type TextEdit } from '../../core/types';
import { writeFileAtomic } from '../../node/atomic-write';
import { checkPath, toWorkspacePath, type NodeCheck } from '../../node/workspace';
import { entryLine } from '../../core/baseline/match';
import { baselineProblemLine } from '../../node/baseline-file';
import { useBaseline, type BaselineFlagValues, type BaselineUse } from '../baseline-flags';
import { printHuman } from '../format';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Out } from '../io';
import { checkFormat } from '../parse-command';
import { LINT_FORMATS, LINT_FORMATTERS } from '../lint-formats';
import { assertOneRoot, assertPathsExist, assertPathsHoldFiles, namedModelFiles } from '../named-files';
import { visible } from '../visible';
import { unscannedProblem } from '../../core/codelinks/unscanned-files';
import { problemLine } from '../../core/problem-line';
import { UNSCANNED_KINDS } from '../../node/codeindex/index-notes';

export interface LintArgs {
  paths: string[];
  format: string;
  maxWarnings?: number;
  fix: boolean;
  quiet: boolean;
  untrusted: boolean;
  /** Index source code for code links (default true). */
  code?: boolean;
  /** Reuse the caches of the model and the code index (default true; never with untrusted). */
  cache?: boolean;
  /** Folder of those caches instead of the user cache folder. */
  cacheLocation?: string;
  /** --baseline FILE, --no-baseline, --pass-on-unpruned-baseline. */
  baseline?: BaselineFlagValues;
}

export async function lintCommand(o: Out, args: LintArgs): Promise<number> {
  checkFormat(args.format, LINT_FORMATS);
  assertPathsExist(args.paths);
  assertOneRoot(args.paths);
  const start = args.paths[0] ?? '.';
  const checkOpts = { trusted: !args.untrusted, code: args.code, cache: args.cache, cacheLocation: args.cacheLocation };
  let check = await checkPath(start, checkOpts);
  const named = namedModelFiles(check.root, args.paths, check.workspace.config.include);
  assertPathsHoldFiles(check.root, args.paths, check.workspace.allFiles, named);
  const scope = narrowTo(check.root, args.paths);
  let fixFailed = false;
  if (args.fix) ({ check, failed: fixFailed } = await fixAll(o, check, scope, args));
  check = withOutsideModel(check, named);
  // A model or source file the walk could not read was not checked: an error, as TM009 is for a file it could not decode.
  // A review lock not read leaves CL006 (suspect links) without its input: an error too, as in spdf check.
  // Test results not read (a file that does not parse, a glob that matches nothing, a sub-project's config above them,
  // TM014) leave VT001 and VT005 without the failing cases they look for: an error, as in spdf check.
  const unread = new Set([...check.unread, ...check.lockProblems, ...testResultProblems(check), ...(check.inputs.historyProblem?.gates ? [check.inputs.historyProblem.message] : [])]);
  // A source file the code index could not scan may hold tags nobody checked: an error, as in spdf check and the editor.
  const unscanned = (check.inputs.code?.notes ?? [])
    .filter((n) => UNSCANNED_KINDS.has(n.kind))
    .map(unscannedProblem)
    .filter((p) => scope(p.file));
  const unscannedFiles = new Set(unscanned.map((p) => p.file));
  for (const n of check.notes) if (args.format === 'human' && !unscannedFiles.has(n.path) && !check.unread.some((u) => u.startsWith(`${n.path}: `))) o.err(`note: ${n.path}: ${n.reason}`);
  for (const p of unscanned) o.err(`error: ${problemLine(p)}`);
  for (const p of check.problems) o.err(`${unread.has(p) ? 'error' : 'warning'}: ${p}`);
  for (const e of check.result.internalErrors) o.err(`internal error in rule ${e.code}: ${e.message}`);
  const base = await useBaseline(check, args.baseline ?? {});
  for (const p of base?.problems ?? []) o.err(`error: baseline ${baselineProblemLine(p)}; no finding is baselined`);
  let shown = (base?.match ? [...base.match.fresh].sort(compareFindings) : check.result.findings).filter((f) => scope(f.file));
  if (args.quiet) shown = shown.filter((f) => f.severity === 'error');
  const unused = (base?.match?.unused ?? []).filter((u) => scope(u.entry.file));
  const render = LINT_FORMATTERS[args.format];
  const inputErrors = [...unread, ...unscanned.map(problemLine), ...check.result.internalErrors.map(crashedRuleProblem)];
  // Placed for formats that hold only placed issues: an input without a place of its own is shown on the config (its globs choose what is read).
  const inputPlaces = [
    ...unscanned.map((p) => ({ file: p.file, line: p.range.start.line + 1, message: p.message })),
    ...[...unread, ...check.result.internalErrors.map(crashedRuleProblem)].map((message) => ({ file: CONFIG_FILE, line: 1, message })),
  ];
  // Suppressed findings are listed for every file in the paths, not only for files with a finding shown.
  const scoped = { ...check, result: { ...check.result, suppressed: check.result.suppressed.filter((s) => scope(s.file)) } };
  if (render) o.out(render(scoped, shown, { inputErrors, inputPlaces, ...(base ? { baseline: baselineJson(base, scope) } : {}) }));
  else {
    if (shown.length > 0 || unscanned.length === 0) printHuman(o, check.root, shown);
    else o.out(`no finding, but ${unscanned.length} source file${unscanned.length === 1 ? ' was' : 's were'} not scanned for tags (above)`);
    if (base?.match) printBaseline(o, base, unused, scope);
  }
  const errors = shown.filter((f) => f.severity === 'error').length;
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    if (args.format === 'human') o.out(`too many warnings (${warnings}); maximum allowed is ${args.maxWarnings}`);
    return EXIT_FINDINGS;
  }
  if (check.result.internalErrors.length || fixFailed || base?.problems.length) return EXIT_USAGE;
  return errors > 0 || unread.size > 0 || unscanned.length > 0 || (unused.length > 0 && base?.failOnUnused) ? EXIT_FINDINGS : EXIT_OK;
}

function printBaseline(o: Out, base: BaselineUse, unused: NonNullable<BaselineUse['match']>['unused'], scope: (file: string) => boolean): void {
  const n = base.match!.baselined.filter((f) => scope(f.file)).length;
  o.out(`baseline ${base.file}: ${n} finding${n === 1 ? '' : 's'} baselined, not shown`);
  if (!unused.length) return;
  o.out(`${unused.length} baseline entr${unused.length === 1 ? 'y no longer occurs' : 'ies no longer occur'} (spdf baseline --prune removes ${unused.length === 1 ? 'it' : 'them'}):`);
  for (const u of unused) o.out(visible(`  ${entryLine(u.entry, u.now)}`));
}

function baselineJson(base: BaselineUse, scope: (file: string) => boolean) {
  return {
    file: base.file,
    problems: base.problems,
    baselined: base.match?.baselined.filter((f) => scope(f.file)).length ?? 0,
    unused: (base.match?.unused ?? []).filter((u) => scope(u.entry.file)).map((u) => ({ ...u.entry, now: u.now })),
  };
}

const testResultProblems = (check: NodeCheck) => (check.inputs.testResults?.problems ?? []).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

/** Adds TM012 findings for named files that are not part of the model (they were not checked). */
function withOutsideModel(check: NodeCheck, named: string[]): NodeCheck {
  if (named.length === 0) return check;
  const inputs = { ...check.ruleInputs, explicitFiles: named };
  const extra = lint(inputs, { rules: [findRule('TM012')!] });
  if (extra.findings.length === 0 && extra.internalErrors.length === 0) return check;
  const findings = [...check.result.findings, ...extra.findings].sort(compareFindings);
  return { ...check, result: { ...check.result, findings, internalErrors: [...check.result.internalErrors, ...extra.internalErrors] } };
}

/** Paths narrow what is reported, never what is loaded: references resolve against the whole workspace. */
function narrowTo(root: string, paths: string[]): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((p) => toWorkspacePath(root, p));
  if (prefixes.some((p) => p === undefined)) throw new UsageError(`every path must lie inside the workspace root ${root}`);
  if (prefixes.some((p) => p === '')) return () => true;
  return (file) => prefixes.some((p) => file === p || file.startsWith(`${p}/`));
}

const MAX_FIX_PASSES = 5;

/**
 * Applies fixes of fixable rules, re-linting between passes, and lists every change. Refuses while any part of
 * the model failed to load, and never writes a file whose text differs from the text the fixes were computed
 * from; either makes the run fail (`failed`).
 */
async function fixAll(o: Out, check: NodeCheck, scope: (f: string) => boolean, args: LintArgs): Promise<{ check: NodeCheck; failed: boolean }> {
  const log = (line: string) => (args.format === 'human' ? o.out(line) : o.err(line));
  let failed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES && !failed; pass++) {
    let fixable = check.result.findings.filter((f) => f.fix && scope(f.file) && findRule(f.code)?.meta.fixable);
    if (!placeholdersVisible(check)) {
      // A placeholder nobody is told about would turn the finding green; the finding stays as it is.
      for (const f of fixable.filter(leavesPlaceholder))
        log(`not fixed ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.code}  the fix leaves a TODO placeholder and TM011 placeholder-value is off`);
      fixable = fixable.filter((f) => !leavesPlaceholder(f));
    }
    if (fixable.length === 0) break;
    const blockers = fixBlockers(check.workspace.graph);
    if (blockers.length) {
      const done = pass === 0 ? 'Nothing was changed' : 'The changes listed above were made; no further fix was applied';
      o.err(`error: --fix refused: part of the model could not be read or understood, and fixes computed without it could damage the model. ${done}. Repair these first:`);
      for (const p of blockers) o.err(`  ${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${p.code}  ${p.message}`);
      return { check, failed: true };
    }
    const byFile = new Map<string, TextEdit[]>();
    for (const f of fixable) for (const e of f.fix!.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    let changed = 0;
    for (const [file, edits] of byFile) {
      const base = check.workspace.graph.fileByPath.get(file)?.source.text;
      const outcome = base === undefined ? 'not a loaded model file' : await fixFile(join(check.root, file), base, edits, check.root);
      if (typeof outcome === 'string') {
        o.err(`error: ${file}: ${outcome}; not fixed`);
        failed = true;
        continue;
      }
      const { applied } = outcome;
      changed += applied.length;
      for (const f of fixable.filter((x) => x.fix!.edits.some((e) => applied.includes(e))))
        log(visible(`fixed ${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.code}  ${f.fix!.description}`));
    }
    if (changed === 0) break;
    check = await checkPath(check.root, { trusted: !args.untrusted, code: args.code, cache: args.cache, cacheLocation: args.cacheLocation });
  }
  return { check, failed };
}

const placeholdersVisible = (check: NodeCheck) => effectiveSeverity(findRule('TM011')!, check.workspace) !== 'off';
const leavesPlaceholder = (f: Finding) => f.fix!.edits.some((e) => e.newText.includes(placeholder(f.code)));

/**
 * Applies edits to one file only if its text is still `base`, the text they were computed from (an editor or
 * another tool may have changed it meanwhile: the edits' offsets would land in the wrong place).
 */
export async function fixFile(abs: string, base: string, edits: TextEdit[], root?: string): Promise<{ applied: TextEdit[] } | 'changed since it was read'> {
  const now = await readText(abs);
  if (now?.text !== base) return 'changed since it was read';
  const { text, applied } = applyEdits(base, edits);
  if (text !== base) await writeFileAtomic(abs, now.bom + text, { inside: root });
  return { applied: text === base ? [] : applied };
}

/** A file's text as the loader decodes it (a byte order mark is kept apart), or undefined when unreadable. */
async function readText(abs: string): Promise<{ text: string; bom: string } | undefined> {
  try {
    const bytes = await fs.readFile(abs);
    const decoded = decodeUtf8(bytes);
    if ('error' in decoded) return undefined;
    return { text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '' };
  } catch {
    return undefined;
  }
}
