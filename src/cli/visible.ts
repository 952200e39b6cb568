// @spdf implements SPDF-CLI-002
/**
 * Characters that must not reach a terminal raw from user data (IDs, titles, file names, messages): C0/C1
 * controls (ESC starts terminal escape sequences, CR overwrites a line, LF forges one), bidi controls that
 * reorder what is shown (U+061C, U+200E-200F, U+202A-202E, U+2066-2069), zero-width and other invisible
 * characters (U+200B-200D, U+2060-2064, U+FEFF, U+180E, U+00AD), line/paragraph separators and lone surrogates.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udfff]/gu;
const INVISIBLE_BUT_NEWLINE = new RegExp(INVISIBLE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f'), 'gu');

const escape = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** The one escape of human output: every such character becomes `<U+XXXX>`, so it is seen and nothing is forged. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escape);
}

/** Same, keeping line feeds: for multi-line human text on stderr (usage, warnings, stack traces). */
export function visibleLines(text: string): string {
  return text.replace(INVISIBLE_BUT_NEWLINE, escape);
}
