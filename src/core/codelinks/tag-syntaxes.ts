import { nearest } from '../suggest';
import { compileUserPattern, type UserPattern } from '../user-pattern';
import { isRelation, RELATIONS, type Relation, type StrictDocScope, type TagSyntax, TAG_SYNTAXES } from './model';

/**
 * Tag syntaxes recognised inside comments:
 * - `spdf`      `@spdf <implements|verifies|mitigates|hazard> ID[, ID...]` (always on unless removed)
 * - `oft`       OpenFastTrace `[impl->req~SEC-REQ-014~2]`: links the name, records the revision; the covering
 *               artifact type maps to a relation (`oftRelations`)
 * - `strictdoc` `@relation(ID[, ID...], scope=function|method|class|file|line|range_start|range_end, role=...)`
 * - `lobster`   `lobster-trace: ID[, ID...]` and `lobster-exclude: reason`
 * - `bare`      any match of `bareIdPatterns` inside a comment
 * - `pattern`   any match of a `tagPatterns` entry (user regex with named groups `ids` and optionally `relation`)
 * Call tags (`call-tags`) are read from code, not comments: see callTags.ts.
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

const SPDF_START = String.raw`@spdf\b`;
const OFT_START = String.raw`\[\s*[A-Za-z]\w*(?:~[^\]~\s]+~\d+)?\s*->`;
const STRICTDOC_START = String.raw`@relation\(`;
const LOBSTER_START = String.raw`lobster-(?:trace|exclude):`;

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

/** Offsets where a tag may start in `text` (any syntax), in order. */
export function tagCandidateOffsets(text: string, syntaxes: CompiledTagSyntaxes): number[] {
  const re = syntaxes.candidate;
  const offsets: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    offsets.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  if (!syntaxes.barePatterns.length && !syntaxes.tagPatterns.length) return offsets;
  for (const pattern of syntaxes.barePatterns) for (const m of pattern.matches(text)) offsets.push(m.start);
  for (const { pattern } of syntaxes.tagPatterns) for (const m of pattern.matches(text)) offsets.push(m.start);
  return [...new Set(offsets)].sort((a, b) => a - b);
}

/** Offsets are relative to the scanned comment text. */
export interface RawTag {
  syntax: TagSyntax;
  id: string;
  idStart: number;
  idEnd: number;
  relation: Relation;
  tagStart: number;
  tagEnd: number;
  revision?: number;
  artifactType?: string;
  scope?: StrictDocScope;
  /** The ID as written, when normalisation or a full OFT ID made `id` differ from it. */
  written?: string;
}

export interface RawExclusion {
  reason: string;
  start: number;
  end: number;
}

/** A tag-like text that could not be read; `start` is where the tag-like text starts. */
export interface RawTagProblem {
  kind: 'malformed-tag' | 'unknown-relation';
  message: string;
  start: number;
  end: number;
  /** What the user probably meant there; offered, never applied (a wrong guess would create evidence). */
  suggestion?: { start: number; end: number; text: string };
}

export interface CommentScan {
  tags: RawTag[];
  exclusions: RawExclusion[];
  problems: RawTagProblem[];
}

const ID = /[A-Za-z0-9_](?:[\w.\-]*\w)?/y;
const SPACES = /[ \t]*/y;
const WORD = /[A-Za-z][A-Za-z-]*/y;

