/** Escaping and hashing shared by the exporters. Pure. */
import { sha256 } from '../hash';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return /[&<>"'`]/.test(text) ? text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]) : text;
}

/**
 * Text a spreadsheet may read as a formula (OWASP CSV injection): a cell beginning with = + - @ tab or CR, also
 * after leading white space or quotes (Google Sheets and LibreOffice's "trim spaces" drop them, a naive reader
 * strips quotes: `" =1+1"`, `"=1+1`), and the full-width ＝ ＋ － ＠, which spreadsheets of East Asian locales
 * may take as formula starts.
 */
const FORMULA_START = /^(?:[\s"'\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/** A cell that a spreadsheet may evaluate (see FORMULA_START) becomes `'` + text (shown as text, never evaluated). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Characters XML 1.0 cannot hold, not even as a character reference: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and lone surrogates (a UTF-8 encoder turns those into U+FFFD). Written raw they make the
 * whole document unreadable; each writer replaces them with its own visible escape.
 */
export const XML_UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

/** `XXXX`: the code point of a character (a lone surrogate's own), upper-case hex, at least four digits. */
export const codePointHex = (c: string): string => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

/** `'sha256-...'` source expression of a CSP for an inline element's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`;
}
