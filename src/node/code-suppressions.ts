// @spdf implements SPDF-ENG-003
import { codeInModelFiles, finishLint, runRules, type LintOptions, type LintResult } from '../core/rules/engine';
import { RULES } from '../core/rules/registry';
import type { RuleInputs } from '../core/rules/types';
import type { Host } from '../core/host';
import type { Suppression } from '../core/model/graph';
import { scanSuppressions } from '../core/model/suppressions';
import { SourceText } from '../core/text';

/**
 * `lint`, with the `spdf-disable-next-line` comments of the source files it reports in applied as the editor applies
 * them. Only a file with a finding is read for them: a suppression elsewhere suppresses nothing (and a file that
 * cannot be read keeps its findings).
 */
export async function lintWithCodeSuppressions(host: Host, inputs: RuleInputs, opts: Omit<LintOptions, 'suppressions'> = {}): Promise<LintResult> {
  const rules = opts.rules ?? RULES;
  const run = runRules(inputs, rules, opts.outcomes, opts.modelFilesOnly && !codeInModelFiles(inputs));
  const raw = [...run.raw.values()].flat();
  const sourceFiles = [...new Set(raw.map((f) => f.file))].filter((file) => !inputs.graph.fileByPath.has(file)).sort();
  const suppressions = (await Promise.all(sourceFiles.map((file) => suppressionsIn(host, file)))).flat();
  return finishLint(inputs, rules, raw, run.ran, run.internalErrors, suppressions);
}

async function suppressionsIn(host: Host, file: string): Promise<Suppression[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await host.readFile(file));
  } catch {
    return [];
  }
  return text.includes('spdf-disable-next-line') ? scanSuppressions(new SourceText(file, text)) : [];
}
