// @spdf implements SPDF-FC-NESTED-CONFIG
import picomatch from 'picomatch';
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
 * One `endsWith` per listed file; the globs are compiled only when a nested config is listed.
 */
export function nestedConfigProblems(files: readonly string[], config: Globs, alwaysExcluded: readonly string[], hasRootConfig: boolean): LoadProblem[] {
  const nested = files.filter((f) => f.endsWith(NESTED));
  if (nested.length === 0) return [];
  const excluded = picomatch([...alwaysExcluded, ...config.exclude], { dot: true });
  const dirs = new Map(nested.filter((f) => !excluded(f)).map((f) => [f.slice(0, -CONFIG_FILE.length), [] as string[]]));
  if (dirs.size === 0) return [];
  const read = readByThisRun(config, excluded);
  for (const file of files) {
    if (file === CONFIG_FILE || file.endsWith(NESTED) || !read(file)) continue;
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) dirs.get(file.slice(0, i + 1))?.push(file);
  }
  return [...dirs].filter(([, under]) => under.length > 0).map(([dir, under]) => ({ code: 'TM014', file: `${dir}${CONFIG_FILE}`, range: AT_START, message: message(dir, under, hasRootConfig) }));
}

function readByThisRun(config: Globs, excluded: (file: string) => boolean): (file: string) => boolean {
  const model = picomatch(config.include, { dot: true });
  const tests = config.testResults.length ? picomatch(config.testResults, { dot: true }) : () => false;
  const codeIncluded = config.code.include.length ? picomatch(config.code.include, { dot: true }) : () => true;
  const codeExcluded = config.code.exclude.length ? picomatch(config.code.exclude, { dot: true }) : () => false;
  return (file) => !excluded(file) && (model(file) || tests(file) || (codeIncluded(file) && !codeExcluded(file)));
}

function message(dir: string, under: readonly string[], hasRootConfig: boolean): string {
  const example = under.length > 1 ? `${under[0]} and ${under.length - 1} more` : under[0];
  const settings = hasRootConfig ? `the workspace root's ${CONFIG_FILE}` : `the default settings (no ${CONFIG_FILE} at the workspace root)`;
  return (
    `a sub-project's config that this run does not apply: it reads files under ${dir} (${example}) with ${settings} only. ` +
    `Run spdf in ${dir} for the sub-project's own gate; to check them from the root, move these settings into the root's config; ` +
    `or \`exclude\` '${dir}**' (the sub-project is checked on its own) or '${dir}${CONFIG_FILE}' (its settings knowingly do not apply to the root's run)`
  );
}
