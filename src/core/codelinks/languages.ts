/** Languages the code-link index understands, and which file extension selects which one. */

export const CODE_LANGUAGES = [
  'c',
  'cpp',
  'python',
  'typescript',
  'tsx',
  'javascript',
  'java',
  'rust',
  'go',
  'csharp',
] as const;

export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export function isCodeLanguage(value: string): value is CodeLanguage {
  return (CODE_LANGUAGES as readonly string[]).includes(value);
}

/** Default extension map. `.h` is C unless the project says otherwise (`headerLanguage: cpp`). */
export const DEFAULT_EXTENSION_LANGUAGES: Readonly<Record<string, CodeLanguage>> = {
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.c++': 'cpp',
  '.hpp': 'cpp',
  '.hh': 'cpp',
  '.hxx': 'cpp',
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.java': 'java',
  '.rs': 'rust',
  '.go': 'go',
  '.cs': 'csharp',
};

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
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  return map.get(path.slice(dot).toLowerCase());
}
