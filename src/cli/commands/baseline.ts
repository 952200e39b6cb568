// @spdf implements SPDF-BASE-001, SPDF-BASE-002
import { fingerprintKey, BASELINE_FILE, NEVER_BASELINED, type Baseline } from '../../core/baseline/format';
import { createBaseline, entryLine, pruneBaseline } from '../../core/baseline/match';
import { applyBaseline, baselineDisplay, baselinePathOf, baselineProblemLine, fingerprinter, readBaselineFile, writeBaselineFile } from '../../node/baseline-file';
import { checkPath, type NodeCheck } from '../../node/workspace';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Out } from '../io';
import { parseCommand } from '../parse-command';
import { visible } from '../visible';
import { checkPathOptions, WORKSPACE_FLAGS_WITH_CODE, WORKSPACE_FLAGS_WITH_CODE_USAGE } from '../workspace-flags';
import { join } from 'node:path';

const USAGE = `usage: spdf baseline [dir] [options]
Writes every current finding of the workspace that holds dir into the baseline (sorted, one entry per line,
fingerprints without line numbers), so spdf lint and spdf check report only findings added since.
Findings that mean an input was not read (${[...NEVER_BASELINED].join(', ')}) are never baselined.
  -o, --output FILE     the baseline file (default: baseline of spdf.config.yaml, else ${BASELINE_FILE} at the root)
  --prune               only remove entries that no longer occur and lower counts; add nothing
  ${WORKSPACE_FLAGS_WITH_CODE_USAGE}
exit codes: 0 written, 1 written but some findings could not be baselined, 2 usage, unreadable baseline or internal error.`;

export async function baselineCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { output: { type: 'string', short: 'o' }, prune: { type: 'boolean', default: false }, ...WORKSPACE_FLAGS_WITH_CODE }, 1);
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const check = await checkPath(positionals[0] ?? '.', checkPathOptions(values));
  const abs = baselinePathOf(check.root, check.workspace.config, values.output) ?? join(check.root, BASELINE_FILE);
  const file = baselineDisplay(check.root, abs);
  for (const e of check.result.internalErrors) o.err(`internal error in rule ${e.code}: ${e.message}`);
  if (check.result.internalErrors.length) return (o.err(`error: ${file} not written: a rule crashed, so its findings are unknown`), EXIT_USAGE);
  return values.prune ? prune(o, check, abs, file) : write(o, check, abs, file);
}

async function write(o: Out, check: NodeCheck, abs: string, file: string): Promise<number> {
  const fp = fingerprinter({ graph: check.workspace.graph, ruleInputs: check.ruleInputs });
  const { baseline, refused } = createBaseline(check.result.findings, (f) => fp.of(f));
  const previous = await readBaselineFile(check.root, abs);
  await writeBaselineFile(check.root, abs, baseline);
  const count = baseline.entries.reduce((n, e) => n + e.count, 0);
  o.out(
    `wrote ${file}: ${baseline.entries.length} entr${baseline.entries.length === 1 ? 'y' : 'ies'} for ${count} finding${count === 1 ? '' : 's'}${previous.baseline ? ` (${changes(previous.baseline, baseline)})` : ''}`,
  );
  if (check.workspace.config.baseline === undefined)
    o.out(`spdf lint and spdf check use it with --baseline ${file}; add 'baseline: ${file}' to spdf.config.yaml for them and the editor to use it by default`);
  if (!refused.length) return EXIT_OK;
  o.err(
    `error: ${refused.length} finding${refused.length === 1 ? '' : 's'} not baselined: ${refused.length === 1 ? 'it means' : 'they mean'} an input was not read or understood; fix ${refused.length === 1 ? 'it' : 'them'}:`,
  );
  for (const f of refused) o.err(visible(`  ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.code}  ${f.message}`));
  return EXIT_FINDINGS;
}

/** `+A -R` entries against the previous baseline (a count change is one removed and one added). */
function changes(before: Baseline, after: Baseline): string {
  const key = (e: Baseline['entries'][number]) => `${fingerprintKey(e)}\n${e.count}`;
  const was = new Set(before.entries.map(key));
  const now = new Set(after.entries.map(key));
  const added = after.entries.filter((e) => !was.has(key(e))).length;
  const removed = before.entries.filter((e) => !now.has(key(e))).length;
  return `${added} added, ${removed} removed since the previous baseline`;
}

async function prune(o: Out, check: NodeCheck, abs: string, file: string): Promise<number> {
  const { baseline, problems } = await readBaselineFile(check.root, abs);
  for (const p of problems) o.err(`error: baseline ${baselineProblemLine(p)}`);
  if (!baseline) return EXIT_USAGE;
  const match = applyBaseline({ graph: check.workspace.graph, ruleInputs: check.ruleInputs, findings: check.result.findings }, baseline);
  if (!match.unused.length) return (o.out(`${file}: nothing to prune`), EXIT_OK);
  await writeBaselineFile(check.root, abs, pruneBaseline(baseline, match));
  o.out(`pruned ${file}: ${match.unused.length} entr${match.unused.length === 1 ? 'y' : 'ies'} removed or lowered:`);
  for (const u of match.unused) o.out(visible(`  ${entryLine(u.entry, u.now)}`));
  return EXIT_OK;
}
