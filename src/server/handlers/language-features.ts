/** The standard LSP requests, each a thin call of its feature module under `safe`. */
import { SERVER_COMMANDS, type LinkRef } from '../../protocol';
import { codeActions } from '../features/code-actions';
import { codeLenses } from '../features/code-lenses';
import { completion } from '../features/completion';
import { documentLinks } from '../features/document-links';
import { hover } from '../features/hover';
import { definition, references } from '../features/references';
import { prepareRename, rename } from '../features/rename';
import { RenameError } from '../features/request-errors';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import type { ServerParts } from '../server-parts';
import { markReviewed } from './mark-reviewed';
import { safe } from './safe';
import { withPath } from './with-path';

/** Requests about positions, items and findings answer for every edit received before them. */
const CURRENT = { settled: true };

export function registerLanguageFeatures(parts: ServerParts): void {
  const { session } = parts;
  const { connection } = session;

  connection.onHover(safe(session, 'hover', null, (p, ctx) => withPath(ctx.paths, p.textDocument.uri, null, (path) => hover(ctx, path, p.position)), CURRENT));
  connection.onCompletion(
    safe(
      session,
      'completion',
      { isIncomplete: false, items: [] },
      (p, ctx) => withPath(ctx.paths, p.textDocument.uri, { isIncomplete: false, items: [] }, (path) => completion(ctx, path, p.position)),
      CURRENT,
    ),
  );
  connection.onDefinition(safe(session, 'definition', null, (p, ctx) => withPath(ctx.paths, p.textDocument.uri, null, (path) => definition(ctx, path, p.position)), CURRENT));
  connection.onReferences(safe(session, 'references', [], (p, ctx) => withPath(ctx.paths, p.textDocument.uri, [], (path) => references(ctx, path, p.position, p.context.includeDeclaration)), CURRENT));
  connection.onPrepareRename(
    safe(session, 'prepareRename', null, (p, ctx) => (ctx.state.trusted ? withPath(ctx.paths, p.textDocument.uri, null, (path) => prepareRename(ctx, path, p.position)) : null), CURRENT),
  );
  connection.onRenameRequest(
    safe(
      session,
      'rename',
      null,
      (p, ctx) => {
        if (!ctx.state.trusted) throw new RenameError('rename is disabled in an untrusted workspace');
        return withPath(ctx.paths, p.textDocument.uri, null, (path) => rename(ctx, path, p.position, p.newName));
      },
      CURRENT,
    ),
  );
  connection.onDocumentSymbol(safe(session, 'documentSymbol', [], (p, ctx) => withPath(ctx.paths, p.textDocument.uri, [], (path) => documentSymbols(ctx, path)), CURRENT));
  connection.onWorkspaceSymbol(safe(session, 'workspaceSymbol', [], (p, ctx) => workspaceSymbols(ctx, p.query), CURRENT));
  connection.onDocumentLinks(safe(session, 'documentLinks', [], (p, ctx) => withPath(ctx.paths, p.textDocument.uri, [], (path) => documentLinks(ctx, path)), CURRENT));
  connection.onCodeLens(safe(session, 'codeLens', [], (p, ctx) => (session.settings.codeLens ? withPath(ctx.paths, p.textDocument.uri, [], (path) => codeLenses(ctx, path)) : []), CURRENT));
  connection.onCodeAction(safe(session, 'codeAction', [], (p, ctx) => withPath(ctx.paths, p.textDocument.uri, [], (path) => codeActions(ctx, path, p)), CURRENT));
  connection.onExecuteCommand(
    safe(session, 'executeCommand', null, async (p) => {
      if (p.command === SERVER_COMMANDS.reindex) {
        await session.enqueue(parts.index);
        return null;
      }
      if (p.command === SERVER_COMMANDS.markReviewed) {
        const args = (p.arguments ?? []) as (LinkRef | { id: string })[];
        const links = args.filter((a): a is LinkRef => !!a && 'relation' in a);
        const id = args.find((a) => a && !('relation' in a))?.id;
        return markReviewed(parts, { links: links.length ? links : undefined, id });
      }
      return null;
    }),
  );
}
