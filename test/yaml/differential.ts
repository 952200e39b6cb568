import assert from 'node:assert/strict';
import { parseYamlFast } from '../../src/core/yaml/fast-parse';
import { DEFAULT_YAML_LIMITS, parseYaml, parseYamlReference, type YamlLimits } from '../../src/core/yaml/parse';

export type PathTaken = 'fast' | 'reference';

/**
 * Parses `text` with parseYaml and with the reference path alone, asserts both give the same ParsedYaml (tree,
 * values, offsets, problems), and says which path parseYaml took.
 */
export function differential(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS, name = JSON.stringify(text.slice(0, 200))): PathTaken {
  const reference = parseYamlReference(text, limits);
  assert.deepStrictEqual(parseYaml(text, limits), reference, `parseYaml differs from the reference path on ${name}`);
  const fast = parseYamlFast(text.replace(/\r(?!\n)/g, '\n'), limits.maxDepth);
  if (!fast) return 'reference';
  assert.deepStrictEqual({ roots: [fast], problems: [] }, reference, `the fast path differs from the reference path on ${name}`);
  return 'fast';
}
