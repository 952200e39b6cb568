// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
/**
 * JavaScript/TypeScript test symbols are named by their suite and test titles joined with `.`
 * (`pump.limits.keeps the bolus`); reporters join the same titles with a space (Mocha, jest-junit) or ` > `
 * (Vitest), and a title may hold dots of its own. A case's full title matches a symbol when it is the symbol's
 * titles, from some suite on, each joint written as the reporter's separator or as the dot itself.
 */

const SEPARATORS = [' ', ' > '] as const;

/** The word a full title ends with, for indexing: titles split at white space, dots and `>`. */
export function lastTitleWord(text: string): string | undefined {
  return text
    .split(/[\s.>]+/)
    .filter(Boolean)
    .pop();
}

/** The full titles a case may carry: its name, and its classname joined before it (Mocha's xunit puts the suite there). */
export function fullTitlesOf(c: { classname: string; name: string }): string[] {
  const name = c.name.trim();
  const classname = c.classname.trim();
  return classname ? [name, ...SEPARATORS.map((s) => `${classname}${s}${name}`)] : [name];
}

/** How many of the symbol's `.`-separated parts the full title covers, from the end (0: no match). */
export function titlePartsCovered(fullTitle: string, qualifiedName: string): number {
  const parts = qualifiedName.split('.');
  let best = 0;
  for (let from = 0; from < parts.length && !best; from++) for (const sep of SEPARATORS) if (joinsTitles(fullTitle, parts, from, sep)) best = parts.length - from;
  return best;
}

function joinsTitles(text: string, parts: readonly string[], from: number, sep: string): boolean {
  let at = 0;
  for (let i = from; i < parts.length; i++) {
    if (i > from) {
      if (text.startsWith(sep, at)) at += sep.length;
      else if (text[at] === '.') at += 1;
      else return false;
    }
    if (!text.startsWith(parts[i], at)) return false;
    at += parts[i].length;
  }
  return at === text.length;
}
