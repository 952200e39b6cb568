// @spdf implements SPDF-FC-TAGS
import type { TagSyntax } from '../model';

/**
 * Near misses of the OpenFastTrace, StrictDoc and LOBSTER tags (CL012): text written where a tag was meant, which
 * the tag scanners do not read, so it would link nothing without a word. `meant` says how the tag is written.
 * - OFT: an item ID `type~name~revision` outside a coverage tag (`[impl=>dsn~x~1]`, `[impl-dsn~x~1]`, `impl->dsn~x~1`)
 * - StrictDoc: `@relations(ID)`, `@relation (ID)`, `@relation ID`
 * - LOBSTER: `lobster_trace: ID`, `lobster trace: ID`, `lobster-traces: ID`, `lobster-trace ID`
 * The marker in another letter case is CL011's, a started tag that does not parse CL008's: neither is a near miss.
 */
export interface SyntaxNearMiss {
  syntax: 'oft' | 'strictdoc' | 'lobster';
  start: number;
  end: number;
  meant: string;
}

/** An OFT item ID (the covered or covering item of a tag): its end must not run on into a word or another `~`. */
const OFT_ITEM_ID = /[A-Za-z]\w*~[^\]~\s]+~\d+(?![\w~])/y;
/** The start of a coverage tag the OFT scanner reads (a tag, an unknown artifact type or a malformed tag): `[type->` or `[type~name~1->`. */
const OFT_TAG_START = /\[\s*[A-Za-z]\w*(?:~[^\]~\s]+~\d+)?\s*->/y;
// The marker's cases are those the byte prefilter looks for (prefilter.ts); so is the word of LOBSTER's.
const STRICTDOC_NEAR = /@(?:relation|Relation|RELATION)([sS]?)(?:([ \t]*)\(|[ \t]*:?[ \t]+(?=[A-Za-z][\w.~:-]*\d))/g;
/** What may follow StrictDoc's opening parenthesis: an ID or a `scope=`/`role=` key (Room's `@Relation(parentColumn = ...)` is no tag). */
const STRICTDOC_ARGS = /[^\S\n]*(?:[\w.~:-]+[^\S\n]*(?:[,)]|(?=\n)|$)|(?:scope|role)[^\S\n]*=)/iy;
const LOBSTER_NEAR = /(?:lobster|Lobster|LOBSTER)[ \t]*[-_ ]?[ \t]*([tT][rR][aA][cC][eE]|[eE][xX][cC][lL][uU][dD][eE])[sS]?[ \t]*(?::|[ \t](?=[ \t]*[A-Za-z][\w.~:-]*\d))/g;
/** What the LOBSTER scanner reads (in any case: CL011 reports the case). */
const LOBSTER_MARKER = /^lobster-(?:trace|exclude):$/i;

/** A marker that follows one of these is part of a word, a path, an address or a quoted example, not a tag. */
const isJoined = (text: string, at: number): boolean => at > 0 && /[\w.@/`-]/.test(text[at - 1]);

/** The near misses of the enabled syntaxes in `text`, in order of `start`. */
export function syntaxNearMisses(text: string, enabled: ReadonlySet<TagSyntax>): SyntaxNearMiss[] {
  const found: SyntaxNearMiss[] = [];
  if (enabled.has('oft') && text.includes('~')) oftNearMisses(text, found);
  if (enabled.has('strictdoc') && text.includes('@')) strictDocNearMisses(text, found);
  if (enabled.has('lobster')) lobsterNearMisses(text, found);
  return found.sort((a, b) => a.start - b.start);
}

function oftNearMisses(text: string, found: SyntaxNearMiss[]): void {
  const opens = new LastOpenOnLine(text);
  let from = 0;
  for (let tilde = text.indexOf('~'); tilde !== -1; tilde = text.indexOf('~', from)) {
    from = tilde + 1;
    let start = tilde;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
    // An ID in a path, an address, a URL or a quoted example (`/a~b~1`, `x.a~b~1`) is no tag.
    if (start === tilde || (start > 0 && /[~/.@`]/.test(text[start - 1]))) continue;
    OFT_ITEM_ID.lastIndex = start;
    const m = OFT_ITEM_ID.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    from = end;
    if (opensOftTag(text, opens.before(start))) continue;
    found.push({ syntax: 'oft', start, end, meant: `a coverage tag such as [impl->${m[0]}]` });
  }
}

