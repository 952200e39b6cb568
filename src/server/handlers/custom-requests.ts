/** The custom requests of src/protocol.ts: roots, tree and matrix data, zone diagram, mark reviewed, insert tag. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CONFIG_FILE } from '../../core/model/config';
import { buildMatrixFrom } from '../../core/matrix/build';
import { zoneDiagram } from '../../core/matrix/diagram';
import { VIEWS, type Matrix } from '../../core/matrix/model';
import {
  FileCoverageRequest,
  InsertTagRequest,
  ItemCodeRequest,
  MarkReviewedRequest,
  SymbolItemsRequest,
  MatrixRequest,
  TagCandidatesRequest,
  TraceMatrixRequest,
  RootsRequest,
  TreeDataRequest,
  ZoneDiagramRequest,
  type RootInfo,
  type ZoneDiagramResult,
} from '../../protocol';
import { insertTagEdit, tagCandidates } from '../features/insert-tag';
import { fileCoverage, itemCode, symbolItems } from '../features/trace-navigation';
import type { ServerParts } from '../server-parts';
import { coverageSummary, rowsFor } from '../tree';
import { viewProblemLines, viewProblems } from '../view-problems';
import { markReviewed } from './mark-reviewed';
import { safe } from './safe';
import { withPath } from './with-path';

const EMPTY_COVERAGE = () => ({ total: 0, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } });

export function registerCustomRequests(parts: ServerParts): void {
  const { session } = parts;
  const { connection, docs } = session;
  const settled = { settled: true };

  connection.onRequest(RootsRequest, async (): Promise<RootInfo[]> => {
    try {
      await session.ready;
      await session.settled();
      return session.roots.map((r) => ({
        root: r.paths.root,
        name: basename(r.paths.root) || r.paths.root,
        config: existsSync(join(r.paths.root, CONFIG_FILE)),
        items: r.state?.graph.items.length ?? 0,
      }));
    } catch (e) {
      session.logError('roots', e);
      return [];
    }
  });
  connection.onRequest(
    TreeDataRequest,
    safe(
      session,
      'treeData',
      // No rows because the server failed: the tree says so rather than look empty.
      { rows: [], coverage: EMPTY_COVERAGE(), zones: [], problems: [{ message: 'the requirements could not be listed (the server is indexing or failed: see the SPDF output)' }] },
      (p, { state, paths }) => {
        const kinds = p.filter?.kinds?.length ? p.filter.kinds : ['requirement'];
        return { rows: rowsFor(state, paths, kinds, p.filter), coverage: coverageSummary(state), zones: state.graph.byKind.zone.map((z) => z.id), problems: viewProblems(state, paths) };
      },
      settled,
    ),
  );
  connection.onRequest(
    MatrixRequest,
    safe(
      session,
      'matrix',
      { version: 1 as const, rows: [], coverage: EMPTY_COVERAGE() },
      (p, { state, paths }) => {
        const kinds = p.kinds?.length ? p.kinds : ['requirement'];
        return { version: 1 as const, rows: rowsFor(state, paths, kinds, p.filter), coverage: coverageSummary(state) };
      },
      settled,
    ),
  );
  connection.onRequest(
    TraceMatrixRequest,
    safe(session, 'traceMatrix', null as unknown as Matrix, (p, { state }) => buildMatrixFrom(state.traceIndex().index, p?.views?.length ? p.views : VIEWS), settled),
  );
  connection.onRequest(
    ZoneDiagramRequest,
    safe(session, 'zoneDiagram', null as unknown as ZoneDiagramResult, async (_p, { state }) => ({ ...(await zoneDiagram(state.traceIndex().index)), problems: viewProblemLines(state) }), settled),
  );
  connection.onRequest(
    MarkReviewedRequest,
    safe(session, 'markReviewed', { ok: false, message: 'internal error', marked: 0 }, (p) => markReviewed(parts, p)),
  );
  connection.onRequest(
    InsertTagRequest,
    safe(session, 'insertTag', null, async (p, { state, paths }) => {
      const path = paths.toPath(p.uri);
      if (!path || !state.trusted) return null;
      const text = docs.get(p.uri)?.getText() ?? (await state.readTextOf(path));
      if (text === undefined) return null;
      await session.enqueue(async () => {
        // The state current when the update runs (a re-index may have replaced it).
        const now = session.rootOf(p.uri)?.state;
        if (now && !now.code.files.get(path)?.symbols.length) await now.code.update(path, text, { force: true, open: docs.has(p.uri) });
      });
      const ctx = session.featureContext(session.rootOf(p.uri));
      const edit = ctx ? insertTagEdit(ctx, path, text, p.line, p.relation, p.id) : null;
      return edit ? { uri: p.uri, edit } : null;
    }),
  );
  connection.onRequest(
    TagCandidatesRequest,
    safe(session, 'tagCandidates', [], (p, ctx) => withPath(ctx.paths, p.uri, [], (path) => tagCandidates(ctx, path))),
  );
  connection.onRequest(
    FileCoverageRequest,
    safe(
      session,
      'fileCoverage',
      { safetyCritical: false, problem: 'internal error: see the SPDF output', symbols: [] },
      (p, { state, paths }) => withPath(paths, p.uri, { safetyCritical: false, symbols: [] }, (path) => fileCoverage(state, path)),
      settled,
    ),
  );
  connection.onRequest(
    SymbolItemsRequest,
    safe(
      session,
      'symbolItems',
      { symbol: null, items: [] },
      (p, { state, paths }) => withPath(paths, p.uri, { symbol: null, items: [] }, (path) => symbolItems(state, paths, path, p.position.line, p.position.character)),
      settled,
    ),
  );
  connection.onRequest(
    ItemCodeRequest,
    safe(session, 'itemCode', { found: false, code: [] }, (p, { state, paths }) => itemCode(state, paths, p.id), settled),
  );
}
