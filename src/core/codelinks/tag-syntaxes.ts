import { compileUserPattern, type UserPattern } from '../user-pattern';
import { nearMissMarkers } from './comment-tags/marker-near-miss';
import { syntaxNearMisses, type SyntaxNearMiss } from './comment-tags/syntax-near-miss';
import { type Relation, type TagSyntax, TAG_SYNTAXES } from './model';

/**
 * Tag syntaxes recognised inside comments:
 * - `spdf`      `@spdf <implements|verifies|mitigates|hazard> ID[, ID...]` (always on unless removed)
 * - `oft`       OpenFastTrace `[impl->req~SEC-REQ-014~2]`: links the name, records the revision; the covering
 *               artifact type maps to a relation (`oftRelations`)
 * - `strictdoc` `@relation(ID[, ID...], scope=function|method|class|file|line|range_start|range_end, role=...)`
 * - `lobster`   `lobster-trace: ID[, ID...]` and `lobster-exclude: reason`
 * - `bare`      any match of `bareIdPatterns` inside a comment
 * - `pattern`   any match of a `tagPatterns` entry (user regex with named groups `ids` and optionally `relation`)
 * Call tags (`call-tags`) are read from code, not comments: see call-tags.ts. Comments are scanned by
 * `comment-tags/scan-comment.ts`, one module per syntax.
 * Tags without an explicit relation (lobster, bare, strictdoc without a role) mean `verifies` in test files
 * and `implements` elsewhere.
 */
export interface TagSyntaxOptions {
  syntaxes?: readonly TagSyntax[];
  bareIdPatterns?: readonly string[];
  oftRelations?: Readonly<Record<string, Relation>>;
  /** `name`: an OFT tag links the bare name (default); `full`: it links `type~name`, the revision compared apart. */
  oftIds?: 'name' | 'full';
  tagPatterns?: readonly TagPatternOption[];
  callTags?: readonly CallTagOption[];
  idNormalize?: IdNormalizeOption;
}

/** A comment convention of the team's own: a regex with named groups `ids` (default: the whole match) and `relation`. */
export interface TagPatternOption {
  pattern: string;
  /** Relation of every match (default: by context, verifies in test files, implements elsewhere). */
  relation?: Relation;
  /** What the text of the `relation` group means. */
  relations?: Readonly<Record<string, Relation>>;
  /** Between IDs of the `ids` group (default ','). */
  idSeparator?: string;
}

/** A call, macro, decorator, annotation or attribute whose string argument names IDs. */
export interface CallTagOption {
  /** Callee names as written (`REQUIREMENT`, `pytest.mark.req`); a dotted or `::` path also matches its last segment. */
  names: readonly string[];
  /** 1-based position of the argument holding the IDs (default 1). */
  argument?: number;
  relation?: Relation;
  /** 1-based position of an argument naming the relation (gtest `RecordProperty("Verifies", ...)`), read through `relations`. */
  relationArgument?: number;
  relations?: Readonly<Record<string, Relation>>;
  idSeparator?: string;
}

/** Rewrites of IDs read from code before they are resolved against the model (`_` written for `-`). */
export interface IdNormalizeOption {
  replace?: Readonly<Record<string, string>>;
  case?: 'upper' | 'lower';
}

export interface CompiledTagPattern {
  readonly pattern: UserPattern;
  readonly relation?: Relation;
  readonly relations?: Readonly<Record<string, Relation>>;
  readonly idSeparator: string;
}

export const DEFAULT_OFT_RELATIONS: Readonly<Record<string, Relation>> = {
  impl: 'implements',
  utest: 'verifies',
  itest: 'verifies',
  stest: 'verifies',
  test: 'verifies',
};

export interface CompiledTagSyntaxes {
  readonly enabled: ReadonlySet<TagSyntax>;
  readonly oftRelations: Readonly<Record<string, Relation>>;
  /** Bare-ID patterns, user-given: run in the linear-time engine, never folded into `candidate`. */
  readonly barePatterns: readonly UserPattern[];
  /** Matches anywhere a tag of an enabled built-in syntax may start; global. */
  readonly candidate: RegExp;
  readonly tagPatterns: readonly CompiledTagPattern[];
  readonly oftIds: 'name' | 'full';
  readonly callTags: readonly CallTagOption[];
  /** Where a configured call tag's name is followed by `(`; global; never matches when none is configured. */
  readonly callCandidate: RegExp;
  /** The ID as resolved against the model. */
  readonly normalizeId: (id: string) => string;
  /** Problems with the options themselves (an invalid bare-ID regex). */
  readonly problems: readonly string[];
}

// Any letter case: a wrong-case marker reaches the scanner, which reports it (CL011).
const SPDF_START = String.raw`@[sS][pP][dD][fF]\b`;
export const OFT_START = String.raw`\[\s*[A-Za-z]\w*(?:~[^\]~\s]+~\d+)?\s*->`;
// With the plausible wrong-case markers (CL011); the byte prefilter (prefilter.ts) looks for the same prefixes.
const STRICTDOC_START = String.raw`@(?:relation|Relation|RELATION)\(`;
const LOBSTER_START = String.raw`(?:lobster|Lobster|LOBSTER)-(?:[tT][rR][aA][cC][eE]|[eE][xX][cC][lL][uU][dD][eE]):`;

