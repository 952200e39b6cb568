// @spdf implements SPDF-FC-REGEX
import ignore, { type Ignore } from 'ignore';
import { RE2JS } from 're2js';
import { boundedMemo } from './bounded-memo';

/** A .gitignore line whose pattern the linear-time engine does not run (it is applied as the `ignore` package does). */
export interface GitignoreProblem {
  /** 0-based line of the .gitignore. */
  line: number;
  pattern: string;
  message: string;
}

/** The rules of one .gitignore file. */
export interface GitignoreRules {
  /** `ignore().add(text).ignores(path)`: a folder is asked with its trailing slash, as the walk does. */
  ignores(path: string): boolean;
  /** Lines applied by a backtracking regex, not in linear time: each is an input problem at its line. */
  readonly problems: readonly GitignoreProblem[];
}

/** What this module reads of an `ignore` rule (its internals: test/core/gitignore.test.ts guards the shape). */
interface IgnoreRule {
  pattern: string;
  negative: boolean;
  regex: RegExp;
}

type Test = (path: string) => boolean;

/**
 * A .gitignore file's rules with the `ignore` package's semantics (v7: default case-insensitivity, negation, directory
 * rules with a trailing `/`, anchoring, escapes, a path under an ignored folder is ignored), matched in linear time.
 * `ignore` stays the parser: each rule's compiled regular expression is rewritten for RE2 (re2js), which never
 * backtracks. `ignore` runs them in the JavaScript engine, where the `(?:\/[^\/]+)*` of a `/**\/` backtracks: one
 * `a/**\/a/**\/a/**\/a/**\/a/**\/a/**\/b` took 4.8 s on one path of 60 folders, and a cloned repository with such a
 * .gitignore and one deep folder hung the walk. A rule whose expression holds something the rewrite does not know (a
 * later `ignore` writing another shape) runs as `ignore` runs it, and is a problem at its line. `parse` is for tests.
 */
export function gitignoreRules(text: string, parse: (text: string) => Ignore = (t) => ignore().add(t)): GitignoreRules {
  const ig = parse(text);
  const rules = rulesOf(ig);
  if (rules === undefined) {
    // Not the rule list this module knows: `ignore` answers, as before, and the file is a problem at its first line.
    return { ignores: (p) => ig.ignores(p), problems: [{ line: 0, pattern: '', message: SHAPE_PROBLEM }] };
  }
  const lines = lineNumbers(text, rules);
  const tests: { negative: boolean; test: Test }[] = [];
  const linear: string[] = [];
  const problems: GitignoreProblem[] = [];
  rules.forEach((rule, index) => {
    const translated = translatedRule(rule.regex.source, rule.regex.flags);
    if (typeof translated === 'string') {
      const re = RE2JS.compile(translated);
      tests.push({ negative: rule.negative, test: (p) => re.matcher(p).find() });
      linear.push(translated);
    } else {
      problems.push({ line: lines[index], pattern: rule.pattern, message: `${translated.why}: applied by a backtracking regular expression, not in linear time` });
      tests.push({ negative: rule.negative, test: (p) => rule.regex.test(unmapped(p)) });
    }
  });
  // Most paths match no rule: one expression of all of them says so in one pass.
  const anyLinear = linear.length === tests.length && linear.length ? RE2JS.compile(linear.map((s) => `(?:${s})`).join('|')) : undefined;
  const ruleTest = (mapped: string): boolean => {
    if (anyLinear !== undefined && !anyLinear.matcher(mapped).find()) return false;
    // The last rule that matches decides (a `!` rule re-includes).
    for (let i = tests.length - 1; i >= 0; i--) if (tests[i].test(mapped)) return !tests[i].negative;
    return false;
  };
  // `ignore`'s own walk up the parents: a path under an ignored folder is ignored, whatever a later `!` says.
  const cache = new Map<string, boolean>();
  const decide = (path: string): boolean => {
    let answer = cache.get(path);
    if (answer === undefined) {
      const parent = parentOf(path);
      answer = (parent !== '' && decide(parent)) || ruleTest(mapped(path));
      cache.set(path, answer);
    }
    return answer;
  };
  return {
    // A path `ignore` refuses (empty, absolute, `./`, `../`) is answered by `ignore`, which throws as before.
    ignores: (p) => (typeof p !== 'string' || !p || isNotRelative(p) ? ig.ignores(p) : decide(p)),
    problems,
  };
}

