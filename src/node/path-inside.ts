import * as path from 'node:path';

/** True when `child` (a resolved path) is `folder` or lies below it. */
export function isInside(folder: string, child: string): boolean {
  const rel = path.relative(folder, child);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
