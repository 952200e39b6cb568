import { buildLanguageMap, DEFAULT_EXTENSION_LANGUAGES, type CodeLanguage } from '../core/codelinks/languages';

/** A glob of files by extension (`.c` -> `c`). Glob syntax in an extension becomes `?`: a watcher may see too much, never too little. */
function sourceGlob(extensions: readonly string[]): string {
  return `**/*.{${extensions.map((ext) => ext.replace(/^\./, '').replace(/[*?{}[\],\\]/g, '?')).join(',')}}`;
}

/** What the language server watches whatever the config says: model files, the config, the lock, the baseline and the built-in source extensions. */
export const BASE_WATCHED_GLOBS: readonly string[] = ['**/*.spdf.yaml', '**/spdf.config.yaml', '**/spdf.lock.json', '**/spdf.baseline.json', sourceGlob(Object.keys(DEFAULT_EXTENSION_LANGUAGES))];

/** The glob of the source extensions `code.languages` of spdf.config.yaml adds to the built-in ones, or undefined when it adds none. */
export function configuredSourceGlob(codeLanguages: Readonly<Record<string, string>>): string | undefined {
  const map = buildLanguageMap({ overrides: codeLanguages as Readonly<Record<string, CodeLanguage | 'off'>> });
  const added = [...map.keys()].filter((ext) => !(ext in DEFAULT_EXTENSION_LANGUAGES));
  return added.length ? sourceGlob(added) : undefined;
}

type Register = (globs: string[]) => Promise<{ dispose(): void } | undefined>;

/**
 * The file watchers a host asks its client for: the base globs once, plus one registration for the
 * extensions the config adds, replaced whenever the config changes them.
 */
export class WatchedFiles {
  private started = false;
  private configured?: { glob: string; registration: Promise<{ dispose(): void } | undefined> };

  constructor(private readonly register: Register) {}

  start(): void {
    this.started = true;
    void this.register([...BASE_WATCHED_GLOBS]);
  }

  /** Call after every (re)load of the config. */
  follow(codeLanguages: Readonly<Record<string, string>>): void {
    if (!this.started) return;
    const glob = configuredSourceGlob(codeLanguages);
    if (glob === this.configured?.glob) return;
    void this.configured?.registration.then((r) => r?.dispose());
    this.configured = glob === undefined ? undefined : { glob, registration: this.register([glob]) };
  }
}
