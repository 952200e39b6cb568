// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
/**
 * JavaScript/TypeScript test symbols are named by their suite and test titles joined with `.`
 * (`pump.limits.keeps the bolus`); reporters join the same titles with a space (Mocha, jest-junit) or ` > `
 * (Vitest), or with ` › ` (jest's own separator, which jest-junit's `ancestorSeparator` is often set to), and a title may hold dots of its own. A case's full title matches a symbol when it is the symbol's
 * titles, from some suite on, each joint written as the reporter's separator or as the dot itself.
 */

const SEPARATORS = [' ', ' > ', ' › '] as const;

/** The word a full title ends with, for indexing: titles split at white space, dots, `>` and `›`. */
export function lastTitleWord(text: string): string | undefined {
  return text
    .split(/[\s.>›]+/)
    .filter(Boolean)
    .pop();
}

/** The word a full title starts with, split as `lastTitleWord` splits. */
export function firstTitleWord(text: string): string | undefined {
  return text.split(/[\s.>›]+/).find(Boolean);
}

/** Whether a ` > `-joined full title starts with the suite's `.`-separated titles and goes on past them (a test inside the suite). */
export function startsWithTitles(fullTitle: string, qualifiedName: string): boolean {
  const parts = qualifiedName.split('.');
  const sep = ' > ';
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) {
      if (fullTitle.startsWith(sep, at)) at += sep.length;
      else if (fullTitle[at] === '.') at += 1;
      else return false;
    }
    if (!fullTitle.startsWith(parts[i], at)) return false;
    at += parts[i].length;
  }
  return fullTitle.startsWith(sep, at) && at + sep.length < fullTitle.length;
}

/** The full titles a case may carry: its name, and its classname joined before it (Mocha's xunit puts the suite there). */
export function fullTitlesOf(c: { classname: string; name: string }): string[] {
  const name = c.name.trim();
  const classname = c.classname.trim();
  return classname ? [name, ...SEPARATORS.map((s) => `${classname}${s}${name}`)] : [name];
}

/** How many of the symbol's `.`-separated parts the full title covers, from the end (0: no match). Linear in the lengths. */
export function titlePartsCovered(fullTitle: string, qualifiedName: string): number {
  const parts = qualifiedName.split('.');
  return Math.max(...SEPARATORS.map((sep) => coveredFromEnd(fullTitle, parts, sep)));
}

/**
 * Reads the title backwards, part by part, each joint written as `sep`, a space or a dot (jest-junit's default
 * `{classname} {title}` joins the suites with its `ancestorSeparator` and the test with a space); the parts read when
 * the title ends at a part's start.
 */
function coveredFromEnd(text: string, parts: readonly string[], sep: string): number {
  let end = text.length;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (end < part.length || !text.startsWith(part, end - part.length)) return 0;
    end -= part.length;
    if (end === 0) return parts.length - i;
    if (text.endsWith(sep, end)) end -= sep.length;
    else if (text[end - 1] === ' ' || text[end - 1] === '.') end -= 1;
    else return 0;
  }
  return 0;
}
