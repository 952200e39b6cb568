// @spdf implements SPDF-FC-LOAD, SPDF-FC-REGEX
import picomatch, { type PicomatchOptions } from 'picomatch';
import { RE2JS } from 're2js';
import { boundedMemo } from './bounded-memo';

/**
 * The options of every glob matched against workspace paths. `dot`: a glob reaches hidden files and folders too.
 * `flags: 's'`: picomatch compiles `**` to `.`, which does not match a line break, so a file whose name holds
 * `\n`, `\r`, U+2028 or U+2029 escaped `src/**` and was never read; with dotAll every character of a name matches.
 */
export const PATH_GLOB: PicomatchOptions = { dot: true, flags: 's' };

export type PathMatcher = (path: string) => boolean;

/**
 * picomatch's lookarounds that keep `.`, `..` and empty segments out of a wildcard's match: always true of a
 * workspace path as the walker and the hosts write it (PLAIN_PATH), so they are dropped for RE2, which has none.
 */
const SEGMENT_GUARDS = ['(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?!\\.{1,2}(?:\\/|$))', '(?=.)'];

/** A path without a `.`, `..` or empty segment: where the dropped guards hold. */
const PLAIN_PATH = /^(?!.*(?:^|\/)\.{0,2}(?:\/|$))/s;

/** How picomatch writes a negated glob (a leading `!`) around the expression of the rest. */
const NEGATED = ['^(?!^(?:', ')$).*$'] as const;

/** What a glob that RE2 cannot run keeps: a negation extglob `!(x)` is a lookahead. */
const LOOKAROUND = /\(\?[=!<]/;

/**
 * Whether a workspace path matches any of `globs` (picomatch syntax with PATH_GLOB), in linear time. picomatch writes
 * each glob as a regular expression, and re2js (RE2) runs it, never a backtracking engine: a workspace's glob such as
 * `*a*a*a*a*b` took about a minute on one file name of 255 `a`s in picomatch's own expression, and a file list of
 * them hung the walker and the language server. A leading `!` negates a glob, as in picomatch. A glob whose expression
 * keeps a lookahead (a negation extglob `!(x)`) runs in picomatch when it has at most one wildcard (no backtracking to
 * speak of), else matches nothing and `linearGlobProblem` says why (TM008 on the config). A path with a `.`, `..` or
 * empty segment, which no listing holds, is matched by picomatch itself.
 */
export function pathMatcher(globs: string | readonly string[]): PathMatcher {
  return matcherOf(JSON.stringify(typeof globs === 'string' ? [globs] : globs));
}

const matcherOf = boundedMemo(256, (key) => compileList(JSON.parse(key) as string[]));

/** Why `glob` is not run (pathMatcher): undefined for every glob it runs. */
export function linearGlobProblem(glob: string): string | undefined {
  if (shapeOf(glob)) return undefined;
  const one = compileOne(glob);
  return typeof one === 'string' ? one : undefined;
}

function compileList(list: readonly string[]): PathMatcher {
  const plain: string[] = [];
  const others: PathMatcher[] = [];
  for (const glob of list) {
    const shape = shapeOf(glob);
    if (shape) {
      others.push(shape);
      continue;
    }
    const one = compileOne(glob);
    if (typeof one === 'string') continue; // matches nothing: linearGlobProblem reports it
    if ('source' in one) plain.push(one.source);
    else others.push(one.test);
  }
  const re = plain.length ? RE2JS.compile(plain.map((s) => `(?:${s})`).join('|'), RE2JS.DOTALL) : undefined;
  const literal = new Set(list);
  let fallback: PathMatcher | undefined;
  return (path) => {
    if (!PLAIN_PATH.test(path)) return (fallback ??= picomatch([...list], PATH_GLOB))(path);
    // picomatch's test: a path equal to a glob matches it, whatever the glob's expression says.
    return literal.has(path) || (re !== undefined && re.matches(path)) || others.some((t) => t(path));
  };
}

/** No character picomatch reads as glob syntax. */
const LITERAL = /^[^*?[\]{}()!+@\\|]+$/;

/**
 * The most common globs as string tests, linear in the path, as picomatch answers them on a listed path (the
 * differential test holds them to it): two stars, a name and two stars (the folder anywhere); a literal path and two
 * stars (that folder's tree); two stars, or a literal path and two stars, then a last segment of literals and single
 * stars (`*_test.*`).
 */
function shapeOf(glob: string): PathMatcher | undefined {
  let m = /^\*\*\/([^/]+)\/\*\*$/.exec(glob);
  if (m && LITERAL.test(m[1]) && plainSegments(m[1])) {
    const name = m[1];
    return (p) => p === name || p.startsWith(`${name}/`) || p.endsWith(`/${name}`) || p.includes(`/${name}/`);
  }
  m = /^(.+)\/\*\*$/.exec(glob);
  if (m && LITERAL.test(m[1]) && plainSegments(m[1])) {
    const prefix = m[1];
    return (p) => p === prefix || p.startsWith(`${prefix}/`);
  }
  m = /^(?:(.+)\/)?\*\*\/([^/]+)$/.exec(glob);
  if (m && (m[1] === undefined || (LITERAL.test(m[1]) && plainSegments(m[1]))) && STARS_ONLY.test(m[2]) && !m[2].includes('**') && m[2] !== '*') {
    const under = m[1] === undefined ? '' : `${m[1]}/`;
    const pieces = m[2].split('*');
    return (p) => p.startsWith(under) && p.length > under.length && starMatch(pieces, p.slice(Math.max(under.length, p.lastIndexOf('/') + 1)));
  }
  return undefined;
}

/** Literals and `*`, nothing else picomatch reads as glob syntax. */
const STARS_ONLY = /^[^?[\]{}()!+@\\|]+$/;

/** Whether `text` is the pieces of a glob segment joined by anything (each `*`): leftmost, linear in the text. */
function starMatch(pieces: readonly string[], text: string): boolean {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 1) return text === first;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const k = text.indexOf(pieces[i], at);
    if (k < 0 || k + pieces[i].length > end) return false;
    at = k + pieces[i].length;
  }
  return true;
}

/** Segments none of which is empty, `.` or `..` (picomatch reads those otherwise: `./**` is every path). */
const plainSegments = (path: string) => path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

/** An RE2 expression, another test, or why the glob is not run. */
function compileOne(glob: string): { source: string } | { test: PathMatcher } | string {
  let source = picomatch.makeRe(glob, PATH_GLOB).source;
  // A negated glob: picomatch writes `^(?!^(?:inner)$).*$`, its inner glob read its own way (`!**.c` is `!*.c`).
  const negated = source.startsWith(NEGATED[0]) && source.endsWith(NEGATED[1]);
  if (negated) source = `^(?:${source.slice(NEGATED[0].length, -NEGATED[1].length)})$`;
  for (const guard of SEGMENT_GUARDS) source = source.split(guard).join('');
  if (!LOOKAROUND.test(source)) {
    try {
      const re = RE2JS.compile(source, RE2JS.DOTALL);
      return negated ? { test: (p) => !re.matches(p) } : { source };
    } catch {
      /* below */
    }
  }
  if ((glob.match(/\*+|\+\(|\?\(|@\(/g) ?? []).length <= 1) return { test: picomatch(glob, PATH_GLOB) };
  return 'holds a negation `!(...)` beside other wildcards, which the linear-time glob matcher does not run; it matches nothing (list the names to match instead)';
}
