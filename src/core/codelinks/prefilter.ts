// @spdf implements SPDF-FC-TAGS, SPDF-IDX-002
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from './tag-syntaxes';

/**
 * Cheap text scan: false means the file certainly carries no tag of the enabled syntaxes and need not be
 * parsed. True may be a false positive (tag text inside a string literal); the parse decides.
 */
export function mightContainTags(text: string, syntaxes: CompiledTagSyntaxes | TagSyntaxOptions): boolean {
  const compiled = 'candidate' in syntaxes ? syntaxes : compileTagSyntaxes(syntaxes);
  const onlySpdf = compiled.enabled.size === 1 && compiled.enabled.has('spdf') && !compiled.tagPatterns.length;
  if (onlySpdf && !compiled.callTags.length) return text.includes('@spdf');
  if (onlySpdf && text.includes('@spdf')) return true;
  compiled.callCandidate.lastIndex = 0;
  if (compiled.callCandidate.test(text)) return true;
  compiled.candidate.lastIndex = 0;
  const found = compiled.candidate.test(text) || compiled.barePatterns.some((p) => p.test(text)) || compiled.tagPatterns.some((p) => p.pattern.test(text));
  compiled.candidate.lastIndex = 0;
  return found;
}
