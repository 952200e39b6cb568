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
  /** The pattern without its `!` and trailing spaces: one with no `/` but a last one `ignore` may ask of the last name alone. */
  body: string;
}

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
  const problems: GitignoreProblem[] = [];
  // `ignore` asks a rule without a `/` (but a last one) of the last name alone when half of the rules or more are such:
  // the same answer, but on a path with an empty name (`a//`), which the walk never asks.
  const basenameOnly = (rule: IgnoreRule) => !rule.body.slice(0, -1).includes('/');
  const byBasename = rules.filter(basenameOnly).length * 2 >= rules.length;
  const tests = rules.map((rule, index): { negative: boolean; basename: boolean; test: Test } => {
    const basename = byBasename && basenameOnly(rule);
    const { source, flags } = rule.regex;
    const byJs: Test = (q) => rule.regex.test(q.path);
    const shape = shapeTest(source, flags);
    if (shape) {
      // The string test answers every path the walk asks; RE2 only another one.
      let other: Test | undefined;
      const otherTest = (q: Query) => (other ??= testOf(translatedRule(source, flags), source, flags, byJs) ?? byJs)(q);
      return { negative: rule.negative, basename, test: (q) => (q.plain ? shape(q) : otherTest(q)) };
    }
    const translated = translatedRule(source, flags);
    const test = testOf(translated, source, flags, byJs);
    if (test) return { negative: rule.negative, basename, test };
    problems.push({ line: lines[index], pattern: rule.pattern, message: `${(translated as Untranslated).why}: applied by a backtracking regular expression, not in linear time` });
    return { negative: rule.negative, basename, test: byJs };
  });
  // `ignore`'s own walk up the parents: a path under an ignored folder is ignored, whatever a later `!` says.
  const cache = new Map<string, boolean>();
  const decide = (path: string): boolean => {
    let answer = cache.get(path);
    if (answer === undefined) {
      const parent = parentOf(path);
      answer = parent !== '' && decide(parent);
      if (!answer) {
        // The last rule that matches decides (a `!` rule re-includes).
        const q = new Query(path);
        let b: Query | undefined;
        for (let i = tests.length - 1; i >= 0; i--) {
          if (tests[i].test(tests[i].basename ? (b ??= new Query(basenameOf(path))) : q)) {
            answer = !tests[i].negative;
            break;
          }
        }
      }
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

/** One path as the rules read it: each view of it made once, when a rule first needs it. */
class Query {
  private lowerPath?: string;
  private mappedPath?: string;
  private lastName?: string;
  constructor(readonly path: string) {}
  /** Without `//`: the path whose last name the string tests take (the walk asks no other). */
  get plain(): boolean {
    return !this.path.includes('//');
  }
  /** A/Z as a/z, no other letter: how `ignore`'s expressions (JavaScript, `i`, no `u`) fold an ASCII letter. */
  get lower(): string {
    return (this.lowerPath ??= asciiLower(this.path));
  }
  /** The last name, without the trailing slash of a folder, ASCII letters folded. */
  get name(): string {
    if (this.lastName === undefined) {
      const end = this.dir ? this.lower.length - 1 : this.lower.length;
      this.lastName = this.lower.slice(this.lower.lastIndexOf('/', end - 1) + 1, end);
    }
    return this.lastName;
  }
  get dir(): boolean {
    return this.path.endsWith('/');
  }
  /** For RE2 (see `mapped`). */
  get forRe2(): string {
    return (this.mappedPath ??= mapped(this.path));
  }
}

type Test = (q: Query) => boolean;

const asciiLower = (s: string): string => (/[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);

/** Letters, digits and a few marks written as themselves, and an escaped dot (the literals of most .gitignore lines). */
const LIT = String.raw`(?:[A-Za-z0-9_ ~-]|\\\.)+`;
const END = String.raw`(\(\?=\$\|\\\/\$\)|\\\/\$)`;
/** `name`, `name/`: the last name equals the literal. */
const NAME_SHAPE = new RegExp(String.raw`^\(\?:\^\|\\\/\)(${LIT})${END}$`);
/** `*.ext`, `*.ext/`: the last name ends with the literal. */
const SUFFIX_SHAPE = new RegExp(String.raw`^\(\?:\^\|\\\/\)\[\^\\\/\]\*(${LIT})${END}$`);
/** `/path`, `a/b`, `/path/`: the path is the literal. */
const ANCHORED_SHAPE = new RegExp(String.raw`^\^((?:[A-Za-z0-9_ ~-]|\\[./])+)${END}$`);

/**
 * The string test of a rule of the most common shapes (a name, `*.ext`, an anchored path, each perhaps for folders
 * only), on a path without `//`: exact, for its ASCII literals fold as JavaScript folds them.
 */
function shapeTest(source: string, flags: string): Test | undefined {
  const shape = flags === 'i' ? (NAME_SHAPE.exec(source) ?? SUFFIX_SHAPE.exec(source) ?? ANCHORED_SHAPE.exec(source)) : null;
  if (!shape) return undefined;
  const literal = asciiLower(shape[1].replace(/\\(.)/g, '$1'));
  const dirOnly = shape[2] !== '(?=$|\\/$)';
  const kind = shape[0].startsWith('^') ? 'path' : shape[0].startsWith('(?:^|\\/)[^') ? 'suffix' : 'name';
  return (q) => {
    if (dirOnly && !q.dir) return false;
    if (kind === 'name') return q.name === literal;
    if (kind === 'suffix') return q.name.endsWith(literal);
    return q.lower === `${literal}/` || (!dirOnly && q.lower === literal);
  };
}

/**
 * The RE2 test of a rule, after a literal that every match holds (a path without it matches nothing: RE2 is not
 * asked); undefined for a rule RE2 does not run.
 */
function testOf(translated: string | Untranslated, source: string, flags: string, byJs: Test): Test | undefined {
  if (typeof translated !== 'string') return undefined;
  // Compiled when first asked (most rules never are, past their literal: a CLI run spares RE2's start-up).
  let re: RE2JS | null | undefined;
  const viaRe2: Test = (q) => {
    if (re === undefined) re = compiledRule(translated);
    return re ? re.matcher(q.forRe2).find() : byJs(q);
  };
  const need = requiredLiteral(source, flags === 'i');
  if (need.length < 2) return viaRe2;
  return flags === 'i' ? (q) => q.lower.includes(need) && viaRe2(q) : (q) => q.path.includes(need) && viaRe2(q);
}

/**
 * The longest run of ASCII literals that every match of `source` holds, outside groups, classes and quantifiers
 * ('' for none); folded as `i` folds them.
 */
function requiredLiteral(source: string, ci: boolean): string {
  let best = '';
  let run = '';
  const cut = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  const quantified = (at: number) => '*+?{'.includes(source[at] ?? ' ');
  /** The end of the class that starts at `at` (after its `]`). */
  const classEnd = (at: number) => {
    let j = at + 1;
    if (source[j] === '^') j++;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '|') return '';
    if (c === '(') {
      let depth = 0;
      do {
        if (source[i] === '\\') i += 2;
        else if (source[i] === '[') i = classEnd(i);
        else {
          if (source[i] === '(') depth++;
          else if (source[i] === ')') depth--;
          i++;
        }
      } while (i < source.length && depth > 0);
      if (quantified(i)) i++;
      cut();
    } else if (c === '[') {
      i = classEnd(i);
      if (quantified(i)) i++;
      cut();
    } else if (c === '\\') {
      const n = source[i + 1] ?? '';
      // `\u2028` (a line separator as `RegExp.prototype.source` writes it) is one character, not an ASCII one.
      i += n === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6)) ? 6 : 2;
      if (/[0-9A-Za-z]/.test(n) || quantified(i)) cut();
      else run += n;
    } else if (c.charCodeAt(0) < 0x80 && !'^$*+?.{}'.includes(c) && !quantified(i + 1)) {
      run += ci ? asciiLower(c) : c;
      i++;
    } else {
      i++;
      if (quantified(i)) i++;
      cut();
    }
  }
  cut();
  return best;
}

