import { checkWorkspace, type CheckOptions } from '../../src/core/check';
import { MemoryHost } from '../../src/core/host';
import type { RuleExample } from '../../src/core/rules/types';

export function exampleFiles(example: RuleExample): Record<string, string> {
  return typeof example === 'string' ? { 'model.spdf.yaml': example } : example;
}

/** Loads an in-memory workspace and lints it with every rule enabled (profile `all`) unless the files set a config. */
export async function lintFiles(files: Record<string, string>, opts: CheckOptions = {}) {
  const withConfig = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  return checkWorkspace(new MemoryHost(new Map(Object.entries(withConfig))), opts);
}
