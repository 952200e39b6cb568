// @spdf implements SPDF-FC-SYMLINK
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/** True when `child` (a resolved path) is `folder` or lies below it. */
export function isInside(folder: string, child: string): boolean {
  const rel = path.relative(folder, child);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** The real path of `p`, or of its nearest existing folder joined with the rest (a file or folder not made yet). */
export function realOrResolved(p: string): string {
  const abs = path.resolve(p);
  const parent = path.dirname(abs);
  try {
    return realpathSync.native(abs);
  } catch {
    return parent === abs ? abs : path.join(realOrResolved(parent), path.basename(abs));
  }
}

/** A write refused because its target lies in the workspace as named but outside it through a symbolic link. */
export class LinkOutsideError extends Error {
  readonly code = 'ELINKOUT';
  readonly syscall = 'write';
}

/**
 * Throws a LinkOutsideError when `target`, named inside `root`, resolves through a symbolic link (the file or a
 * folder on its way) to a place outside the root: a workspace file must never be a way to write elsewhere.
 */
export function refuseLinkOutside(root: string, target: string): void {
  if (!isInside(path.resolve(root), path.resolve(target))) return;
  const real = realOrResolved(target);
  if (!isInside(realOrResolved(root), real)) throw new LinkOutsideError(`${path.relative(root, target)} leads outside the workspace (to ${real}) through a symbolic link; not written`);
}
