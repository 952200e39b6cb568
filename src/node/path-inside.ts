// @spdf implements SPDF-FC-SYMLINK
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/** True when `child` (a resolved path) is `folder` or lies below it. */
export function isInside(folder: string, child: string): boolean {
  const rel = path.relative(folder, child);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** `p` with symbolic links resolved; for a path that does not exist yet, its nearest existing folder resolved and the rest appended. */
function realPathOf(p: string): string {
  const rest: string[] = [];
  for (let at = path.resolve(p); ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return path.resolve(p);
      rest.push(path.basename(at));
    }
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
  const real = realPathOf(target);
  if (!isInside(realPathOf(root), real)) throw new LinkOutsideError(`${path.relative(root, target)} leads outside the workspace (to ${real}) through a symbolic link; not written`);
}
