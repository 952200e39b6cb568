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
const STRICTDOC_ARGS = /^\s*(?:[\w.~:-]+\s*(?:[,)]|$)|(?:scope|role)\s*=)/i;
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
    if (insideOftTag(text, start)) continue;
    found.push({ syntax: 'oft', start, end, meant: `a coverage tag such as [impl->${m[0]}]` });
  }
}

/** Whether the OFT scanner owns the item ID at `start`: it stands in a bracket on its line that opens a coverage tag. */
function insideOftTag(text: string, start: number): boolean {
  const open = text.lastIndexOf('[', start);
  if (open === -1 || text.lastIndexOf('\n', start) > open) return false;
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
    if (paren && !STRICTDOC_ARGS.test(text.slice(m.index + m[0].length, lineEnd(text, m.index)))) continue;
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

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
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
