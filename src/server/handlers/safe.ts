// @spdf implements SPDF-LSP-MULTIROOT, SPDF-LSP-CURRENT
/**
 * Wrappers that keep the server alive: a request handler waits for the index and answers an exception with a
 * logged error and its fallback value; a notification handler logs an exception and returns.
 */
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';
import type { FeatureContext } from '../features/feature-context';
import { InvalidParamsError, RenameError } from '../features/request-errors';
import { isPosition } from '../features/text-lines';
import type { Root, ServerSession } from '../session';

export interface SafeOptions {
  /**
   * Answer for the documents as they are now: wait for every queued mutation (document edits, re-index), then
   * bring the root's graph and findings up to date (a no-op when nothing changed since the last check).
   */
  settled?: boolean;
}

/** Wraps a request handler: `fn` runs on the indexed workspace; a position outside any document has nothing at it. */
export function safe<P, R>(session: ServerSession, name: string, fallback: R, fn: (p: P, ctx: FeatureContext) => R | Promise<R>, options: SafeOptions = {}): (p: P) => Promise<R> {
  return async (p: P) => {
    try {
      await session.ready;
      const root = rootFor(session, p);
      if (!root?.state) return fallback;
      // A position outside the document's coordinates (negative, fractional) has nothing at it.
      const position = (p as { position?: Position }).position;
      if (position !== undefined && !isPosition(position)) return fallback;
      if (options.settled) {
        await session.settled();
        root.state?.check();
      }
      const ctx = session.featureContext(root);
      if (!ctx) return fallback;
      return await fn(p, ctx);
    } catch (e) {
      if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
      if (e instanceof InvalidParamsError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
      session.logError(name, e);
      return fallback;
    }
  };
}

/**
 * The root a request is about: the one it names (`root`: tree, matrix, diagram), else the one that holds its
 * document, else the first (workspace symbols). Naming a folder that is no root is refused, not answered for another.
 */
function rootFor(session: ServerSession, p: unknown): Root | undefined {
  const named = (p as { root?: unknown } | undefined)?.root;
  if (named !== undefined) {
    const root = typeof named === 'string' ? session.roots.find((r) => r.paths.root === named) : undefined;
    if (!root) throw new InvalidParamsError(`${typeof named === 'string' ? named : JSON.stringify(named)} is not a root of this workspace`);
    return root;
  }
  const uri = (p as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined)?.textDocument?.uri ?? (p as { uri?: unknown } | undefined)?.uri;
  return (typeof uri === 'string' && session.rootOf(uri)) || session.roots[0];
}

/** Wraps a notification handler: it never throws into the connection. */
export function guard<P>(session: ServerSession, name: string, fn: (p: P) => void): (p: P) => void {
  return (p: P) => {
    try {
      fn(p);
    } catch (e) {
      session.logError(name, e);
    }
  };
}
