import picomatch from 'picomatch';
import { linearGlobProblem, pathMatcher } from '../path-glob';
import { asSeq, deref, nodeAt, type YMap } from '../yaml/ynode';
import { decodeUtf8, SourceText } from '../text';
import type { Range } from '../types';
import { parseYaml } from '../yaml/parse';
import type { LoadProblem } from './graph';
import type { SchemaIssue } from './validate';

/** An `include` or `code.include` glob of the config file with its span, kept to check against the file listing. */
export interface IncludeGlob {
  glob: string;
  /** The config key it is under (`include`, `code.include`). */
  key: string;
  /** What the key's globs choose. */
  reads: string;
  range: Range;
}

/** Config keys whose values are lists of workspace-relative globs. */
const GLOB_LISTS: readonly (readonly string[])[] = [['include'], ['exclude'], ['code', 'include'], ['code', 'exclude'], ['code', 'test_globs'], ['test_results']];

/** Checks the config values the schema cannot: globs (rule codes under `rules` are the rules engine's to check). */
export function checkConfigValues(root: YMap): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const path of GLOB_LISTS)
    for (const item of asSeq(nodeAt(root, path))?.items ?? []) {
      const n = deref(item);
      if (n?.kind !== 'scalar' || typeof n.value !== 'string') continue;
      const why = globProblem(n.value);
      if (why) out.push({ code: 'TM008', message: `${path.join('.')}: glob '${n.value}' ${why}`, start: n.start, end: n.end });
    }
  out.push(...emptyEvidenceLists(root));
  const min = deref(nodeAt(root, ['check', 'min_coverage']));
  if (min?.kind === 'scalar' && typeof min.value === 'number' && isFraction(min.value))
    out.push({ code: 'TM008', message: `check.min_coverage: ${fractionMessage(min.value)}`, start: min.start, end: min.end });
  return out;
}

/** A coverage between 0 and 1 % is a fraction written for a percentage (`0.95` for 95 %): it would set the bar near zero. */
export const isFraction = (percent: number): boolean => percent > 0 && percent < 1;

/** Why a fraction is refused where a percentage belongs, and what to write. */
export function fractionMessage(value: number): string {
  const meant = Number((value * 100).toFixed(2));
  return `${value} is ${value} %, not ${meant} %: the value is a percentage (0..100); write ${meant} for ${meant} %`;
}

const isEmptyList = (root: YMap, path: readonly string[]) => asSeq(nodeAt(root, path))?.items.length === 0;

/** Lists that, written empty, would read no model file or find no tag: the evidence would vanish without a finding. */
function emptyEvidenceLists(root: YMap): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const at = (path: readonly string[], message: string) => {
    const n = asSeq(nodeAt(root, path));
    if (n) out.push({ code: 'TM008', message, start: n.start, end: n.end });
  };
  if (isEmptyList(root, ['include'])) at(['include'], "include: the list is empty, so no model file is read; remove the key for the default ['**/*.spdf.yaml']");
  if (isEmptyList(root, ['code', 'tag_syntaxes']) && !asSeq(nodeAt(root, ['code', 'tag_patterns']))?.items.length && !asSeq(nodeAt(root, ['code', 'call_tags']))?.items.length)
    at(
      ['code', 'tag_syntaxes'],
      'code.tag_syntaxes: the list is empty and no code.tag_patterns or code.call_tags is set, so no tag is found and every code link is lost; remove the key for the default [spdf]',
    );
  return out;
}

/** Why a glob can never match a workspace-relative path, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty; it is ignored';
  if (/^([\\/]|[A-Za-z]:)/.test(glob)) return 'is absolute; globs are relative to the workspace root, so it matches nothing';
  if (glob.split('/').includes('..')) return "climbs out of the workspace root with '..', so it matches nothing";
  if (/\\[A-Za-z0-9_]/.test(glob)) return "contains '\\' (an escape in globs, not a path separator); write '/' between directories";
  try {
    if (picomatch.makeRe(glob, { dot: true }).source === '$^') return 'matches nothing: an unbalanced { or [, or an empty range';
    return linearGlobProblem(glob);
  } catch (e) {
    return `is not a valid glob: ${(e as Error).message}`;
  }
}

/** Config keys whose globs choose the files a command reads, and what a glob matching nothing leaves unread. */
const READING_GLOBS = [
  { path: ['include'], reads: 'model file' },
  { path: ['code', 'include'], reads: 'source file' },
] as const;

/** The `include` and `code.include` globs of spdf.config.yaml that can match (checkConfigValues reports the others), with their spans. */
export function configIncludeGlobs(bytes: Uint8Array | undefined, configFile: string): IncludeGlob[] {
  const decoded = bytes && decodeUtf8(bytes);
  if (!decoded || 'error' in decoded) return [];
  const source = new SourceText(configFile, decoded.text);
  const root = parseYaml(decoded.text).roots[0];
  const out: IncludeGlob[] = [];
  for (const { path, reads } of READING_GLOBS)
    for (const item of asSeq(nodeAt(root, path))?.items ?? []) {
      const n = deref(item);
      if (n?.kind === 'scalar' && typeof n.value === 'string' && !globProblem(n.value)) out.push({ glob: n.value, key: path.join('.'), reads, range: source.range(n.start, n.end) });
    }
  return out;
}

/** An include glob that matches no workspace file reads nothing: a typo would otherwise look like a clean model or clean code. */
export function unmatchedIncludes(globs: readonly IncludeGlob[], files: readonly string[], configFile: string): LoadProblem[] {
  return globs
    .filter((g) => {
      const isMatch = pathMatcher(g.glob);
      return !files.some((f) => isMatch(f));
    })
    .map((g) => ({ code: 'TM008', message: `${g.key}: glob '${g.glob}' matches no file, so no ${g.reads} is read through it`, file: configFile, range: g.range }));
}
