import type { Position, Range } from './types';

/**
 * The one line index: UTF-16 offsets <-> 0-based lines and characters. By default a line ends at `\n`,
 * `\r\n` or a lone `\r`, as editors and YAML see model files; `'lf'` ends lines at `\n` only, as
 * tree-sitter counts the rows of source code.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(text: string, breaks: 'any' | 'lf' = 'any') {
    const starts = [0];
    if (breaks === 'any' && text.includes('\r')) for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
    else for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  private static lastLf: LineIndex | undefined;
  private static lastLfText: string | undefined;

  /**
   * `new LineIndex(text, 'lf')`, or the one made by the previous call for the same text: the syntax arena and the
   * indexer of one file both need it (an index is never changed after it is made, so sharing it is safe).
   */
  static lf(text: string): LineIndex {
    if (LineIndex.lastLfText !== text || !LineIndex.lastLf) {
      LineIndex.lastLf = new LineIndex(text, 'lf');
      LineIndex.lastLfText = text;
    }
    return LineIndex.lastLf;
  }

  /** The line that holds an offset: the last line starting at or before it. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  range(start: number, end: number): Range {
    const first = this.position(start);
    // Most ranges (a tag, an ID, a name) end on the line they start on: no second search for it.
    const next = this.starts[first.line + 1];
    if (end >= start && (next === undefined || end < next)) return { start: first, end: { line: first.line, character: end - this.starts[first.line] } };
    return { start: first, end: this.position(end) };
  }
}

/** Text of one workspace file with a line index for offset <-> position conversion. */
export class SourceText {
  readonly lineStarts: number[];
  private readonly lines: LineIndex;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.lineStarts = this.lines.starts;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lines.lineOf(o);
    // An offset inside a \r\n (a parser's error end, for one) is the end of its line, as editors see it.
    return { line, character: Math.min(o, this.lineEnd(line)) - this.lineStarts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[pos.line] + pos.character, this.lineEnd(pos.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset just past the last character of the line, before its \r\n, \n or (old Mac) \r. */
  lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line] ?? this.text.length, this.lineEnd(line));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * Decodes bytes as strict UTF-8 (a leading BOM is dropped, as editors do). The error names the encoding
 * when the bytes are UTF-16 or UTF-32, and the offset is where the reader should look.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string; offset: number } {
  const wide = wideEncoding(bytes);
  if (wide) return { error: `file is ${wide}; save it as UTF-8`, offset: 0 };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: `file contains a NUL byte at offset ${nul}; it is not a YAML text file`, offset: nul };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { error: `file is not valid UTF-8 (first invalid byte at offset ${offset})`, offset };
  }
}

/**
 * UTF-16/32 by BOM, or UTF-16 without BOM by where the NUL bytes of ASCII text fall (the first 4 KB). A unit whose
 * other byte is D8-DF is a surrogate half in the other byte order (a low surrogate DC00-DFFF has a NUL byte), never
 * ASCII; a unit of two NUL bytes (U+0000) is in no text, so such bytes are binary, not UTF-16.
 */
export function wideEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 (LE)';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (BE)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (LE)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (BE)';
  const utf32 = utf32WithoutBom(b);
  if (utf32) return utf32;
  const n = Math.min(b.length & ~1, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0 && b[i + 1] === 0) return undefined;
    if (b[i] === 0 && b[i + 1] !== 0 && !isSurrogateByte(b[i + 1])) even++;
    if (b[i + 1] === 0 && b[i] !== 0 && !isSurrogateByte(b[i])) odd++;
  }
  if (odd > n / 8 && even * 4 < odd) return 'UTF-16 (LE)';
  if (even > n / 8 && odd * 4 < even) return 'UTF-16 (BE)';
  return undefined;
}

const isSurrogateByte = (x: number) => x >= 0xd8 && x <= 0xdf;

/** A byte of text in the low byte of a UTF-32 unit: tab, line ends, printable ASCII, Latin-1 letters. */
const isTextByte = (x: number) => x === 0x09 || x === 0x0a || x === 0x0d || (x >= 0x20 && x < 0x7f) || x >= 0xa0;

/**
 * UTF-32 without BOM: three in four or more 4-byte units of the first 4 KB hold one text byte and three NUL bytes, all
 * at the same end (ASCII text as UTF-32; such units are U+0000 pairs in UTF-16, which no text holds).
 */
function utf32WithoutBom(b: Uint8Array): string | undefined {
  const n = Math.min(b.length & ~3, 4096);
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    if (b[i + 1] !== 0 || b[i + 2] !== 0) continue;
    if (b[i + 3] === 0 && isTextByte(b[i])) le++;
    else if (b[i] === 0 && isTextByte(b[i + 3])) be++;
  }
  const units = n / 4;
  if (units < 2) return undefined;
  if (le * 4 >= units * 3 && be === 0) return 'UTF-32 (LE)';
  if (be * 4 >= units * 3 && le === 0) return 'UTF-32 (BE)';
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra;
  }
  return 0;
}
