// @spdf implements SPDF-FC-TAGS, SPDF-IDX-002
import { isNearMissMarker, nearMissMarkers } from './comment-tags/marker-near-miss';
import { syntaxNearMisses } from './comment-tags/syntax-near-miss';
import { RELATIONS } from './model';
import { compileTagSyntaxes, lastSegment, type CompiledTagSyntaxes, type TagSyntaxOptions } from './tag-syntaxes';

/**
 * Cheap text scan: false means the file certainly carries no tag of the enabled syntaxes and need not be
 * parsed. True may be a false positive (tag text inside a string literal); the parse decides.
 */
export function mightContainTags(text: string, syntaxes: CompiledTagSyntaxes | TagSyntaxOptions): boolean {
  const compiled = 'candidate' in syntaxes ? syntaxes : compileTagSyntaxes(syntaxes);
  const onlySpdf = compiled.enabled.size === 1 && compiled.enabled.has('spdf') && !compiled.tagPatterns.length;
  if (onlySpdf && !compiled.callTags.length) return text.includes('@spdf') || MARKER_ANY_CASE.test(text) || holdsNearMiss(text);
  if (onlySpdf && text.includes('@spdf')) return true;
  // A misspelt marker (CL012) must reach the scanner too, whatever else is enabled.
  if (compiled.enabled.has('spdf') && holdsNearMiss(text)) return true;
  // Without call tags the call pattern is one that never matches: running it would still scan the whole text.
  compiled.callCandidate.lastIndex = 0;
  if (compiled.callTags.length && compiled.callCandidate.test(text)) return true;
  compiled.candidate.lastIndex = 0;
  const found = compiled.candidate.test(text) || compiled.barePatterns.some((p) => p.test(text)) || compiled.tagPatterns.some((p) => p.pattern.test(text));
  compiled.candidate.lastIndex = 0;
  // A near miss of another syntax's tag (CL012) must reach the scanner too.
  return found || syntaxNearMisses(text, compiled.enabled).length > 0;
}

const MARKER_ANY_CASE = /@spdf/i;
function holdsNearMiss(text: string): boolean {
  return nearMissMarkers(text).length > 0;
}

const RELATION_BYTES = RELATIONS.map((r) => new TextEncoder().encode(r));

/**
 * Whether the bytes hold the spdf marker misspelt by one edit before a relation the parser knows (`@spfd implements`,
 * CL012): the scanner reports it, so such a file must reach it. ASCII, so the same bytes in UTF-8 and in text; looser
 * than `nearMissMarkers` (what stands before the at sign is not looked at), as a prefilter must be.
 */
export function bytesHoldNearMissMarker(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x40); i !== -1; i = bytes.indexOf(0x40, i + 1)) {
    let end = i + 1;
    while (end < bytes.length && end - i <= 6 && isLetter(bytes[end])) end++;
    if (end - i < 4 || end - i > 6 || (bytes[end] !== 0x20 && bytes[end] !== 0x09)) continue;
    if (!isNearMissMarker(String.fromCharCode(...bytes.subarray(i + 1, end)))) continue;
    let at = end;
    while (bytes[at] === 0x20 || bytes[at] === 0x09) at++;
    if (RELATION_BYTES.some((r) => startsWithAt(bytes, r, at) && !isWordByte(bytes[at + r.length]))) return true;
  }
  return false;
}

function startsWithAt(bytes: Uint8Array, text: Uint8Array, at: number): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text[k]) return false;
  return true;
}

/** A byte of a regular expression's `\w` (`\b` looks for the change), absent at the end of the text. */
const isWordByte = (b: number | undefined): boolean => b !== undefined && (isLetter(b) || (b >= 0x30 && b <= 0x39) || b === 0x5f);
const isLetter = (b: number): boolean => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;

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
  // The marker alone: its near misses (`@relations(`, `@relation ID`, CL012) pass too.
  strictdoc: [['@relation'], ['@Relation'], ['@RELATION']],
  // The word alone: its near misses (`lobster_trace:`, `lobster trace:`, CL012) pass too; an OFT item ID outside a
  // tag is looked for by `bytesHoldOftItemId`.
  lobster: [['lobster'], ['Lobster'], ['LOBSTER']],
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
