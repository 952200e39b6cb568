// @spdf implements SPDF-SBOM-READ, SPDF-CMD-IMPORT
/**
 * XML character and entity references for readers that parse with entity processing off (no DTD is ever
 * expanded): without a DTD only the five predefined entities and character references of XML characters are
 * well-formed, so any other reference is refused instead of being kept as literal text (a wrong ID).
 */

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([^\s&;<>"']*));/g;

/** The character a character reference names, when it is an XML character (XML 1.0, production 2). */
function xmlChar(code: number): string | undefined {
  const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return ok ? String.fromCodePoint(code) : undefined;
}

function replacement(hex: string | undefined, dec: string | undefined, name: string | undefined): string | undefined {
  if (hex !== undefined) return hex.length > 8 ? undefined : xmlChar(parseInt(hex, 16));
  if (dec !== undefined) return dec.length > 8 ? undefined : xmlChar(parseInt(dec, 10));
  return Object.prototype.hasOwnProperty.call(PREDEFINED, name ?? '') ? PREDEFINED[name!] : undefined;
}

/** Text with CDATA sections written as escaped character data (same meaning), so every text value decodes alike. */
export function cdataAsText(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, body: string) => body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * The first reference in a well-formed document's markup and character data that has no meaning without a
 * DTD (an entity other than the five predefined, a character reference to no XML character), with its offset.
 * Comments, CDATA sections and processing instructions are not looked into.
 */
export function undefinedXmlReference(text: string): { index: number; reference: string } | undefined {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => ' '.repeat(m.length));
  for (const m of blanked.matchAll(REFERENCE)) if (replacement(m[1], m[2], m[3]) === undefined) return { index: m.index ?? 0, reference: m[0] };
  return undefined;
}

/** A raw attribute value or character data with its references replaced (ones without meaning are kept as written). */
export function decodeXmlReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => replacement(hex, dec, name) ?? m);
}
