// @spdf implements SPDF-SBOM-READ, SPDF-CMD-IMPORT
/**
 * XML character and entity references (and one structural check both XML readers share) for readers that parse with entity processing off (no DTD is ever
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

/** An element written again where its parent's schema allows it once: its start tag's offset, its name and its parent's. */
export interface RepeatedElement {
  index: number;
  length: number;
  name: string;
  parent: string;
}

/**
 * Elements written twice in one parent where the schema allows one (`single[parent]` names them), found by a scan of
 * the start and end tags of a well-formed text (comments, CDATA, processing instructions and declarations skipped).
 * `localName` gives an element's name in the schema's namespace, or undefined for an element of another namespace.
 * A parser gives such a repeat as a list, which a reader of one value takes for none, or for its first.
 */
export function repeatedElements(text: string, single: Record<string, readonly string[]>, localName: (qname: string) => string | undefined): RepeatedElement[] {
  const out: RepeatedElement[] = [];
  const stack: { name: string | undefined; seen: Set<string> }[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;
  for (const m of text.matchAll(tag)) {
    if (m[2] === undefined) continue;
    if (m[1]) {
      stack.pop();
      continue;
    }
    const name = localName(m[2]);
    const parent = stack[stack.length - 1];
    if (parent?.name && name && single[parent.name]?.includes(name)) {
      if (parent.seen.has(name)) out.push({ index: m.index ?? 0, length: 1 + m[2].length, name, parent: parent.name });
      parent.seen.add(name);
    }
    if (!m[3]) stack.push({ name, seen: new Set() });
  }
  return out;
}
