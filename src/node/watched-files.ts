// @spdf implements SPDF-LSP-WATCH
import { buildLanguageMap, DEFAULT_EXTENSION_LANGUAGES, type CodeLanguage } from '../core/codelinks/languages';
import { SOURCE_EXTENSIONS_WITHOUT_GRAMMAR } from '../core/codelinks/unread-languages';

/** Glob syntax in a name becomes `?`: a watcher may see too much, never too little. */
function globSafe(name: string): string {
  return name.replace(/[*?{}[\],\\]/g, '?');
}

/** A glob of files by extension (`.c` -> `c`). */
function sourceGlob(extensions: readonly string[]): string {
  return `**/*.{${extensions.map((ext) => globSafe(ext.replace(/^\./, ''))).join(',')}}`;
}

/** Globs of workspace-relative files (SBOM and VEX documents the model names); paths leaving the workspace are dropped. */
export function fileGlobs(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((p) => p && !p.startsWith('/') && !p.split('/').includes('..')).map((p) => `**/${globSafe(p)}`))].sort();
}

/**
 * Globs of the JUnit files `test_results` chooses, from any folder (a watcher may see too much: the server matches the
 * paths itself), a glob leaving the workspace dropped; and of go.mod files, which tell the cases of which Go package
 * are whose (src/core/matrix/junit-case-files.ts).
 */
export function resultGlobs(globs: readonly string[]): string[] {
  const files = globs.filter((g) => g && !g.startsWith('/') && !g.split('/').includes('..')).map((g) => `**/${g.replace(/^(\.\/|\*\*\/)+/, '')}`);
  return files.length ? [...new Set([...files, '**/go.mod'])].sort() : [];
}

/**
 * What the language server watches whatever the config says: model files, the config, the lock, the baseline, files
 * named like a model file or the config in another spelling (TM013), the built-in source extensions and those of
 * languages without a grammar (a tag there fails the gate), and .gitignore files (they change which files the walk lists).
 */
export const BASE_WATCHED_GLOBS: readonly string[] = [
  '**/*.spdf.yaml',
  '**/spdf.config.yaml',
  '**/*[sS][pP][dD][fF]*',
  '**/spdf.lock.json',
  '**/spdf.baseline.json',
  sourceGlob(Object.keys(DEFAULT_EXTENSION_LANGUAGES)),
  sourceGlob([...SOURCE_EXTENSIONS_WITHOUT_GRAMMAR]),
  '**/.gitignore',
];

/** The glob of the source extensions `code.languages` of spdf.config.yaml adds to the built-in ones, or undefined when it adds none. */
export function configuredSourceGlob(codeLanguages: Readonly<Record<string, string>>): string | undefined {
  const map = buildLanguageMap({ overrides: codeLanguages as Readonly<Record<string, CodeLanguage | 'off'>> });
  const added = [...map.keys()].filter((ext) => !(ext in DEFAULT_EXTENSION_LANGUAGES));
  return added.length ? sourceGlob(added) : undefined;
}

type Register = (globs: string[]) => Promise<{ dispose(): void } | undefined>;
type Registration = { key: string; registration: Promise<{ dispose(): void } | undefined> };

/**
 * The file watchers a host asks its client for: the base globs once, plus one registration for the
 * extensions the config adds and one for the SBOM, VEX and evidence files the model names and the JUnit files of
 * `test_results`, each replaced when it changes.
 */
export class WatchedFiles {
  private started = false;
  private configured?: Registration;
  private named?: Registration;

  constructor(private readonly register: Register) {}

  start(): void {
    this.started = true;
    void this.register([...BASE_WATCHED_GLOBS]);
  }

  /** Call after every (re)load of the config. */
  follow(codeLanguages: Readonly<Record<string, string>>): void {
    if (!this.started) return;
    const glob = configuredSourceGlob(codeLanguages);
    this.configured = this.replace(this.configured, glob === undefined ? [] : [glob]);
  }

  /** Call after every (re)load of the model: the files it names outside the base globs, and the JUnit files `test_results` chooses. */
  followFiles(paths: readonly string[], testResults: readonly string[] = []): void {
    if (!this.started) return;
    this.named = this.replace(this.named, [...new Set([...fileGlobs(paths), ...resultGlobs(testResults)])].sort());
  }

  private replace(current: Registration | undefined, globs: string[]): Registration | undefined {
    const key = globs.join('\n');
    if (key === (current?.key ?? '')) return current;
    void current?.registration.then((r) => r?.dispose());
    return globs.length ? { key, registration: this.register(globs) } : undefined;
  }
}