function readSticky(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

function skipSpaces(text: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(text);
  return SPACES.lastIndex;
}

/** The tag-like text from `start` to `end` as quoted in messages: one line, no comment closer, at most 60 characters. */
export function tagSnippet(text: string, start: number, end: number): string {
  const line = text
    .slice(start, end)
    .replace(/\s*(?:\*\/|"""|'''|-->)[\s\S]*$/, '')
    .trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function lineEndOf(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** `ID[, ID...]` from `at`; returns the IDs with their offsets and where the list ends. */
function readIdList(text: string, at: number): { ids: { id: string; start: number }[]; end: number } {
  const ids: { id: string; start: number }[] = [];
  let pos = skipSpaces(text, at);
  let end = at;
  for (;;) {
    const id = readSticky(ID, text, pos);
    if (!id) break;
    ids.push({ id, start: pos });
    end = pos + id.length;
    const afterId = skipSpaces(text, end);
    if (text[afterId] !== ',') break;
    pos = skipSpaces(text, afterId + 1);
  }
  return { ids, end };
}

/** What one comment's scan has read so far: every tag-like text must end inside one of these spans. */
class ScanState implements CommentScan {
  tags: RawTag[] = [];
  exclusions: RawExclusion[] = [];
  problems: RawTagProblem[] = [];
  readonly spans: [number, number][] = [];

  consume(start: number, end: number): void {
    this.spans.push([start, Math.max(end, start + 1)]);
  }

  problem(p: RawTagProblem): void {
    this.problems.push(p);
    this.consume(p.start, p.end);
  }

  covers(offset: number): boolean {
    return this.spans.some(([s, e]) => offset >= s && offset < e);
  }

  overlaps(start: number, end: number): boolean {
    return this.spans.some(([s, e]) => start < e && end > s);
  }
}

/**
 * Scans one comment's text for tags of every enabled syntax. Every place where a tag of an enabled syntax may
 * start ends as a tag, an exclusion or a problem: nothing tag-like is dropped silently.
 */
export function scanCommentForTags(text: string, syntaxes: CompiledTagSyntaxes, isTestFile: boolean): CommentScan {
  const scan = new ScanState();
  const contextual: Relation = isTestFile ? 'verifies' : 'implements';
  if (syntaxes.enabled.has('spdf')) scanSpdf(text, scan);
  if (syntaxes.enabled.has('oft')) scanOft(text, syntaxes, scan);
  if (syntaxes.enabled.has('strictdoc')) scanStrictDoc(text, contextual, scan);
  if (syntaxes.enabled.has('lobster')) scanLobster(text, contextual, scan);
  scanTagPatterns(text, syntaxes, contextual, scan);
  if (syntaxes.enabled.has('bare')) scanBare(text, syntaxes, contextual, scan, scan.spans);
  for (const offset of tagCandidateOffsets(text, syntaxes)) {
    if (scan.covers(offset)) continue;
    const end = lineEndOf(text, offset);
    scan.problem({ kind: 'malformed-tag', message: `'${tagSnippet(text, offset, end)}' looks like a tag but could not be read`, start: offset, end });
  }
  scan.tags.sort((a, b) => a.idStart - b.idStart);
  scan.problems.sort((a, b) => a.start - b.start);
  return { tags: scan.tags.map((t) => normalized(t, syntaxes)), exclusions: scan.exclusions, problems: scan.problems };
}

/** The tag with its ID as resolved against the model; `written` keeps the text when they differ. */
export function normalized(tag: RawTag, syntaxes: CompiledTagSyntaxes): RawTag {
  const written = tag.written ?? tag.id;
  const id = syntaxes.normalizeId(tag.id);
  return id === written ? tag : { ...tag, id, written };
}

/** `A, B` split on `separator` within [start, end) of `text`, each ID with its offset; empty parts dropped. */
export function splitIds(text: string, start: number, end: number, separator: string): { id: string; start: number }[] {
  const ids: { id: string; start: number }[] = [];
  let pos = start;
  for (const part of text.slice(start, end).split(separator)) {
    const lead = part.length - part.trimStart().length;
    const id = part.trim();
    if (id) ids.push({ id, start: pos + lead });
    pos += part.length + separator.length;
  }
  return ids;
}

function scanTagPatterns(text: string, syntaxes: CompiledTagSyntaxes, contextual: Relation, scan: ScanState): void {
  for (const tp of syntaxes.tagPatterns) {
    const { pattern } = tp;
    for (const m of pattern.groupMatches(text)) {
      if (scan.overlaps(m.start, m.end)) continue;
      const rel = m.groups.relation;
      let relation = tp.relation ?? contextual;
      if (rel && tp.relations) {
        const word = text.slice(rel.start, rel.end);
        const mapped = Object.hasOwn(tp.relations, word) ? tp.relations[word] : undefined;
        if (!mapped) {
          const known = Object.keys(tp.relations);
          const guess = nearest(word, known);
          scan.problem({
            kind: 'unknown-relation',
            message: `'${word}' maps to no relation in the tag pattern's relations (known: ${known.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
            start: m.start,
            end: m.end,
            ...(guess ? { suggestion: { start: rel.start, end: rel.end, text: guess } } : {}),
          });
          continue;
        }
        relation = mapped;
      }
      const group = pattern.groupNames.includes('ids') ? m.groups.ids : m;
      const ids = group ? splitIds(text, group.start, group.end, tp.idSeparator) : [];
      if (!ids.length) {
        scan.problem({ kind: 'malformed-tag', message: `'${tagSnippet(text, m.start, m.end)}' matches a tag pattern but names no ID`, start: m.start, end: m.end });
        continue;
      }
      scan.consume(m.start, m.end);
      for (const { id, start } of ids) {
        scan.tags.push({ syntax: 'pattern', id, idStart: start, idEnd: start + id.length, relation, tagStart: m.start, tagEnd: m.end });
      }
    }
  }
}

const RELATION_LIST = 'implements, verifies, mitigates or hazard';
const RELATION_FORMS: Readonly<Record<string, Relation>> = {
  impl: 'implements',
  implement: 'implements',
  implemented: 'implements',
  implementation: 'implements',
  implementing: 'implements',
  verify: 'verifies',
  verified: 'verifies',
  verification: 'verifies',
  test: 'verifies',
  tests: 'verifies',
  tested: 'verifies',
  mitigate: 'mitigates',
  mitigated: 'mitigates',
  mitigation: 'mitigates',
  hazards: 'hazard',
};

/** The relation a mistyped word most likely means, if any. */
export function suggestRelation(word: string): Relation | undefined {
  const lower = word.toLowerCase();
  if (isRelation(lower)) return lower;
  return RELATION_FORMS[lower] ?? (nearest(lower, RELATIONS) as Relation | undefined);
}

function scanSpdf(text: string, scan: ScanState): void {
  const re = /@spdf\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const relAt = skipSpaces(text, start + m[0].length);
    const relation = readSticky(WORD, text, relAt);
    if (!relation) {
      scan.problem({ kind: 'malformed-tag', message: `'@spdf' needs a relation (${RELATION_LIST}) and an ID`, start, end: start + m[0].length });
      continue;
    }
    const relEnd = relAt + relation.length;
    const list = readIdList(text, relEnd);
    if (!isRelation(relation)) {
      const guess = suggestRelation(relation);
      scan.problem({
        kind: 'unknown-relation',
        message: `unknown relation '${relation}' (expected ${RELATION_LIST})${guess ? `; did you mean '${guess}'?` : ''}`,
        start,
        end: Math.max(relEnd, list.end),
        ...(guess ? { suggestion: { start: relAt, end: relEnd, text: guess } } : {}),
      });
      re.lastIndex = Math.max(relEnd, list.end);
      continue;
    }
    if (list.ids.length === 0) {
      scan.problem({ kind: 'malformed-tag', message: `'@spdf ${relation}' needs at least one ID`, start, end: relEnd });
      continue;
    }
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'spdf', id, idStart, idEnd: idStart + id.length, relation, tagStart: start, tagEnd: list.end });
    }
    scan.consume(start, list.end);
    re.lastIndex = list.end;
  }
}

const OFT_FULL = /\[\s*([A-Za-z]\w*)(?:~[^\]~\s]+~\d+)?\s*->\s*([A-Za-z]\w*)~([^\]~\s]+)~(\d+)\s*\]/y;

function scanOft(text: string, syntaxes: CompiledTagSyntaxes, scan: ScanState): void {
  const re = new RegExp(OFT_START, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    OFT_FULL.lastIndex = start;
    const match = OFT_FULL.exec(text);
    if (!match) {
      const close = text.indexOf(']', start);
      const end = close === -1 || close > lineEndOf(text, start) ? lineEndOf(text, start) : close + 1;
      scan.problem({
        kind: 'malformed-tag',
        message: `'${tagSnippet(text, start, end)}' is not a complete OpenFastTrace tag; write [impl->req~NAME~REVISION]`,
        start,
        end,
      });
      re.lastIndex = end;
      continue;
    }
    const [whole, covering, target, name, revision] = match;
    const end = start + whole.length;
    re.lastIndex = end;
    const relation = Object.hasOwn(syntaxes.oftRelations, covering) ? syntaxes.oftRelations[covering] : undefined;
    if (!relation) {
      const known = Object.keys(syntaxes.oftRelations);
      const guess = nearest(covering, known);
      const typeAt = start + whole.indexOf(covering);
      scan.problem({
        kind: 'unknown-relation',
        message: `OpenFastTrace artifact type '${covering}' maps to no relation (known: ${known.join(', ')}; map it in code.oft_relations)${guess ? `; did you mean '${guess}'?` : ''}`,
        start,
        end,
        ...(guess ? { suggestion: { start: typeAt, end: typeAt + covering.length, text: guess } } : {}),
      });
      continue;
    }
    scan.consume(start, end);
    const nameStart = start + whole.lastIndexOf(`~${name}~`) + 1;
    const full = syntaxes.oftIds === 'full';
    const idStart = full ? nameStart - target.length - 1 : nameStart;
    scan.tags.push({
      syntax: 'oft',
      id: full ? `${target}~${name}` : name,
      idStart,
      idEnd: nameStart + name.length,
      relation,
      tagStart: start,
      tagEnd: end,
      revision: Number(revision),
      artifactType: covering,
    });
  }
}

const STRICTDOC_SCOPES: ReadonlySet<string> = new Set<StrictDocScope>(['function', 'method', 'class', 'file', 'line', 'range_start', 'range_end']);
const ROLE_RELATIONS: Readonly<Record<string, Relation>> = {
  test: 'verifies',
  tests: 'verifies',
  verification: 'verifies',
  verify: 'verifies',
  implementation: 'implements',
  implement: 'implements',
  mitigation: 'mitigates',
};

function scanStrictDoc(text: string, contextual: Relation, scan: ScanState): void {
  const re = /@relation\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const lineEnd = lineEndOf(text, start);
    const close = text.indexOf(')', start);
    if (close === -1 || close > lineEnd) {
      scan.problem({ kind: 'malformed-tag', message: "'@relation(' is not closed with ')' on the same line", start, end: lineEnd });
      continue;
    }
    const end = close + 1;
    re.lastIndex = end;
    let pos = start + '@relation('.length;
    const ids: { id: string; start: number }[] = [];
    let scope: StrictDocScope | undefined;
    let role: string | undefined;
    const errors: string[] = [];
    let suggestion: RawTagProblem['suggestion'];
    for (const part of text.slice(pos, close).split(',')) {
      const lead = part.length - part.trimStart().length;
      const value = part.trim();
      const at = pos + lead;
      pos += part.length + 1;
      if (!value) continue;
      const eq = value.indexOf('=');
      if (eq < 0) {
        if (readSticky(ID, value, 0) === value) ids.push({ id: value, start: at });
        else errors.push(`'${value}' is not an ID`);
        continue;
      }
      const key = value.slice(0, eq).trim();
      const v = value.slice(eq + 1).trim();
      if (key === 'scope') {
        if (STRICTDOC_SCOPES.has(v)) scope = v as StrictDocScope;
        else {
          const guess = nearest(v, STRICTDOC_SCOPES);
          const vAt = at + value.lastIndexOf(v);
          if (guess) suggestion = { start: vAt, end: vAt + v.length, text: guess };
          errors.push(`unknown StrictDoc scope '${v}' (expected ${[...STRICTDOC_SCOPES].join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`);
        }
      } else if (key === 'role') role = v;
      else {
        const guess = nearest(key, ['scope', 'role']);
        errors.push(`unknown @relation key '${key}' (expected scope or role)${guess ? `; did you mean '${guess}'?` : ''}`);
      }
    }
    if (ids.length === 0) errors.push('@relation(...) names no ID');
    if (errors.length) {
      scan.problem({ kind: 'malformed-tag', message: errors.join('; '), start, end, ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    scan.consume(start, end);
    const roleKey = role?.toLowerCase();
    const relation = roleKey === undefined ? contextual : isRelation(roleKey) ? roleKey : (ROLE_RELATIONS[roleKey] ?? contextual);
    for (const { id, start: idStart } of ids) {
      scan.tags.push({
        syntax: 'strictdoc',
        id,
        idStart,
        idEnd: idStart + id.length,
        relation,
        tagStart: start,
        tagEnd: end,
        ...(scope ? { scope } : {}),
        ...(role ? { artifactType: role } : {}),
      });
    }
  }
}

function scanLobster(text: string, contextual: Relation, scan: ScanState): void {
  const re = /lobster-(trace|exclude):/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const after = start + m[0].length;
    if (m[1] === 'exclude') {
      const raw = text.slice(after, lineEndOf(text, after));
      const reason = raw.replace(/\s*(?:\*\/|-->)\s*$/, '').trim();
      const end = after + raw.length;
      if (!reason) scan.problem({ kind: 'malformed-tag', message: 'lobster-exclude needs a reason', start, end });
      else {
        scan.consume(start, end);
        scan.exclusions.push({ reason, start, end });
      }
      continue;
    }
    const list = readIdList(text, after);
    if (list.ids.length === 0) {
      scan.problem({ kind: 'malformed-tag', message: 'lobster-trace needs an ID', start, end: after });
      continue;
    }
    scan.consume(start, list.end);
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'lobster', id, idStart, idEnd: idStart + id.length, relation: contextual, tagStart: start, tagEnd: list.end });
    }
  }
}

function scanBare(text: string, syntaxes: CompiledTagSyntaxes, contextual: Relation, scan: CommentScan, consumed: [number, number][]): void {
  const overlaps = (s: number, e: number) => consumed.some(([cs, ce]) => s < ce && e > cs);
  for (const pattern of syntaxes.barePatterns) {
    for (const { start, end } of pattern.matches(text)) {
      if (overlaps(start, end)) continue;
      consumed.push([start, end]);
      scan.tags.push({ syntax: 'bare', id: text.slice(start, end), idStart: start, idEnd: end, relation: contextual, tagStart: start, tagEnd: end });
    }
  }
}
