// @spdf implements SPDF-FC-NOLANG
import { extensionOf } from '../../core/codelinks/languages';
import type { CompiledTagSyntaxes } from '../../core/codelinks/tag-syntaxes';
import { firstTagText, SOURCE_EXTENSIONS_WITHOUT_GRAMMAR } from '../../core/codelinks/unread-languages';
import type { Host } from '../../core/host';
import { type IndexNote, IndexNotes } from './index-notes';
import { type BoundedReadHost, bytesMightContainTags, readSourceBytes } from './source-bytes';

/** A source file of a language the index cannot parse, unless `code.languages` turns its extension `off`. */
export function unreadLanguage(overrides: Readonly<Record<string, string>> | undefined): (file: string) => boolean {
  const off = new Set(Object.entries(overrides ?? {}).flatMap(([ext, lang]) => (lang === 'off' ? [(ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()] : [])));
  return (file) => {
    const ext = extensionOf(file);
    // Without an extension a file may be a script (`#!/bin/sh`): noteTagsInUnreadLanguages reads only those further.
    return ext === undefined || (SOURCE_EXTENSIONS_WITHOUT_GRAMMAR.has(ext) && !off.has(ext));
  };
}

/** Whether the bytes start a script (`#!`): an extensionless file is searched for tags only then. */
const isScript = (bytes: Uint8Array): boolean => bytes[0] === 0x23 && bytes[1] === 0x21;

/**
 * Whether a file without an extension may be a script, told by its first two bytes alone where the host reads a prefix
 * (a recorded read of its own: the whole-result cache sees a change of them); true where it cannot (then the whole
 * read decides). A file that cannot be read is no script: nothing says it holds a tag.
 */
function startsAsScript(host: BoundedReadHost, file: string): boolean {
  if (!host.readPrefixSync) return true;
  let prefix: Buffer | undefined;
  try {
    prefix = host.readPrefixSync(file, 2);
  } catch {
    return false;
  }
  return prefix === undefined || isScript(prefix);
}

/**
 * Notes every file of `files` (languages without a grammar) that holds tag text: such a tag links nothing, so the
 * gate must not pass as if it had been read. A file that cannot be read is not noted (nothing says it holds a tag),
 * unless its bytes show tag text all the same: a tag marker beside NUL bytes, or tag text in UTF-16 or UTF-32.
 */
export async function noteTagsInUnreadLanguages(host: BoundedReadHost, files: readonly string[], compiled: CompiledTagSyntaxes, maxFileSize: number, notes: IndexNotes): Promise<void> {
  const decoder = new TextDecoder();
  for (const file of files) {
    const ext = extensionOf(file);
    if (ext === undefined && !startsAsScript(host, file)) continue;
    const seen = new IndexNotes();
    const bytes = await readSourceBytes(host, file, maxFileSize, seen, compiled);
    if (ext === undefined && (bytes === undefined || !isScript(bytes))) continue;
    if (bytes === undefined) {
      await noteUnreadableWithTags(host, file, seen.list()[0], compiled, notes);
      continue;
    }
    if (!bytesMightContainTags(bytes, compiled)) continue;
    const found = firstTagText(decoder.decode(bytes), compiled);
    if (!found) continue;
    const where = `${found.position.line + 1}:${found.position.character + 1}`;
    notes.add(
      file,
      'no-language',
      ext === undefined
        ? `tag text at ${where} ('${found.line}') is in a script without a file extension, which the code index does not parse (it knows a language by the extension), so it links nothing: give the file its language's extension (.py, .sh), or exclude it`
        : `tag text at ${where} ('${found.line}') is in a ${ext} file, a language the code index does not parse, so it links nothing: map ${ext} in code.languages to the language that reads it, set it to 'off' there if its tags need not count, or exclude the file`,
      found.position,
    );
  }
}

/** A file left out as binary with a tag marker, or as wide text whose decoded text holds tag text: noted unreadable. */
async function noteUnreadableWithTags(host: Host, file: string, why: IndexNote | undefined, compiled: CompiledTagSyntaxes, notes: IndexNotes): Promise<void> {
  if (why?.kind !== 'unreadable') return;
  if (why.at) return notes.add(file, 'unreadable', why.message, why.at);
  const encoding = /^UTF-(16|32) \((LE|BE)\)/.exec(why.message);
  if (!encoding) return;
  const bytes = await host.readFile(file).catch(() => undefined);
  const found = bytes && firstTagText(decodeWide(bytes, encoding[1] === '32' ? 4 : 2, encoding[2] === 'LE'), compiled);
  if (found) notes.add(file, 'unreadable', why.message, found.position);
}

/** UTF-16 or UTF-32 text (a byte-order mark dropped; an invalid unit becomes U+FFFD). */
function decodeWide(bytes: Uint8Array, width: 2 | 4, littleEndian: boolean): string {
  if (width === 2) return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (i === 0 && cp === 0xfeff) continue;
    out.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return out.join('');
}
