/** Reading tag text: IDs, spaces, words, ID lists, line ends, and the snippet quoted in messages. */
export const ID = /[A-Za-z0-9_](?:[\w.\-]*\w)?/y;
const SPACES = /[ \t]*/y;
export const WORD = /[A-Za-z][A-Za-z-]*/y;

export function readSticky(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

export function skipSpaces(text: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(text);
  return SPACES.lastIndex;
}

/** The tag-like text from `start` to `end` as quoted in messages: one line, no comment closer, at most 60 characters. */
export function tagSnippet(text: string, start: number, end: number): string {
  // Read only as far as a 60-character snippet can need: a message per tag quoting a megabyte line each was quadratic.
  const line = text
    .slice(start, Math.min(end, start + SNIPPET_READ))
    .replace(/\s*(?:\*\/|"""|'''|-->)[\s\S]*$/, '')
    .trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** How far a snippet reads: past the 60 characters it shows, room for the spaces a trim removes and a comment closer. */
const SNIPPET_READ = 4096;

export function lineEndOf(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** `ID[, ID...]` from `at`; returns the IDs with their offsets and where the list ends. */
export function readIdList(text: string, at: number): { ids: { id: string; start: number }[]; end: number } {
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

/** `A, B` split on `separator` within [start, end) of `text`, each ID with its offset; empty parts dropped. */
export function splitIds(text: string, start: number, end: number, separator: string): { id: string; start: number }[] {
  const ids: { id: string; start: number }[] = [];
  let pos = start;
  for (const part of text.slice(start, end).split(separator)) {
    const lead = part.length - part.trimStart().length;
    const id = part.trim();
    if (id) ids.push({ id, start: pos + lead });
    pos += part.length + separator.length;
  }
  return ids;
}

/**
 * An ID of the same family as one of the list's (its text before the trailing number, then a number: `REQ-2` after
 * `REQ-1`) written right after the list with another separator than a comma (`REQ-1 REQ-2`, `REQ-1; REQ-2`,
 * `REQ-1 / REQ-2`, `REQ-1 and REQ-2`): the list ended before it, so it would link nothing without a word.
 */
export function idAfterList(text: string, list: { ids: readonly { id: string }[]; end: number }): { id: string; start: number; separator: { start: number; end: number } } | undefined {
  if (!list.ids.length) return undefined;
  AFTER_LIST.lastIndex = list.end;
  const m = AFTER_LIST.exec(text);
  if (!m) return undefined;
  const id = readSticky(ID, text, list.end + m[0].length);
  if (!id || !list.ids.some(({ id: listed }) => sameFamily(listed, id))) return undefined;
  return { id, start: list.end + m[0].length, separator: { start: list.end, end: list.end + m[0].length } };
}

/** What may stand between a list's last ID and the next one a writer meant: white space, `;`, `/`, `&`, `|`, `+`, `and`, `or`. */
const AFTER_LIST = /[ \t]*(?:[;/&|+][ \t]*|(?:and|or)[ \t]+)?(?=[A-Za-z0-9_])|[ \t]+(?=[A-Za-z0-9_])/y;

/** Whether two IDs share the text before their trailing number (`SEC-REQ-014`, `SEC-REQ-2`). */
function sameFamily(a: string, b: string): boolean {
  const stem = /^(.*\D)\d+$/.exec(a)?.[1];
  return stem !== undefined && /^(.*\D)\d+$/.exec(b)?.[1] === stem;
}
