// @spdf implements SPDF-FC-NESTED-CONFIG
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathMatcher } from '../core/path-glob';
import { CONFIG_FILE } from '../core/model/config-file';
import { ALWAYS_EXCLUDED } from '../core/model/load-workspace';
import { nestedConfigMessage } from '../core/model/nested-configs';
import type { TestResultsProblem } from '../core/matrix/test-results';

export interface NestedConfigOptions {
  /** The root config's `exclude`: a nested config it matches (the file or everything under its folder) is accepted. */
  exclude?: readonly string[];
  /** Nested configs the model load reported already (TM014 load problems): not reported twice. */
  reported?: readonly string[];
}

/** The options for a run whose root config is `config` and whose model load reported `problems`. */
export const nestedConfigOptions = (config: { exclude: readonly string[] }, problems: readonly { code: string; file: string }[]): NestedConfigOptions => ({
  exclude: config.exclude,
  reported: problems.filter((p) => p.code === 'TM014').map((p) => p.file),
});

/**
 * TM014 for test results: a sub-project's spdf.config.yaml above a JUnit file this run reads (through config
 * `test_results` or `--test-results`, which read the disk, git-ignored folders too, not the model's file listing).
 * Its settings do not apply to the root's run, which counts the sub-project's results; reported at its 1:1 as a
 * problem of the test results, which fails every gate that reads them, unless `exclude` matches it as for TM014.
 */
export function nestedConfigsOfResults(root: string, files: readonly string[], opts: NestedConfigOptions): TestResultsProblem[] {
  const accepted = pathMatcher([...ALWAYS_EXCLUDED, ...(opts.exclude ?? [])]);
  const reported = new Set(opts.reported ?? []);
  const seen = new Map<string, boolean>();
  const found = new Map<string, string>();
  for (const file of files)
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) {
      const dir = file.slice(0, i + 1);
      const config = `${dir}${CONFIG_FILE}`;
      if (!seen.has(dir)) seen.set(dir, existsSync(join(root, config)) && !accepted(config) && !reported.has(config));
      if (seen.get(dir) && !found.has(dir)) found.set(dir, file);
    }
  const hasRootConfig = existsSync(join(root, CONFIG_FILE));
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dir, file]) => ({ file: `${dir}${CONFIG_FILE}`, line: 1, column: 1, message: `TM014 ${nestedConfigMessage(dir, file, hasRootConfig)}` }));
}
