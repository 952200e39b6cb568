// @spdf implements SPDF-FC-REGEX
import ignore, { type Ignore } from 'ignore';
import { Query, shapeTest, testOf, translatedRule, type Test, type Untranslated } from './gitignore-rule-tests';

export { linearExpression } from './gitignore-expression';

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
