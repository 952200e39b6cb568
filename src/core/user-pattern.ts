// @spdf implements SPDF-FC-REGEX
import { RE2JS } from 're2js';
import { boundedMemo } from './bounded-memo';

/** A regular expression from the workspace, run in a linear-time engine (RE2 syntax) so no input can hang us. */
export interface UserPattern {
  readonly source: string;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /**
   * Non-empty, non-overlapping matches from left to right, as UTF-16 offsets into `text`. Lines are matched
   * one by one (a match never spans lines; `^` and `$` match at line boundaries), and only lines the fast
   * automaton says contain a match are searched for positions.
   */
  matches(text: string): { start: number; end: number }[];
  /** Names of the pattern's named groups (`(?P<ids>...)`). */
  readonly groupNames: readonly string[];
  /** Like `matches`, with the offsets of each named group that took part in the match. */
  groupMatches(text: string): GroupMatch[];
}

export interface GroupMatch {
  start: number;
  end: number;
  groups: Record<string, { start: number; end: number } | undefined>;
}

export type CompiledUserPattern = { pattern: UserPattern; error?: undefined } | { pattern?: undefined; error: string };

/** Constructs of JavaScript regexes the engine lacks, named in the message when compiling fails. */
const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<[=!]/, 'lookbehind'],
  [/\(\?[=!]/, 'lookahead'],
  [/\\[1-9]|\\k<[^>]*>/, 'backreference'],
];

/**
 * Finding match positions costs up to (length of the lines that match x program size) steps; ID patterns
 * need a few dozen instructions, so this bound only rejects huge counted repetitions.
 */
const MAX_INSTRUCTIONS = 400;

/**
 * Compiles a user-given pattern once (results are cached by source) in re2js. Never throws: a pattern the
 * engine does not accept (syntax error, lookaround, backreference) comes back as an error message.
 */
export function compileUserPattern(source: string): CompiledUserPattern {
  return compiled(source);
}

const compiled = boundedMemo(512, compile);

function compile(source: string): CompiledUserPattern {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (e) {
    const construct = UNSUPPORTED.find(([re]) => re.test(source));
    const detail = construct ? `${construct[1]} '${construct[0].exec(source)![0]}' is not supported` : ((e as Error)?.message ?? String(e));
    return { error: `${detail} (workspace patterns use RE2 syntax and run in a linear-time engine: no lookaround, no backreferences)` };
  }
  const size = re.re2().numberOfInstructions() as number;
  if (size > MAX_INSTRUCTIONS) return { error: `the pattern is too large (${size} instructions, at most ${MAX_INSTRUCTIONS}); shorten counted repetitions such as {1,1000}` };
  const groupNames = Object.keys(re.namedGroups());
  const groupMatches = (text: string): GroupMatch[] => {
    const out: GroupMatch[] = [];
    if (!re.test(text)) return out;
    for (let from = 0; from <= text.length;) {
      const newline = text.indexOf('\n', from);
      const to = newline === -1 ? text.length : newline;
      const line = text.slice(from, to);
      if (line && re.test(line)) {
        const m = re.matcher(line);
        while (m.find()) {
          if (m.end() <= m.start()) continue;
          const groups: GroupMatch['groups'] = {};
          for (const name of groupNames) {
            const start = m.start(name);
            groups[name] = start < 0 ? undefined : { start: from + start, end: from + m.end(name) };
          }
          out.push({ start: from + m.start(), end: from + m.end(), groups });
        }
      }
      from = to + 1;
    }
    return out;
  };
  return {
    pattern: {
      source,
      test: (text) => re.test(text),
      matches: (text) => groupMatches(text).map(({ start, end }) => ({ start, end })),
      groupNames,
      groupMatches,
    },
  };
}
