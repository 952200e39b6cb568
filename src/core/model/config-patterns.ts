import type { SourceText } from '../text';
import { compileUserPattern } from '../user-pattern';
import { asMap, asSeq, deref, nodeAt, type YMap, type YNode } from '../yaml/ynode';
import type { LoadProblem } from './graph';

/**
 * Every regular expression of spdf.config.yaml (`id_patterns.*`, `code.bare_id_patterns[*]`) compiled in the
 * linear-time engine; each one it rejects is a TM008 problem at the value's own range.
 */
export function configPatternProblems(root: YMap, source: SourceText): LoadProblem[] {
  const found: { name: string; node: YNode | null | undefined; tagPattern?: YMap | null }[] = [];
  for (const pair of asMap(nodeAt(root, ['id_patterns']))?.pairs ?? []) found.push({ name: `id_patterns.${String(pair.key.value)}`, node: pair.value });
  asSeq(nodeAt(root, ['code', 'bare_id_patterns']))?.items.forEach((node, i) => found.push({ name: `code.bare_id_patterns[${i}]`, node }));
  const tagPatterns = asSeq(nodeAt(root, ['code', 'tag_patterns']))?.items ?? [];
  tagPatterns.forEach((item, i) => found.push({ name: `code.tag_patterns[${i}].pattern`, node: nodeAt(item, ['pattern']), tagPattern: asMap(deref(item)) }));
  const problems: LoadProblem[] = [];
  for (const { name, node, tagPattern } of found) {
    const value = deref(node);
    if (value?.kind !== 'scalar' || typeof value.value !== 'string') continue;
    const { pattern, error } = compileUserPattern(value.value);
    const at = { file: source.path, range: source.range(value.start, value.end) };
    if (error !== undefined) problems.push({ code: 'TM008', message: `${name} '${value.value}' is not a usable regular expression: ${error}`, ...at });
    else if (!tagPattern) continue;
    else if (pattern.test('')) problems.push({ code: 'TM008', message: `${name} '${value.value}' matches the empty string`, ...at });
    else if (pattern.groupNames.includes('relation') && !nodeAt(tagPattern, ['relations']))
      problems.push({ code: 'TM008', message: `${name} '${value.value}' has a 'relation' group but the entry has no 'relations' map saying what its text means`, ...at });
  }
  return problems;
}