/**
 * The last `[` on the line before a position, for positions asked in increasing order: one pass over the text in
 * all (a search back from each item ID made a long line of them quadratic).
 */
class LastOpenOnLine {
  private seen = 0;
  private open = -1;
  constructor(private readonly text: string) {}

  before(at: number): number {
    for (; this.seen < at; this.seen++) {
      const c = this.text.charCodeAt(this.seen);
      if (c === 0x5b) this.open = this.seen;
      else if (c === 0x0a) this.open = -1;
    }
    return this.open;
  }
}

/** Whether the bracket at `open` (-1: none) opens a coverage tag the OFT scanner reads, which then owns the item ID after it. */
function opensOftTag(text: string, open: number): boolean {
  if (open === -1) return false;
  OFT_TAG_START.lastIndex = open;
  return OFT_TAG_START.test(text);
}

function strictDocNearMisses(text: string, found: SyntaxNearMiss[]): void {
  STRICTDOC_NEAR.lastIndex = 0;
  for (let m = STRICTDOC_NEAR.exec(text); m; m = STRICTDOC_NEAR.exec(text)) {
    const paren = m[0].endsWith('(');
    // `@relation(` in these cases is the StrictDoc scanner's (a tag, or CL011 for the case).
    if (paren && !m[1] && !m[2]) continue;
    if (isJoined(text, m.index)) continue;
    if (paren && !argsFollow(text, m.index + m[0].length)) continue;
    found.push({ syntax: 'strictdoc', start: m.index, end: m.index + '@relation'.length + m[1].length, meant: '@relation(ID)' });
  }
}

function lobsterNearMisses(text: string, found: SyntaxNearMiss[]): void {
  LOBSTER_NEAR.lastIndex = 0;
  for (let m = LOBSTER_NEAR.exec(text); m; m = LOBSTER_NEAR.exec(text)) {
    // `lobster-trace:` and `lobster-exclude:` in any case are the LOBSTER scanner's (a tag, or CL011 for the case).
    if (LOBSTER_MARKER.test(m[0]) || isJoined(text, m.index)) continue;
    const kind = m[1].toLowerCase();
    found.push({ syntax: 'lobster', start: m.index, end: m.index + m[0].trimEnd().length, meant: `lobster-${kind}: ${kind === 'trace' ? 'ID' : 'reason'}` });
  }
}

/** A code unit of a regular expression's `\w`: ASCII letter, digit or underscore. */
const isWordCode = (c: number): boolean => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** Whether the rest of the line from `at` starts like StrictDoc's arguments (read in place: a slice to the line end per match was quadratic on a long line). */
function argsFollow(text: string, at: number): boolean {
  STRICTDOC_ARGS.lastIndex = at;
  return STRICTDOC_ARGS.test(text);
}

/**
 * Whether raw bytes may hold an OFT item ID (`~`, then bytes up to a second `~`, then a digit): a file without one
 * holds no OFT near miss. Looser than `syntaxNearMisses`, as a prefilter must be; ASCII, so the same in UTF-8 and text.
 */
export function bytesHoldOftItemId(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x7e); i !== -1; i = bytes.indexOf(0x7e, i + 1)) {
    let j = i + 1;
    while (j < bytes.length && bytes[j] !== 0x7e && bytes[j] !== 0x5d && bytes[j] > 0x20) j++;
    if (j > i + 1 && bytes[j] === 0x7e && bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39) return true;
  }
  return false;
}
