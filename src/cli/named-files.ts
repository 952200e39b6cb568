import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathMatcher } from '../core/path-glob';
import { findWorkspaceRoot } from '../node/find-root';
import { toPosix } from '../node/fs-host';
import { UsageError } from './io';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MODEL_NAME = /\.spdf\.ya?ml$/i;

/** Fails with a usage error (exit 2) for a path that does not exist: a check of nothing is not a pass. */
export function assertPathsExist(paths: string[]): void {
  for (const p of paths) {
    try {
      statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
  }
}

/**
 * Fails with a usage error (exit 2) when the paths belong to different workspaces (each path's root is the nearest
 * folder above it holding spdf.config.yaml): a path linted under another project's config would miss the rules,
 * severities, model and review lock of its own, and a gate could pass where its own config fails it.
 */
export function assertOneRoot(paths: string[]): void {
  const roots = new Map<string, string>();
  for (const p of paths) {
    const root = findWorkspaceRoot(p);
    if (!roots.has(root)) roots.set(root, p);
  }
  if (roots.size < 2) return;
  const named = [...roots].map(([root, path]) => `${root} (${path})`).join(', ');
  throw new UsageError(`the paths belong to different workspaces: ${named}; run spdf lint once for each workspace`);
}

/**
 * Fails with a usage error (exit 2) when the workspace listed no file at all, or for a named path under which it listed
 * none (an empty folder, or one holding only what is always skipped): nothing there was checked, so "no problems" would be a pass over nothing.
 * `listed` holds the workspace-relative paths the run listed, `named` the model-looking files named (TM012 reports those
 * the walk skipped).
 */
export function assertPathsHoldFiles(root: string, paths: string[], listed: readonly string[], named: readonly string[]): void {
  if (listed.length === 0 && named.length === 0) throw new UsageError(`nothing to lint: the workspace ${root} lists no file`);
  for (const p of paths) {
    const rel = toPosix(relative(root, resolve(p)));
    if (rel === '' || rel.startsWith('..')) continue;
    const under = (f: string) => f === rel || f.startsWith(`${rel}/`);
    if (!listed.some(under) && !named.some(under)) throw new UsageError(`nothing to lint under ${p}: the workspace lists no file there`);
  }
}

/**
 * Workspace-relative paths of the model-looking files the user named: every named YAML file, and inside a named
 * folder (other than the workspace root) every `*.spdf.yaml` file or file matching `include`. TM012 reports
 * those that are not part of the model.
 */
export function namedModelFiles(root: string, paths: string[], include: string[]): string[] {
  const inModelPattern = pathMatcher(include);
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    const rel = toPosix(relative(root, abs));
    if (rel.startsWith('..')) continue;
    if (statSync(abs).isFile()) {
      if (/\.ya?ml$/i.test(abs)) out.push(rel);
    } else if (rel !== '') {
      for (const f of walk(abs)) {
        const r = toPosix(relative(root, f));
        if (MODEL_NAME.test(f) || inModelPattern(r)) out.push(r);
      }
    }
  }
  return [...new Set(out)].sort();
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) yield* walk(join(dir, e.name));
    else if (e.isFile()) yield join(dir, e.name);
  }
}
