// @spdf implements SPDF-ENG-003
import { codeInModelFiles, finishLint, runRules, type LintOptions, type LintResult } from '../core/rules/engine';
import { RULES } from '../core/rules/registry';
import type { RuleInputs } from '../core/rules/types';
import type { Host } from '../core/host';
import type { CodeFileIndex } from '../core/codelinks/model';
import type { Suppression } from '../core/model/graph';
import { suppressionsInText } from '../core/model/suppressions';

/**
 * `lint`, with the `spdf-disable-next-line` comments of the source files it reports in applied as the editor applies
 * them. Only a file with a finding is looked at: a suppression elsewhere suppresses nothing. The code index found a
 * file's suppressions in the text it indexed; a file it holds none for (left out, or of a language without a grammar)
 * is read for them (and a file that cannot be read keeps its findings).
 */
export async function lintWithCodeSuppressions(host: Host, inputs: RuleInputs, opts: Omit<LintOptions, 'suppressions'> = {}): Promise<LintResult> {
  const rules = opts.rules ?? RULES;
  const run = runRules(inputs, rules, opts.outcomes, opts.modelFilesOnly && !codeInModelFiles(inputs));
  const raw = [...run.raw.values()].flat();
  const sourceFiles = [...new Set(raw.map((f) => f.file))].filter((file) => !inputs.graph.fileByPath.has(file)).sort();
  const indexed = indexesByFile(inputs, sourceFiles);
  const suppressions = (await Promise.all(sourceFiles.map(async (file) => indexed.get(file)?.suppressions ?? (await suppressionsIn(host, file))))).flat();
  return finishLint(inputs, rules, raw, run.ran, run.internalErrors, suppressions);
}

/** The code index's record of each of `files` it holds (most findings are in files without one: no map of every index). */
function indexesByFile(inputs: RuleInputs, files: readonly string[]): Map<string, CodeFileIndex> {
  const out = new Map<string, CodeFileIndex>();
  if (files.length === 0) return out;
  const wanted = new Set(files);
  for (const index of inputs.code?.files ?? []) if (wanted.has(index.file)) out.set(index.file, index);
  return out;
}

async function suppressionsIn(host: Host, file: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await host.readFile(file));
  } catch {
    return [];
  }
  return suppressionsInText(file, text);
}
