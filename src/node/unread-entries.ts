// @spdf implements SPDF-FC-SYMLINK, SPDF-LSP-PARITY
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathMatcher } from '../core/path-glob';
import { buildLanguageMap, languageForPath, type CodeLanguage } from '../core/codelinks/languages';
import { CONFIG_FILE } from '../core/model/config-file';
import type { ResolvedConfig } from '../core/model/config-def';
import { ALWAYS_EXCLUDED, modelFileMatcher } from '../core/model/load-workspace';
import type { IndexNote } from './codeindex/index-notes';

/** Walk notes of entries the walk did not enter or read (binary and oversize files are the code index's own notes). */
const NOT_READ = new Set(['unreadable', 'outside-root', 'symlink-loop']);

/** An entry the walk left out where an input is or may be: its workspace path and why (`spdf check` lists `file: why`). */
export interface UnreadEntry {
  file: string;
  why: string;
}

/**
 * The entries the workspace walk left out (a symbolic link out of the root, to nothing or in a loop, a folder it
 * could not read) where a model file the `include` globs choose, or a source file the code index reads, is or may be:
 * as `path: why`. What was never read was never checked, so the gate must not pass as if it had been.
 */
export function unreadInputEntries(root: string, notes: readonly IndexNote[], config: ResolvedConfig, code: boolean): string[] {
  return unreadEntries(root, notes, config, code).map((e) => `${e.file}: ${e.why}`);
}

/** The entries `unreadInputEntries` lists, with their paths apart (the editor shows each as a diagnostic). */
export function unreadEntries(root: string, notes: readonly IndexNote[], config: ResolvedConfig, code: boolean): UnreadEntry[] {
  if (!notes.some((n) => NOT_READ.has(n.kind))) return [];
  const isModel = modelFileMatcher(config);
  const codeIncluded = config.code.include.length ? pathMatcher(config.code.include) : () => true;
  const codeExcluded = pathMatcher([...ALWAYS_EXCLUDED, ...config.exclude, ...config.code.exclude]);
  const languages = buildLanguageMap({ overrides: config.code.languages as Record<string, CodeLanguage | 'off'> });
  const isSource = (p: string) => code && codeIncluded(p) && !codeExcluded(p) && languageForPath(p, languages) !== undefined;
  const extensions = [...languages.keys()];
  const out: UnreadEntry[] = [];
  for (const n of notes) {
    // A link back to a folder of its own path leaves nothing unread: the walk reads that folder where it is.
    if (!NOT_READ.has(n.kind) || n.message.startsWith('symbolic link loop back')) continue;
    const folder = n.message.startsWith('directory not readable') || isFolder(join(root, n.file));
    const chosen = folder
      ? isModel(`${n.file}/x.spdf.yaml`) || isModel(`${n.file}/x/x.spdf.yaml`) || extensions.some((ext) => isSource(`${n.file}/x${ext}`) || isSource(`${n.file}/x/x${ext}`))
      : isModel(n.file) || isSource(n.file);
    // The config left unread would be a run with the defaults, as if the workspace had none.
    if (n.file === CONFIG_FILE) out.push({ file: n.file, why: `${n.message} (the workspace's config: the defaults are not what it says)` });
    else if (chosen) out.push({ file: n.file, why: `${n.message} (${folder ? 'a folder the include globs reach into' : 'the include globs choose it'})` });
  }
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
