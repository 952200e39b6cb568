import type { SourceText } from '../text';
import { compileUserPattern } from '../user-pattern';
import { asMap, asSeq, deref, nodeAt, type YMap, type YNode } from '../yaml/ynode';
import type { LoadProblem } from './graph';

/**
 * Every regular expression of spdf.config.yaml (`id_patterns.*`, `code.bare_id_patterns[*]`) compiled in the
 * linear-time engine; each one it rejects is a TM008 problem at the value's own range.
 */
export function configPatternProblems(root: YMap, source: SourceText): LoadProblem[] {
  const found: { name: string; node: YNode | null }[] = [];
  for (const pair of asMap(nodeAt(root, ['id_patterns']))?.pairs ?? []) found.push({ name: `id_patterns.${String(pair.key.value)}`, node: pair.value });
  asSeq(nodeAt(root, ['code', 'bare_id_patterns']))?.items.forEach((node, i) => found.push({ name: `code.bare_id_patterns[${i}]`, node }));
  const problems: LoadProblem[] = [];
  for (const { name, node } of found) {
    const value = deref(node);
    if (value?.kind !== 'scalar' || typeof value.value !== 'string') continue;
    const { error } = compileUserPattern(value.value);
    if (error) problems.push({ code: 'TM008', message: `${name} '${value.value}' is not a usable regular expression: ${error}`, file: source.path, range: source.range(value.start, value.end) });
  }
  return problems;
}
