// @spdf implements SPDF-FC-TAGS, SPDF-IDX-002
import { compileTagSyntaxes, lastSegment, type CompiledTagSyntaxes, type TagSyntaxOptions } from './tag-syntaxes';

/**
 * Cheap text scan: false means the file certainly carries no tag of the enabled syntaxes and need not be
 * parsed. True may be a false positive (tag text inside a string literal); the parse decides.
 */
export function mightContainTags(text: string, syntaxes: CompiledTagSyntaxes | TagSyntaxOptions): boolean {
  const compiled = 'candidate' in syntaxes ? syntaxes : compileTagSyntaxes(syntaxes);
  const onlySpdf = compiled.enabled.size === 1 && compiled.enabled.has('spdf') && !compiled.tagPatterns.length;
  if (onlySpdf && !compiled.callTags.length) return text.includes('@spdf') || MARKER_ANY_CASE.test(text);
  if (onlySpdf && text.includes('@spdf')) return true;
  // Without call tags the call pattern is one that never matches: running it would still scan the whole text.
  compiled.callCandidate.lastIndex = 0;
  if (compiled.callTags.length && compiled.callCandidate.test(text)) return true;
  compiled.candidate.lastIndex = 0;
  const found = compiled.candidate.test(text) || compiled.barePatterns.some((p) => p.test(text)) || compiled.tagPatterns.some((p) => p.pattern.test(text));
  compiled.candidate.lastIndex = 0;
  return found;
}

const MARKER_ANY_CASE = /@spdf/i;

/**
 * Whether the bytes hold the spdf tag marker in any letter case (ASCII: the same bytes in UTF-8 and in text).
 * `requiredTexts` looks for the lower-case marker only; a file whose only marker is in capitals must still reach
 * the scanner, which reports it (CL011). Cost: one native search per at-sign byte.
 */
export function bytesHoldMarkerAnyCase(bytes: Uint8Array): boolean {
  const last = bytes.length - 5;
  for (let i = bytes.indexOf(0x40); i !== -1 && i <= last; i = bytes.indexOf(0x40, i + 1))
    if ((bytes[i + 1] | 0x20) === 0x73 && (bytes[i + 2] | 0x20) === 0x70 && (bytes[i + 3] | 0x20) === 0x64 && (bytes[i + 4] | 0x20) === 0x66) return true;
  return false;
}

/** Texts that all occur in any text `mightContainTags` accepts through one syntax. */
export type RequiredTexts = readonly string[];

/**
 * The fixed texts each built-in syntax's candidate pattern (tag-syntaxes.ts) cannot match without, one group per
 * alternative. The plausible wrong-case markers pass too, so the scanner reports them (CL011); the spdf marker in
 * any case is looked for by `bytesHoldMarkerAnyCase`.
 */
const BUILT_IN_REQUIRED: Readonly<Record<string, readonly RequiredTexts[]>> = {
  spdf: [['@spdf']],
  oft: [['[', '->']],
  strictdoc: [['@relation('], ['@Relation('], ['@RELATION(']],
  lobster: [['lobster-'], ['Lobster-'], ['LOBSTER-']],
};

/**
 * A necessary condition of `mightContainTags`, in fixed texts a host can look for in the raw bytes before
 * decoding them: when the text passes the prefilter, it holds every text of at least one group. Undefined when
 * no such texts are known (user regexes: bare-ID and tag patterns), or when a text could come out of decoding
 * without its UTF-8 bytes being in the file (U+FFFD stands for any invalid bytes): then every file is decoded.
 */
export function requiredTexts(compiled: CompiledTagSyntaxes): readonly RequiredTexts[] | undefined {
  if (compiled.barePatterns.length || compiled.tagPatterns.length) return undefined;
  const groups: RequiredTexts[] = [];
  for (const syntax of compiled.enabled) groups.push(...(BUILT_IN_REQUIRED[syntax] ?? []));
  for (const name of new Set(compiled.callTags.flatMap((c) => c.names.map(lastSegment)))) groups.push([name, '(']);
  return groups.some((g) => g.some((t) => t.includes('\uFFFD'))) ? undefined : groups;
}