const SHAPE_PROBLEM = 'the `ignore` package keeps its rules another way than this version of SPDF Workbench reads: the file is applied by backtracking regular expressions, not in linear time';

/** The rules `ignore` compiled, or undefined when its internals are not the shape read here. */
export function rulesOf(ig: Ignore): IgnoreRule[] | undefined {
  const rules = (ig as unknown as { _rules?: { _rules?: unknown } })._rules?._rules;
  if (!Array.isArray(rules)) return undefined;
  for (const rule of rules as Partial<IgnoreRule>[]) {
    if (typeof rule !== 'object' || rule === null || typeof rule.pattern !== 'string' || typeof rule.negative !== 'boolean') return undefined;
    if (!(rule.regex instanceof RegExp)) return undefined;
  }
  return rules as IgnoreRule[];
}

/** The 0-based line of each rule: `ignore` splits the text as here and keeps each rule's raw line. */
function lineNumbers(text: string, rules: readonly IgnoreRule[]): number[] {
  const lines = (text.endsWith('\r') ? text.slice(0, -1) : text).split(/\r?\n/);
  const out: number[] = [];
  let at = 0;
  for (const rule of rules) {
    while (at < lines.length && lines[at] !== rule.pattern) at++;
    out.push(Math.min(at, lines.length - 1));
    at++;
  }
  return out;
}

