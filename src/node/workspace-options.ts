// @spdf implements SPDF-CMD-LINKS
import { relative, resolve } from 'node:path';
import { pathMatcher } from '../core/path-glob';
import type { TagSyntaxOptions } from '../core/codelinks/tag-syntaxes';
import type { Host } from '../core/host';
import type { ResolvedConfig } from '../core/model/config-def';
import { DEFAULT_ID_PATTERNS } from '../core/model/kinds';
import type { Workspace } from '../core/model/load-workspace';
import type { CodeIndexOptions } from './codeindex/build-code-index';
import { toPosix } from './fs-host';

export function codeIndexOptions(root: string, host: Host, config: ResolvedConfig, allFiles: string[], alwaysParse: CodeIndexOptions['alwaysParse'], cacheDir: string | undefined): CodeIndexOptions {
  const include = config.code.include.length ? pathMatcher(config.code.include) : undefined;
  return {
    root,
    host,
    files: include ? allFiles.filter((f) => include(f)) : allFiles,
    excludes: [...config.exclude, ...config.code.exclude],
    alwaysParse,
    testGlobs: config.code.testGlobs,
    tagSyntaxes: tagSyntaxOptions(config),
    languages: { overrides: config.code.languages as never },
    maxFileSize: config.code.maxFileBytes,
    cache: cacheDir ?? false,
  };
}

/**
 * Tag syntaxes from the config. Bare-ID patterns default to the ID patterns of the kinds code links to;
 * in an untrusted workspace only built-in patterns are compiled (a hostile regex must not hang the host).
 */
export function tagSyntaxOptions(config: ResolvedConfig): TagSyntaxOptions {
  const idPatterns = config.trusted ? config.idPatterns : DEFAULT_ID_PATTERNS;
  const unanchored = (p: string) => p.replace(/^\^/, '').replace(/\$$/, '');
  const bare = (config.trusted && config.code.bareIdPatterns) || (['requirement', 'control', 'threat', 'hazard'] as const).map((k) => unanchored(idPatterns[k]));
  const { oftRelations, oftIds, tagPatterns, callTags, idNormalize } = config.code;
  return {
    syntaxes: config.code.tagSyntaxes as TagSyntaxOptions['syntaxes'],
    bareIdPatterns: bare,
    ...(oftRelations ? { oftRelations } : {}),
    ...(oftIds ? { oftIds } : {}),
    // Run in the linear-time engine with a size bound, so kept when untrusted: dropping them would drop their tags unseen.
    ...(tagPatterns?.length ? { tagPatterns } : {}),
    ...(callTags?.length ? { callTags } : {}),
    ...(idNormalize ? { idNormalize } : {}),
  };
}

/** Code globs of assets marked safety-critical: their files are parsed even without tags (untraced safety code). */
export function safetyCriticalCodeGlobs(workspace: Workspace): string[] {
  return workspace.graph.byKind.asset
    .filter((a) => a.data.safety_critical === true || a.data.criticality === 'safety-critical')
    .flatMap((a) => (Array.isArray(a.data.code) ? a.data.code.filter((g: unknown): g is string => typeof g === 'string' && !g.startsWith('symbol:')) : []));
}

/** Workspace-relative POSIX path of a user-given path, or undefined when it lies outside the root. */
export function toWorkspacePath(root: string, p: string): string | undefined {
  const rel = toPosix(relative(root, resolve(p)));
  return rel.startsWith('..') ? undefined : rel;
}