const SHAPE_PROBLEM = 'the `ignore` package keeps its rules another way than this version of SPDF Workbench reads: the file is applied by backtracking regular expressions, not in linear time';

/** The rules `ignore` compiled, or undefined when its internals are not the shape read here. */
export function rulesOf(ig: Ignore): IgnoreRule[] | undefined {
  const rules = (ig as unknown as { _rules?: { _rules?: unknown } })._rules?._rules;
  if (!Array.isArray(rules)) return undefined;
  for (const rule of rules as Partial<IgnoreRule>[]) {
    if (typeof rule !== 'object' || rule === null || typeof rule.pattern !== 'string' || typeof rule.negative !== 'boolean') return undefined;
    if (!(rule.regex instanceof RegExp) || typeof rule.body !== 'string') return undefined;
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

/** `ignore`'s last name of a path, with the trailing slash of a folder. */
function basenameOf(path: string): string {
  const end = path.length - 1;
  const at = path.lastIndexOf('/', path[end] === '/' ? end - 1 : end);
  return at < 0 ? path : path.slice(at + 1);
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

/** Why a rule's expression is not rewritten. */
interface Untranslated {
  why: string;
}

/** `ignore`'s expression as RE2's, or why not (memoised: a language server reads the same files again). */
/** `ignore`'s expression in RE2, or why not (memoised: a language server reads the same files again). */
/** `ignore`'s expression rewritten for RE2, or why not (memoised: a language server reads the same files again). */
const translatedRule = (source: string, flags: string): string | Untranslated => translatedMemo(JSON.stringify([source, flags]));

const translatedMemo = boundedMemo(4096, (key): string | Untranslated => {
  const [source, flags] = JSON.parse(key) as [string, string];
  try {
    return translate(source, flags);
  } catch (error) {
    return { why: (error as Error).message };
  }
});

/**
 * The compiled RE2 expression; null if RE2 refused it, which no rewrite does (the differential test compiles every
 * one): the rule would then be applied by its backtracking expression, never match less than `ignore` does.
 */
const compiledRule = boundedMemo(4096, (translated): RE2JS | null => {
  try {
    return RE2JS.compile(translated);
  } catch {
    return null;
  }
});

/** The RE2 expression of one of `ignore`'s (for tests: throws why a rule is not rewritten). */
export function linearExpression(source: string, flags: string): string {
  return translate(source, flags);
}

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

/**
 * An RE2 class of the set, surrogate code units moved as `mapped` moves them. A set of most code units is written as
 * the class of the others negated (`[^\x{2f}]`): the same on a mapped path, which holds no other code point above
 * U+FFFF, and far cheaper for RE2 to compile than the ranges around it.
 */
function setSource(set: CodeUnitSet): string {
  const others = complement(set);
  if (others.length < set.length) return others.length ? `[^${rangesSource(others)}]` : '[\\x{0}-\\x{10ffff}]';
  return set.length ? `[${rangesSource(set)}]` : '[^\\x{0}-\\x{10ffff}]';
}

function rangesSource(set: CodeUnitSet): string {
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
  return parts.join('');
}

/** The code units (U+0000 to U+FFFF) outside the set. */
function complement(set: CodeUnitSet): CodeUnitSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
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