/** `ignore`'s parent of a path, with its trailing slash ('' for none). */
function parentOf(path: string): string {
  if (path.startsWith('/') || path.includes('//')) {
    const slices = path.split('/').filter(Boolean);
    slices.pop();
    return slices.length ? `${slices.join('/')}/` : '';
  }
  const end = path.length - 1;
  const cut = path.lastIndexOf('/', path.endsWith('/') ? end - 1 : end);
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/** `ignore`'s test of a path it refuses. */
function isNotRelative(path: string): boolean {
  return path.startsWith('/') || path === '.' || path === '..' || path.startsWith('./') || path.startsWith('../');
}

/*
 * RE2 reads a string by code points, JavaScript's regular expressions (without `u`, as `ignore` writes them) by UTF-16
 * code units: a `?` is one code unit to `ignore`. Each surrogate code unit of a path is moved to a code point of its
 * own (plane 15, private use), and every expression here is written over those, so both count alike.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATES = /[\uD800-\uDFFF]/g;
const MOVED = 0xf0000 - 0xd800;
const mapped = (path: string): string => (SURROGATE.test(path) ? path.replace(SURROGATES, (c) => String.fromCodePoint(c.charCodeAt(0) + MOVED)) : path);
const unmapped = (path: string): string => path.replace(/[\u{F0000}-\u{F07FF}]/gu, (c) => String.fromCharCode(c.codePointAt(0)! - MOVED));

/** Why a rule's expression is not rewritten. */
interface Untranslated {
  why: string;
}

/** `ignore`'s expression as RE2's, or why not (memoised: a language server reads the same files again). */
const translatedRule = (source: string, flags: string): string | Untranslated => translatedMemo(JSON.stringify([source, flags]));

const translatedMemo = boundedMemo(4096, (key): string | Untranslated => {
  const [source, flags] = JSON.parse(key) as [string, string];
  try {
    const out = translate(source, flags);
    RE2JS.compile(out);
    return out;
  } catch (error) {
    return { why: (error as Error).message };
  }
});

/**
 * The RE2 expression that matches what `ignore`'s expression `source` (with `flags`) matches, by `test`: the subset
 * `ignore` writes (anchors, `(?:...)` groups with `|` and quantifiers, classes, escaped literals, the end lookahead
 * `(?=$|\/$)`, the `(?!\/)` before a class that could take `/`, and the pinned wildcard `(?:(?!X)[^\/])*`). Each
 * character and class becomes the explicit class of the code units it matches under `flags` (JavaScript's own case
 * folding, which RE2's differs from), so no case-insensitive flag is needed.
 */
function translate(source: string, flags: string): string {
  if (flags !== 'i' && flags !== '') throw new Error(`an expression with flags '${flags}'`);
  const ci = flags === 'i';
  let i = 0;
  let out = '';
  let depth = 0;
  let quantifiable = false;
  /** One character-matching atom at `i` (a class, an escape or a literal), as its set of code units. */
  const atom = (): CodeUnitSet => {
    const c = source[i];
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      while (source[j] !== ']') {
        if (j >= source.length) throw new Error('an unterminated class');
        j += source[j] === '\\' ? 2 : 1;
      }
      const cls = source.slice(i, j + 1);
      i = j + 1;
      return classSet(cls, ci);
    }
    if (c === '\\') {
      const n = source[i + 1];
      // `RegExp.prototype.source` writes a line break in a pattern as an escape.
      const u = /^u[0-9a-fA-F]{4}/.exec(source.slice(i + 1, i + 6));
      if (u) {
        i += 6;
        return literalSet(String.fromCharCode(parseInt(u[0].slice(1), 16)), ci);
      }
      const control = n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : undefined;
      if (control === undefined && (n === undefined || /[0-9A-Za-z]/.test(n))) throw new Error(`the escape \\${n ?? ''}`);
      i += 2;
      return literalSet(control ?? n, ci);
    }
    if (c === '.' || c === '{' || c === undefined || '()|*+?^$'.includes(c)) throw new Error(`'${c ?? 'end'}' where a character was expected`);
    i++;
    return literalSet(c, ci);
  };
  while (i < source.length) {
    const rest = source.slice(i);
    const c = source[i];
    if (c === '^' || c === '$') {
      out += c;
      i++;
      quantifiable = false;
    } else if (rest === '(?=$|\\/$)') {
      // At the very end, a lookahead and the same test consumed are one answer to `test`.
      out += '(?:$|/$)';
      i = source.length;
      quantifiable = false;
    } else if (rest.startsWith('(?!\\/)[')) {
      i += '(?!\\/)'.length;
      out += setSource(without(atom(), 0x2f));
      quantifiable = true;
    } else if (rest.startsWith('(?:(?!')) {
      // The pinned wildcard: a run of non-slashes that stops where the piece X after it first fits. Which paths match
      // is that of `[^\/]*` (ignore pins only to stop backtracking; the differential test holds the two alike).
      i += 6;
      while (source[i] !== ')') atom();
      i++;
      if (!source.startsWith('[^\\/])*', i)) throw new Error('a lookahead that is not a pinned wildcard');
      i += '[^\\/])*'.length;
      out += `${setSource(without(ALL, 0x2f))}*`;
      quantifiable = false;
    } else if (rest.startsWith('(?:')) {
      out += '(?:';
      i += 3;
      depth++;
      quantifiable = false;
    } else if (c === '(') {
      throw new Error(`the group ${rest.slice(0, 4)}`);
    } else if (c === ')') {
      if (--depth < 0) throw new Error('an unbalanced )');
      out += ')';
      i++;
      quantifiable = true;
    } else if (c === '|') {
      out += '|';
      i++;
      quantifiable = false;
    } else if (c === '*' || c === '+' || c === '?') {
      if (!quantifiable) throw new Error(`a quantifier ${c} after nothing to repeat`);
      if ('*+?{'.includes(source[i + 1] ?? '')) throw new Error('a lazy or repeated quantifier');
      out += c;
      i++;
      quantifiable = false;
    } else {
      out += setSource(atom());
      quantifiable = true;
    }
  }
  if (depth !== 0) throw new Error('an unbalanced (');
  return out;
}