export function compileTagSyntaxes(options: TagSyntaxOptions = {}): CompiledTagSyntaxes {
  const requested = options.syntaxes ?? ['spdf'];
  const enabled = new Set<TagSyntax>(requested.filter((s) => (TAG_SYNTAXES as readonly string[]).includes(s)));
  const problems: string[] = [];
  for (const s of requested) if (!enabled.has(s)) problems.push(`unknown tag syntax '${String(s)}'`);
  const barePatterns: UserPattern[] = [];
  if (enabled.has('bare')) {
    for (const source of options.bareIdPatterns ?? []) {
      const { pattern, error } = compileUserPattern(source);
      if (error !== undefined) problems.push(`bare ID pattern '${source}' is not a usable regular expression: ${error}`);
      else if (pattern.test('')) problems.push(`bare ID pattern '${source}' matches the empty string; ignored`);
      else barePatterns.push(pattern);
    }
  }
  const tagPatterns: CompiledTagPattern[] = [];
  (options.tagPatterns ?? []).forEach((option, i) => {
    const { pattern, error } = compileUserPattern(option.pattern);
    const where = `tag pattern ${i + 1} '${option.pattern}'`;
    if (error !== undefined) problems.push(`${where} is not a usable regular expression: ${error}`);
    else if (pattern.test('')) problems.push(`${where} matches the empty string; ignored`);
    else if (pattern.groupNames.includes('relation') && !option.relations) problems.push(`${where} has a 'relation' group but no relations map; ignored`);
    else tagPatterns.push({ pattern, idSeparator: option.idSeparator || ',', ...(option.relation ? { relation: option.relation } : {}), ...(option.relations ? { relations: option.relations } : {}) });
  });
  const callTags = (options.callTags ?? []).filter((c) => c.names.length > 0);
  const callNames = [...new Set(callTags.flatMap((c) => c.names.map(lastSegment)))].map(escapeRegExp);
  const callCandidate = new RegExp(callNames.length ? String.raw`(?<![\w$])(?:${callNames.join('|')})\s*!?\s*\(` : '(?!)', 'g');
  const starts: string[] = [];
  if (enabled.has('spdf')) starts.push(SPDF_START);
  if (enabled.has('oft')) starts.push(OFT_START);
  if (enabled.has('strictdoc')) starts.push(STRICTDOC_START);
  if (enabled.has('lobster')) starts.push(LOBSTER_START);
  const candidate = new RegExp(starts.length ? starts.join('|') : '(?!)', 'g');
  return {
    enabled,
    oftRelations: { ...DEFAULT_OFT_RELATIONS, ...(options.oftRelations ?? {}) },
    barePatterns,
    candidate,
    tagPatterns,
    oftIds: options.oftIds === 'full' ? 'full' : 'name',
    callTags,
    callCandidate,
    normalizeId: idNormalizer(options.idNormalize),
    problems,
  };
}

export function lastSegment(name: string): string {
  const parts = name.split(/\.|::/);
  return parts[parts.length - 1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function idNormalizer(option: IdNormalizeOption | undefined): (id: string) => string {
  const replace = Object.entries(option?.replace ?? {}).filter(([from]) => from.length > 0);
  if (!replace.length && !option?.case) return (id) => id;
  return (id) => {
    let out = id;
    for (const [from, to] of replace) out = out.split(from).join(to);
    return option?.case === 'upper' ? out.toUpperCase() : option?.case === 'lower' ? out.toLowerCase() : out;
  };
}

/**
 * Offsets where a tag may start in `text` (any syntax), in order. `syntaxMisses` is `syntaxNearMisses(text,
 * syntaxes.enabled)` when the caller has it already (a comment's scan needs them too).
 */
export function tagCandidateOffsets(text: string, syntaxes: CompiledTagSyntaxes, syntaxMisses?: readonly SyntaxNearMiss[]): number[] {
  const re = syntaxes.candidate;
  const offsets: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    offsets.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  // A misspelt spdf marker or another syntax's near miss (CL012) is where a tag was meant: its comment is scanned too.
  const nearMisses = [...(syntaxes.enabled.has('spdf') ? nearMissMarkers(text) : []), ...(syntaxMisses ?? syntaxNearMisses(text, syntaxes.enabled))];
  if (!syntaxes.barePatterns.length && !syntaxes.tagPatterns.length && !nearMisses.length) return offsets;
  for (const m of nearMisses) offsets.push(m.start);
  for (const pattern of syntaxes.barePatterns) for (const m of pattern.matches(text)) offsets.push(m.start);
  for (const { pattern } of syntaxes.tagPatterns) for (const m of pattern.matches(text)) offsets.push(m.start);
  return [...new Set(offsets)].sort((a, b) => a - b);
}
