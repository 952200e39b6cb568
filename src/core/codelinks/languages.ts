/** Languages the code-link index understands, and which file extension selects which one. */

import { LANGUAGE_DESCRIPTORS, type CodeLanguage, type LanguageDescriptor } from './language-descriptors';

export type { CodeLanguage } from './language-descriptors';

export const CODE_LANGUAGES: readonly CodeLanguage[] = LANGUAGE_DESCRIPTORS.map((d) => d.id);

export function isCodeLanguage(value: string): value is CodeLanguage {
  return (CODE_LANGUAGES as readonly string[]).includes(value);
}

const BY_ID = new Map<string, LanguageDescriptor>(LANGUAGE_DESCRIPTORS.map((d) => [d.id, d]));

/** The descriptor of a code language. */
export function languageDescriptor(language: CodeLanguage): LanguageDescriptor {
  return BY_ID.get(language)!;
}

/** Default extension map, from the descriptors. `.h` is C unless the project says otherwise (`headerLanguage: cpp`). */
export const DEFAULT_EXTENSION_LANGUAGES: Readonly<Record<string, CodeLanguage>> = Object.fromEntries(LANGUAGE_DESCRIPTORS.flatMap((d) => d.extensions.map((ext) => [ext, d.id])));

export interface LanguageMapOptions {
  /** Language for `.h` files; default `c`. */
  headerLanguage?: 'c' | 'cpp';
  /** Extra or replacing entries, keys with the leading dot (`.inl`), values a language or `off` to ignore the extension. */
  overrides?: Readonly<Record<string, CodeLanguage | 'off'>>;
}

export type LanguageMap = ReadonlyMap<string, CodeLanguage>;

export function buildLanguageMap(options: LanguageMapOptions = {}): LanguageMap {
  const map = new Map<string, CodeLanguage>(Object.entries(DEFAULT_EXTENSION_LANGUAGES));
  if (options.headerLanguage) map.set('.h', options.headerLanguage);
  for (const [rawExt, lang] of Object.entries(options.overrides ?? {})) {
    const ext = (rawExt.startsWith('.') ? rawExt : `.${rawExt}`).toLowerCase();
    if (lang === 'off') map.delete(ext);
    else if (isCodeLanguage(lang)) map.set(ext, lang);
  }
  return map;
}

const DEFAULT_MAP = buildLanguageMap();

/** The language of a workspace path by its extension, or undefined when the index does not read it. */
export function languageForPath(path: string, map: LanguageMap = DEFAULT_MAP): CodeLanguage | undefined {
  const ext = extensionOf(path);
  return ext === undefined ? undefined : map.get(ext);
}

/** The lower-case extension of a workspace path (`.kt`), or undefined. */
export function extensionOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot <= slash + 1 ? undefined : path.slice(dot).toLowerCase();
}
