// @spdf implements SPDF-FC-NESTED-CONFIG
import { pathMatcher } from '../path-glob';
import { CONFIG_FILE } from './config-file';
import type { ResolvedConfig } from './config-def';
import type { LoadProblem } from './graph';

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NESTED = `/${CONFIG_FILE}`;

type Globs = Pick<ResolvedConfig, 'include' | 'exclude' | 'testResults'> & { code: Pick<ResolvedConfig['code'], 'include' | 'exclude'> };

/**
 * A spdf.config.yaml below the workspace root (a sub-project's), in a folder holding files this run reads (TM014, at
 * its 1:1): only the root's config applies to them, so the sub-project's settings (a higher `check.min_coverage`, rules
 * set to error, a review lock, JUnit results) would silently not, and the root's gate pass where the sub-project's
 * fails. Left out when `exclude` matches the file (its settings knowingly do not apply here) or everything under its
 * folder. A read file is a model file, a test result, or one the code index may read (every file when
 * `code.include` is empty: the language of a file is not known here, so the check errs on the side of reporting).
 * One `endsWith` per listed file; the globs are compiled only when a nested config is listed, and match only files
 * under one whose folder has not yet shown a file read.
 */
export function nestedConfigProblems(files: readonly string[], config: Globs, alwaysExcluded: readonly string[], hasRootConfig: boolean): LoadProblem[] {
  const nested = files.filter((f) => f.endsWith(NESTED));
  if (nested.length === 0) return [];
  const excluded = pathMatcher([...alwaysExcluded, ...config.exclude]);
  const waiting = new Set(nested.filter((f) => !excluded(f)).map((f) => f.slice(0, -CONFIG_FILE.length)));
  const found = new Map<string, string>();
  const read = readByThisRun(config, excluded);
  // The first file read under each folder is enough: only files under a folder still waiting are matched.
  for (const file of files) {
    if (waiting.size === 0) break;
    if (file === CONFIG_FILE || file.endsWith(NESTED)) continue;
    const under: string[] = [];
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) if (waiting.has(file.slice(0, i + 1))) under.push(file.slice(0, i + 1));
    if (under.length === 0 || !read(file)) continue;
    for (const dir of under) {
      waiting.delete(dir);
      found.set(dir, file);
    }
  }
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dir, file]) => ({ code: 'TM014', file: `${dir}${CONFIG_FILE}`, range: AT_START, message: nestedConfigMessage(dir, file, hasRootConfig) }));
}

function readByThisRun(config: Globs, excluded: (file: string) => boolean): (file: string) => boolean {
  const model = pathMatcher(config.include);
  const tests = config.testResults.length ? pathMatcher(config.testResults) : () => false;
  const codeIncluded = config.code.include.length ? pathMatcher(config.code.include) : () => true;
  const codeExcluded = config.code.exclude.length ? pathMatcher(config.code.exclude) : () => false;
  return (file) => !excluded(file) && (model(file) || tests(file) || (codeIncluded(file) && !codeExcluded(file)));
}

/** TM014's message for the config in `dir` (ending in `/`), of which `example` is a file the run reads. */
export function nestedConfigMessage(dir: string, example: string, hasRootConfig: boolean): string {
  const settings = hasRootConfig ? `the workspace root's ${CONFIG_FILE}` : `the default settings (no ${CONFIG_FILE} at the workspace root)`;
  return (
    `a sub-project's config that this run does not apply: it reads files under ${dir} (${example} among them) with ${settings} only. ` +
    `Run spdf in ${dir} for the sub-project's own gate; to check them from the root, move these settings into the root's config; ` +
    `or \`exclude\` '${dir}**' (the sub-project is checked on its own) or '${dir}${CONFIG_FILE}' (its settings knowingly do not apply to the root's run)`
  );
}
