// @spdf implements SPDF-BASE-002, SPDF-BASE-003
/** Reads, applies and writes the baseline file for the Node hosts (`spdf lint`, `spdf check`, `spdf baseline`, the server). */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Fingerprinter } from '../core/baseline/fingerprint';
import { parseBaseline, serialiseBaseline, type Baseline, type BaselineEntry } from '../core/baseline/format';
import { matchBaseline, type BaselineMatch } from '../core/baseline/match';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph } from '../core/model/graph';
import { runs } from '../core/rules/engine';
import { findRule } from '../core/rules/registry';
import type { RuleInputs } from '../core/rules/types';
import type { Finding } from '../core/types';
import { writeFileAtomic } from './atomic-write';
import { refuseLinkOutside } from './path-inside';
import { readRegularFile } from './regular-file';
import { toPosix } from './fs-host';

/** A problem of the baseline file: where (1-based, as the CLI prints) and what. */
export interface BaselineFileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const baselineProblemLine = (p: BaselineFileProblem) => `${p.file}:${p.line}:${p.column}: ${p.message}`;

/**
 * The baseline file in use: the `--baseline` flag (relative to the current folder), else config `baseline`
 * (relative to the root, and inside it), else none. `false` (`--no-baseline`) turns it off.
 */
export function baselinePathOf(root: string, config: ResolvedConfig, flag?: string | false, cwd = process.cwd()): string | undefined {
  if (flag === false) return undefined;
  if (flag !== undefined) return path.resolve(cwd, flag);
  if (config.baseline === undefined) return undefined;
  const abs = path.resolve(root, config.baseline);
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`baseline '${config.baseline}' in spdf.config.yaml must name a file inside the workspace root`);
  return abs;
}

/** The baseline file's name as messages show it: workspace-relative inside the root, else as resolved. */
export function baselineDisplay(root: string, abs: string): string {
  const rel = toPosix(path.relative(root, abs));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** Reads and parses a baseline; any problem (missing, unreadable, not JSON, unknown version or entry) means no baseline. */
export async function readBaselineFile(root: string, abs: string): Promise<{ baseline?: Baseline; problems: BaselineFileProblem[] }> {
  const file = baselineDisplay(root, abs);
  let text: string;
  try {
    text = (await readRegularFile(abs)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'the baseline file does not exist (write it with spdf baseline)' : code === 'EISDIR' ? 'a directory, not a baseline file' : `cannot be read: ${(error as Error).message}`;
    return { problems: [{ file, line: 1, column: 1, message: why }] };
  }
  const { baseline, problems } = parseBaseline(text);
  return { baseline, problems: problems.map((p) => ({ file, line: p.range.start.line + 1, column: p.range.start.character + 1, message: p.message })) };
}

/** Writes a baseline; one named inside `root` is never written through a symbolic link leading out of it. */
export async function writeBaselineFile(root: string, abs: string, baseline: Baseline): Promise<void> {
  refuseLinkOutside(root, abs);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await writeFileAtomic(abs, serialiseBaseline(baseline), { inside: root });
}

/** What a baseline is matched against: the findings and what produced them. */
export interface BaselineSubject {
  graph: Graph;
  ruleInputs: RuleInputs;
  findings: readonly Finding[];
}

/** Fingerprints findings of a check (model items and, when indexed, code symbols). */
export function fingerprinter(s: Pick<BaselineSubject, 'graph' | 'ruleInputs'>): Fingerprinter {
  return new Fingerprinter({ graph: s.graph, code: s.ruleInputs.code });
}

/**
 * Splits a check's findings against a baseline. An entry counts as gone only when this run could have found it:
 * its rule ran, and, for a file outside the model, the code was indexed.
 */
export function applyBaseline(s: BaselineSubject, baseline: Baseline): BaselineMatch {
  const fp = fingerprinter(s);
  const judged = (e: BaselineEntry) => {
    const rule = findRule(e.code);
    if (rule && !runs(rule, s.ruleInputs)) return false;
    return !!s.ruleInputs.code || s.graph.fileByPath.has(e.file) || e.file === 'spdf.config.yaml';
  };
  return matchBaseline(s.findings, baseline, (f) => fp.of(f), judged);
}
