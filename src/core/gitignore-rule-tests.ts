// @spdf implements SPDF-FC-REGEX
import { RE2JS } from 're2js';
import { boundedMemo } from './bounded-memo';
import { mapped, translate } from './gitignore-expression';

/*
 * How one .gitignore rule is tested in linear time (src/core/gitignore.ts): a string test for the common shapes, else
 * RE2 over the rewritten expression (gitignore-expression.ts), asked only of paths holding a literal every match holds.
 */

/** One path as the rules read it: each view of it made once, when a rule first needs it. */
export class Query {
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

export type Test = (q: Query) => boolean;

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
export function shapeTest(source: string, flags: string): Test | undefined {
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
export function testOf(translated: string | Untranslated, source: string, flags: string, byJs: Test): Test | undefined {
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

/** Why a rule's expression is not rewritten. */
export interface Untranslated {
  why: string;
}

/** `ignore`'s expression rewritten for RE2, or why not (memoised: a language server reads the same files again). */
export const translatedRule = (source: string, flags: string): string | Untranslated => translatedMemo(JSON.stringify([source, flags]));

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
