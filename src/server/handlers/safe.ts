/**
 * Wrappers that keep the server alive: a request handler waits for the index and answers an exception with a
 * logged error and its fallback value; a notification handler logs an exception and returns.
 */
import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver/node';
import type { FeatureContext } from '../features/feature-context';
import { InvalidParamsError, RenameError } from '../features/request-errors';
import { isPosition } from '../features/text-lines';
import type { ServerSession } from '../session';

export interface SafeOptions {
  /** Wait for every queued mutation (document edits, re-index) before answering. */
  settled?: boolean;
}

/** Wraps a request handler: `fn` runs on the indexed workspace; a position outside any document has nothing at it. */
export function safe<P, R>(session: ServerSession, name: string, fallback: R, fn: (p: P, ctx: FeatureContext) => R | Promise<R>, options: SafeOptions = {}): (p: P) => Promise<R> {
  return async (p: P) => {
    try {
      await session.ready;
      // A document's request goes to the root that holds it; the others (workspace symbols, tree, matrix) to the first.
      const uri = (p as { textDocument?: { uri?: unknown }; uri?: unknown }).textDocument?.uri ?? (p as { uri?: unknown }).uri;
      const root = (typeof uri === 'string' && session.rootOf(uri)) || session.roots[0];
      if (!root?.state) return fallback;
      // A position outside the document's coordinates (negative, fractional) has nothing at it.
      const position = (p as { position?: Position }).position;
      if (position !== undefined && !isPosition(position)) return fallback;
      if (options.settled) await session.settled();
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
