import { compileUserPattern, type UserPattern } from '../user-pattern';
import { isRelation, type Relation, type TagSyntax, TAG_SYNTAXES } from './model';

/**
 * Tag syntaxes recognised inside comments:
 * - `spdf`      `@spdf <implements|verifies|mitigates|hazard> ID[, ID...]` (always on unless removed)
 * - `oft`       OpenFastTrace `[impl->req~SEC-REQ-014~2]`: links the name, records the revision; the covering
 *               artifact type maps to a relation (`oftRelations`)
 * - `strictdoc` `@relation(ID[, ID...], scope=function|class|file|line, role=...)`
 * - `lobster`   `lobster-trace: ID[, ID...]` and `lobster-exclude: reason`
 * - `bare`      any match of `bareIdPatterns` inside a comment
 * Tags without an explicit relation (lobster, bare, strictdoc without a role) mean `verifies` in test files
 * and `implements` elsewhere.
 */
export interface TagSyntaxOptions {
  syntaxes?: readonly TagSyntax[];
  bareIdPatterns?: readonly string[];
  oftRelations?: Readonly<Record<string, Relation>>;
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
    problems,
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
  if (!syntaxes.barePatterns.length) return offsets;
  for (const pattern of syntaxes.barePatterns) for (const m of pattern.matches(text)) offsets.push(m.start);
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
  scope?: 'function' | 'class' | 'file' | 'line';
}

export interface RawExclusion {
  reason: string;
  start: number;
  end: number;
}

export interface RawTagProblem {
  kind: 'malformed-tag' | 'unknown-relation';
  message: string;
  start: number;
  end: number;
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

/** Scans one comment's text for tags of every enabled syntax. */
export function scanCommentForTags(
  text: string,
  syntaxes: CompiledTagSyntaxes,
  isTestFile: boolean,
): CommentScan {
  const scan: CommentScan = { tags: [], exclusions: [], problems: [] };
  const contextual: Relation = isTestFile ? 'verifies' : 'implements';
  const consumed: [number, number][] = [];
  if (syntaxes.enabled.has('spdf')) scanSpdf(text, scan, consumed);
  if (syntaxes.enabled.has('oft')) scanOft(text, syntaxes, scan, consumed);
  if (syntaxes.enabled.has('strictdoc')) scanStrictDoc(text, contextual, scan, consumed);
  if (syntaxes.enabled.has('lobster')) scanLobster(text, contextual, scan, consumed);
  if (syntaxes.enabled.has('bare')) scanBare(text, syntaxes, contextual, scan, consumed);
  scan.tags.sort((a, b) => a.idStart - b.idStart);
  return scan;
}

function scanSpdf(text: string, scan: CommentScan, consumed: [number, number][]): void {
  const re = /@spdf\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const relAt = skipSpaces(text, start + m[0].length);
    const relation = readSticky(WORD, text, relAt);
    if (!relation) {
      scan.problems.push({
        kind: 'malformed-tag',
        message: "'@spdf' needs a relation (implements, verifies, mitigates or hazard) and an ID",
        start,
        end: start + m[0].length,
      });
      continue;
    }
    const relEnd = relAt + relation.length;
    if (!isRelation(relation)) {
      scan.problems.push({
        kind: 'unknown-relation',
        message: `unknown relation '${relation}' (expected implements, verifies, mitigates or hazard)`,
        start: relAt,
        end: relEnd,
      });
      consumed.push([start, relEnd]);
      continue;
    }
    const list = readIdList(text, relEnd);
    if (list.ids.length === 0) {
      scan.problems.push({ kind: 'malformed-tag', message: `'@spdf ${relation}' needs at least one ID`, start, end: relEnd });
      consumed.push([start, relEnd]);
      continue;
    }
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'spdf', id, idStart, idEnd: idStart + id.length, relation, tagStart: start, tagEnd: list.end });
    }
    consumed.push([start, list.end]);
    re.lastIndex = list.end;
  }
}

