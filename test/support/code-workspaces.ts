import { MemoryHost } from '../../src/core/host';
import type { CodeLinksInput } from '../../src/core/codelinks/rule-input';
import { resolveConfig } from '../../src/core/model/config';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { RuleInputs } from '../../src/core/rules/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { exampleFiles } from './workspace';

export const isSource = (f: string) => !/\.(ya?ml|json)$/.test(f);

/** Rule inputs of an in-memory workspace (profile `all` unless it has a config) with its code index, as the CLI builds them. */
export async function codeRuleInputs(files: Record<string, string>): Promise<RuleInputs & { code: CodeLinksInput }> {
  const all = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(all)));
  const { config } = resolveConfig(new TextEncoder().encode(all['spdf.config.yaml']));
  const code = await buildCodeIndex({ root: '/example', host, workers: 0, tagSyntaxes: tagSyntaxOptions(config) });
  return { ...ruleInputs(await loadWorkspace(host), { code }), code };
}

/** Every rule example (valid and invalid) that holds a source file, as a named workspace. */
export function codeExampleWorkspaces(): { name: string; files: Record<string, string> }[] {
  return RULES.flatMap((r) =>
    [...r.meta.examples.valid, ...r.meta.examples.invalid].map((e, i) => ({ name: `${r.meta.code} example ${i}`, files: exampleFiles(e) })).filter(({ files }) => Object.keys(files).some(isSource)),
  );
}
