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
  const line = text
    .slice(start, end)
    .replace(/\s*(?:\*\/|"""|'''|-->)[\s\S]*$/, '')
    .trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

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
