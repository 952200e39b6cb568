import type { Paths } from '../convert';

/** Runs `fn` on the workspace path of `uri`; a URI outside the workspace (or not a file) gets `outside`. */
export function withPath<R>(paths: Paths, uri: string, outside: R, fn: (path: string) => R): R {
  const path = paths.toPath(uri);
  return path === undefined ? outside : fn(path);
}
