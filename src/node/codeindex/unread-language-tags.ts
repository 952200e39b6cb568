// @spdf implements SPDF-FC-NOLANG
import { extensionOf } from '../../core/codelinks/languages';
import type { CompiledTagSyntaxes } from '../../core/codelinks/tag-syntaxes';
import { firstTagText, SOURCE_EXTENSIONS_WITHOUT_GRAMMAR } from '../../core/codelinks/unread-languages';
import type { Host } from '../../core/host';
import { IndexNotes } from './index-notes';
import { bytesMightContainTags, readSourceBytes } from './source-bytes';

/** A source file of a language the index cannot parse, unless `code.languages` turns its extension `off`. */
export function unreadLanguage(overrides: Readonly<Record<string, string>> | undefined): (file: string) => boolean {
  const off = new Set(Object.entries(overrides ?? {}).flatMap(([ext, lang]) => (lang === 'off' ? [(ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()] : [])));
  return (file) => {
    const ext = extensionOf(file);
    return ext !== undefined && SOURCE_EXTENSIONS_WITHOUT_GRAMMAR.has(ext) && !off.has(ext);
  };
}

/**
 * Notes every file of `files` (languages without a grammar) that holds tag text: such a tag links nothing, so the
 * gate must not pass as if it had been read. A file that cannot be read is not noted: nothing says it holds a tag.
 */
export async function noteTagsInUnreadLanguages(host: Host, files: readonly string[], compiled: CompiledTagSyntaxes, maxFileSize: number, notes: IndexNotes): Promise<void> {
  const decoder = new TextDecoder();
  for (const file of files) {
    const bytes = await readSourceBytes(host, file, maxFileSize, new IndexNotes());
    if (bytes === undefined || !bytesMightContainTags(bytes, compiled)) continue;
    const found = firstTagText(decoder.decode(bytes), compiled);
    if (!found) continue;
    const ext = extensionOf(file)!;
    const where = `${found.position.line + 1}:${found.position.character + 1}`;
    notes.add(
      file,
      'no-language',
      `tag text at ${where} ('${found.line}') is in a ${ext} file, a language the code index does not parse, so it links nothing: map ${ext} in code.languages to the language that reads it, set it to 'off' there if its tags need not count, or exclude the file`,
      found.position,
    );
  }
}
