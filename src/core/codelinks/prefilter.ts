// @spdf implements SPDF-FC-TAGS, SPDF-IDX-002
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from './tagSyntaxes';

/**
 * Cheap text scan: false means the file certainly carries no tag of the enabled syntaxes and need not be
 * parsed. True may be a false positive (tag text inside a string literal); the parse decides.
 */
export function mightContainTags(text: string, syntaxes: CompiledTagSyntaxes | TagSyntaxOptions): boolean {
  const compiled = 'candidate' in syntaxes ? syntaxes : compileTagSyntaxes(syntaxes);
  if (compiled.enabled.size === 1 && compiled.enabled.has('spdf')) return text.includes('@spdf');
  compiled.candidate.lastIndex = 0;
  const found = compiled.candidate.test(text) || compiled.barePatterns.some((p) => p.test(text));
  compiled.candidate.lastIndex = 0;
  return found;
}
