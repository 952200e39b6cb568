// @spdf implements SPDF-FC-NEAR-MISS
import { pathMatcher } from '../path-glob';
import { CONFIG_FILE } from './config-file';
import type { ResolvedConfig } from './config-def';
import type { LoadProblem } from './graph';

/** `.spdf.yaml` spelt otherwise in a file's name: letter case, `.yml`, white space, or a suffix after it (`.txt`, `.bak`, `~`). */
const MODEL_LIKE = /\.\s*spdf\s*\.\s*ya?ml[^/]*$/i;
/** A root file named like the config: `spdf.config.yml`, `.spdf.config.yaml`, `SPDF.Config.yaml`, `spdf-config.yaml` ... */
const CONFIG_LIKE = /^\s*\.?\s*spdf\s*[-_.]?\s*config/i;

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Files named like a model file or the config but spelt otherwise, which no `include` glob reads and no `exclude`
 * leaves out (TM013, at 1:1 of each): their items or settings would silently be absent and the gate pass without
 * them. One regular-expression test per listed file; the globs are compiled only when a name is near.
 */
export function nearMissProblems(files: readonly string[], config: Pick<ResolvedConfig, 'include' | 'exclude'>, alwaysExcluded: readonly string[]): LoadProblem[] {
  let read: ((file: string) => boolean) | undefined;
  const out: LoadProblem[] = [];
  for (const file of files) {
    const model = MODEL_LIKE.test(file) && !file.endsWith('.spdf.yaml');
    const configLike = !model && file !== CONFIG_FILE && !file.includes('/') && CONFIG_LIKE.test(file);
    if (!model && !configLike) continue;
    read ??= readOrLeftOut(config, alwaysExcluded);
    if (read(file)) continue;
    out.push({ code: 'TM013', file, range: AT_START, message: model ? modelMessage(config.include) : configMessage(files.includes(CONFIG_FILE)) });
  }
  return out;
}

/** Whether `include` reads a file or `exclude` leaves it out on purpose. */
function readOrLeftOut(config: Pick<ResolvedConfig, 'include' | 'exclude'>, alwaysExcluded: readonly string[]): (file: string) => boolean {
  const included = pathMatcher([...config.include]);
  const excluded = pathMatcher([...alwaysExcluded, ...config.exclude]);
  return (file) => included(file) || excluded(file);
}

const modelMessage = (include: readonly string[]) =>
  `named like a model file, but no \`include\` glob (${include.map((g) => `'${g}'`).join(', ')}) matches it: its items are not part of the model. Rename it to *.spdf.yaml, add it to \`include\`, or \`exclude\` it`;

const configMessage = (hasConfig: boolean) =>
  `named like the config file, but only ${CONFIG_FILE} at the workspace root is read: its settings do not apply (${hasConfig ? `${CONFIG_FILE}'s do` : 'the defaults do'}). ${hasConfig ? `Move them into ${CONFIG_FILE}` : `Rename it to ${CONFIG_FILE}`}, or \`exclude\` it`;
