import { checkWorkspace, type CheckOptions } from '../../src/core/check';
import { MemoryHost } from '../../src/core/host';
import { exampleFileDates, GIT_LOG_EXAMPLE } from '../../src/core/rules/example-git-log';
import type { RuleExample } from '../../src/core/rules/types';
import { resolveConfig } from '../../src/core/model/config';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { exampleTestResults } from './example-test-results';

export function exampleFiles(example: RuleExample): Record<string, string> {
  return typeof example === 'string' ? { 'model.spdf.yaml': example } : example;
}

const isModelOrConfig = (f: string) => /\.(ya?ml|json)$/.test(f);

/**
 * Loads an in-memory workspace and lints it with every rule enabled (profile `all`) unless the files set a config.
 * JUnit files that config `test_results` names are read as test results.
 * When source files are present, a code index is built from them (in this thread, with the config's tag syntaxes) with the lock file, as the CLI does.
 */
export async function lintFiles(allFiles: Record<string, string>, opts: CheckOptions = {}) {
  const { [GIT_LOG_EXAMPLE]: gitLog, ...files } = allFiles;
  const withConfig = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(withConfig)));
  let inputs = gitLog === undefined ? opts.inputs : { fileDates: exampleFileDates(gitLog), ...opts.inputs };
  const { config } = resolveConfig(new TextEncoder().encode(withConfig['spdf.config.yaml']));
  const testResults = exampleTestResults(files, config);
  if (testResults) inputs = { testResults, ...inputs };
  if (Object.keys(files).some((f) => !isModelOrConfig(f))) {
    const code = await buildCodeIndex({ root: '/example', host, workers: 0, tagSyntaxes: tagSyntaxOptions(config) });
    inputs = { code, ...(files['spdf.lock.json'] !== undefined ? { lock: files['spdf.lock.json'] } : {}), ...inputs };
  }
  return checkWorkspace(host, { ...opts, inputs });
}
