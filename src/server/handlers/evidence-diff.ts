// @spdf implements SPDF-LSP-IMPACT
/** Change impact in the editor: what the cursor's ID or symbol reaches, the branches, and the evidence diff. */
import { BranchesRequest, EvidenceDiffRequest, ImpactRequest } from '../../protocol';
import { evidenceDiff } from '../../node/evidence-diff';
import { listBranches } from '../../node/git-revision';
import { impactAt } from '../features/impact';
import type { ServerParts } from '../server-parts';
import { safe } from './safe';
import { withPath } from './with-path';

const UNTRUSTED = 'the workspace is not trusted: git is not run (a repository configuration could make it run programs)';

export function registerEvidenceDiff(parts: ServerParts): void {
  const { session } = parts;
  const { connection } = session;
  connection.onRequest(
    ImpactRequest,
    safe(session, 'impact', { subject: null, ids: [], reach: [] }, (p, ctx) => withPath(ctx.paths, p.uri, { subject: null, ids: [], reach: [] }, (path) => impactAt(ctx, path, p.position)), {
      settled: true,
    }),
  );
  connection.onRequest(
    BranchesRequest,
    safe(session, 'branches', { branches: [], error: 'internal error: see the SPDF output' }, async (_p, { state }) => {
      if (!state.trusted) return { branches: [], error: UNTRUSTED };
      try {
        return { branches: await listBranches(state.opts.root) };
      } catch (e) {
        return { branches: [], error: (e as Error).message };
      }
    }),
  );
  connection.onRequest(
    EvidenceDiffRequest,
    safe(session, 'evidenceDiff', { error: 'internal error: see the SPDF output' }, async (p, { state }) => {
      if (!state.trusted) return { error: UNTRUSTED };
      if (typeof p?.base !== 'string' || !p.base) return { error: 'no base revision given' };
      try {
        return { diff: (await evidenceDiff(state.opts.root, p.base, { trusted: true, code: state.opts.codeLinks })).diff };
      } catch (e) {
        // Not a repository, an unknown revision, a revision whose model did not load: the message, never an empty diff.
        return { error: (e as Error).message };
      }
    }),
  );
}