/** Sorted, disjoint, inclusive ranges of UTF-16 code units. */
type CodeUnitSet = readonly (readonly [number, number])[];

const ALL: CodeUnitSet = [[0, 0xffff]];

function without(set: CodeUnitSet, unit: number): CodeUnitSet {
  return set.flatMap(([a, b]): [number, number][] => {
    if (unit < a || unit > b) return [[a, b]];
    const parts: [number, number][] = [];
    if (a < unit) parts.push([a, unit - 1]);
    if (unit < b) parts.push([unit + 1, b]);
    return parts;
  });
}

const hex = (n: number) => `\\x{${n.toString(16)}}`;

/** An RE2 class of the set, surrogate code units moved as `mapped` moves them. */
function setSource(set: CodeUnitSet): string {
  const parts: string[] = [];
  const push = (a: number, b: number) => parts.push(a === b ? hex(a) : `${hex(a)}-${hex(b)}`);
  for (const [a, b] of set) {
    for (const [lo, hi, shift] of [
      [0, 0xd7ff, 0],
      [0xd800, 0xdfff, MOVED],
      [0xe000, 0xffff, 0],
    ]) {
      const x = Math.max(a, lo);
      const y = Math.min(b, hi);
      if (x <= y) push(x + shift, y + shift);
    }
  }
  return parts.length ? `[${parts.join('')}]` : '[^\\x{0}-\\x{10ffff}]';
}

/** The code units a JavaScript expression of one character matches, `test` over each of them. */
function unitsOf(re: RegExp, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let u = from; u <= to; u++) {
    if (!re.test(String.fromCharCode(u))) continue;
    const last = out[out.length - 1];
    if (last && last[1] === u - 1) last[1] = u;
    else out.push([u, u]);
  }
  return out;
}

/** A class whose members are all ASCII: under JavaScript's case folding (without `u`) no other code unit folds onto one. */
const ASCII_CLASS = /^\[\^?(?:[\x20-\x5b\x5d-\x7e]|\\[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]|\\[tnr]|\\x[0-7][0-9a-fA-F])*\]$/;

const classSet = (cls: string, ci: boolean): CodeUnitSet => classMemo(`${ci ? 'i' : ''}${cls}`);

const classMemo = boundedMemo(4096, (key): CodeUnitSet => {
  const ci = key.startsWith('i');
  const cls = ci ? key.slice(1) : key;
  const re = new RegExp(`^${cls}$`, ci ? 'i' : '');
  if (cls === '[\\s\\S]') return ALL;
  if (ASCII_CLASS.test(cls)) {
    // Every non-ASCII code unit is outside a plain class and inside a negated one.
    const ascii = unitsOf(re, 0, 0x7f);
    return cls.startsWith('[^') ? mergeRanges([...ascii, [0x80, 0xffff]]) : ascii;
  }
  return unitsOf(re, 0, 0xffff);
});

function mergeRanges(ranges: [number, number][]): CodeUnitSet {
  const out: [number, number][] = [];
  for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The code units a literal character matches: itself, and under `i` each one of the same JavaScript case fold. */
function literalSet(c: string, ci: boolean): CodeUnitSet {
  const u = c.charCodeAt(0);
  if (!ci) return [[u, u]];
  if (u < 0x80) {
    const lower = c.toLowerCase().charCodeAt(0);
    const upper = c.toUpperCase().charCodeAt(0);
    return mergeRanges([...new Set([u, lower, upper])].map((x) => [x, x] as [number, number]));
  }
  return foldMemo(c);
}

const foldMemo = boundedMemo(4096, (c): CodeUnitSet => unitsOf(new RegExp(`^${c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'i'), 0, 0xffff));
