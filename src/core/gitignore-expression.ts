// @spdf implements SPDF-FC-REGEX
import { boundedMemo } from './bounded-memo';

/*
 * RE2 reads a string by code points, JavaScript's regular expressions (without `u`, as `ignore` writes them) by UTF-16
 * code units: a `?` is one code unit to `ignore`. Each surrogate code unit of a path is moved to a code point of its
 * own (plane 15, private use), and every expression here is written over those, so both count alike.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATES = /[\uD800-\uDFFF]/g;
const MOVED = 0xf0000 - 0xd800;
export const mapped = (path: string): string => (SURROGATE.test(path) ? path.replace(SURROGATES, (c) => String.fromCodePoint(c.charCodeAt(0) + MOVED)) : path);

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
export function translate(source: string, flags: string): string {
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