function scanOft(text: string, syntaxes: CompiledTagSyntaxes, scan: CommentScan, consumed: [number, number][]): void {
  const re = /\[\s*([A-Za-z]\w*)(?:~[^\]~\s]+~\d+)?\s*->\s*([A-Za-z]\w*)~([^\]~\s]+)~(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [whole, covering, , name, revision] = m;
    const start = m.index;
    const end = start + whole.length;
    consumed.push([start, end]);
    const relation = syntaxes.oftRelations[covering];
    if (!relation) {
      scan.problems.push({
        kind: 'unknown-relation',
        message: `OpenFastTrace artifact type '${covering}' maps to no relation (configure oftRelations)`,
        start,
        end,
      });
      continue;
    }
    const idStart = start + whole.lastIndexOf(`~${name}~`) + 1;
    scan.tags.push({
      syntax: 'oft',
      id: name,
      idStart,
      idEnd: idStart + name.length,
      relation,
      tagStart: start,
      tagEnd: end,
      revision: Number(revision),
      artifactType: covering,
    });
  }
}

const STRICTDOC_SCOPES = new Set(['function', 'class', 'file', 'line']);
const ROLE_RELATIONS: Readonly<Record<string, Relation>> = {
  test: 'verifies',
  tests: 'verifies',
  verification: 'verifies',
  verify: 'verifies',
  implementation: 'implements',
  implement: 'implements',
  mitigation: 'mitigates',
};

function scanStrictDoc(text: string, contextual: Relation, scan: CommentScan, consumed: [number, number][]): void {
  const re = /@relation\(([^)]*)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    consumed.push([start, end]);
    let pos = start + '@relation('.length;
    const ids: { id: string; start: number }[] = [];
    let scope: RawTag['scope'];
    let role: string | undefined;
    let bad = false;
    for (const part of m[1].split(',')) {
      const lead = part.length - part.trimStart().length;
      const value = part.trim();
      const at = pos + lead;
      pos += part.length + 1;
      if (!value) continue;
      const eq = value.indexOf('=');
      if (eq >= 0) {
        const key = value.slice(0, eq).trim();
        const v = value.slice(eq + 1).trim();
        if (key === 'scope') {
          if (STRICTDOC_SCOPES.has(v)) scope = v as RawTag['scope'];
          else {
            bad = true;
            scan.problems.push({ kind: 'malformed-tag', message: `unknown StrictDoc scope '${v}'`, start: at, end: at + value.length });
          }
        } else if (key === 'role') role = v;
      } else if (readSticky(ID, value, 0) === value) {
        ids.push({ id: value, start: at });
      } else {
        bad = true;
        scan.problems.push({ kind: 'malformed-tag', message: `'${value}' is not an ID`, start: at, end: at + value.length });
      }
    }
    if (bad) continue;
    if (ids.length === 0) {
      scan.problems.push({ kind: 'malformed-tag', message: '@relation(...) names no ID', start, end });
      continue;
    }
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

function scanLobster(text: string, contextual: Relation, scan: CommentScan, consumed: [number, number][]): void {
  const re = /lobster-(trace|exclude):/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const after = start + m[0].length;
    if (m[1] === 'exclude') {
      const lineEnd = text.indexOf('\n', after);
      const raw = text.slice(after, lineEnd === -1 ? text.length : lineEnd);
      const reason = raw.replace(/\s*(?:\*\/|-->)\s*$/, '').trim();
      const end = after + raw.length;
      consumed.push([start, end]);
      if (!reason) scan.problems.push({ kind: 'malformed-tag', message: 'lobster-exclude needs a reason', start, end });
      else scan.exclusions.push({ reason, start, end });
      continue;
    }
    const list = readIdList(text, after);
    consumed.push([start, Math.max(after, list.end)]);
    if (list.ids.length === 0) {
      scan.problems.push({ kind: 'malformed-tag', message: 'lobster-trace needs an ID', start, end: after });
      continue;
    }
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'lobster', id, idStart, idEnd: idStart + id.length, relation: contextual, tagStart: start, tagEnd: list.end });
    }
  }
}

function scanBare(
  text: string,
  syntaxes: CompiledTagSyntaxes,
  contextual: Relation,
  scan: CommentScan,
  consumed: [number, number][],
): void {
  const overlaps = (s: number, e: number) => consumed.some(([cs, ce]) => s < ce && e > cs);
  for (const pattern of syntaxes.barePatterns) {
    for (const { start, end } of pattern.matches(text)) {
      if (overlaps(start, end)) continue;
      consumed.push([start, end]);
      scan.tags.push({ syntax: 'bare', id: text.slice(start, end), idStart: start, idEnd: end, relation: contextual, tagStart: start, tagEnd: end });
    }
  }
}
