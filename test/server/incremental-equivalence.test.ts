// @spdf verifies SPDF-LSP-INCR
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';
import { applyEdit, freshState, type Edit, type EditArbitrary, type Files } from './model-edits';

/**
 * The language server keeps its state up to date one edit at a time (re-parse of the edited file, graph rebuilt
 * with the references of unchanged items reused, rules re-run by what they read). Whatever the edits, its findings
 * must be exactly those of a state built from scratch over the same files: a stale finding is a false green.
 * SPDF_FUZZ_RUNS sets the number of runs (default 15).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 15;
const ROOT = 'incremental-equivalence-workspace';

const edit: EditArbitrary = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-id' as const), file: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('delete-file' as const), file: fc.nat() }),
  fc.record({ op: fc.constant('close' as const), file: fc.nat() }),
  fc.record({ op: fc.constant('append-item' as const), file: fc.nat(), ref: fc.nat() }),
);

const ID = /\b[A-Z]+(?:-[A-Z]+)*-\d{6}\b/g;

/** Sequences that once failed, run first every time: a duplicated `channels:` key edited in and closed away moved ZC034's node. */
const FOUND: [Edit[], boolean][] = [
  [
    [
      { op: 'delete-line', file: 273342237, line: 230728744 },
      { op: 'duplicate-line', file: 880911807, line: 1298245012 },
      { op: 'close', file: 501306003 },
      { op: 'delete-line', file: 0, line: 259075661 },
    ],
    true,
  ],
];

function base(): Files {
  const disk = new Map<string, string>(generateModel(150));
  disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
  return { disk, open: new Map() };
}

const outcome = (s: WorkspaceState) => JSON.stringify({ findings: s.result.findings, suppressed: s.result.suppressed, errors: s.result.internalErrors, items: s.graph.items.length });

describe('language server: incremental updates equal a check from scratch', function () {
  this.timeout(600000);

  it('after random edits, opens, closes and deletions of model files, the findings equal those of a fresh state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), async (edits, checkEach) => {
        const f = base();
        const state = new WorkspaceState(new MemoryHost(f.disk), { root: ROOT, trusted: true, codeLinks: false });
        await state.loadAll();
        state.check();
        for (const e of edits) {
          await applyEdit(e, f, state, ID);
          if (checkEach) state.check();
        }
        state.check();
        assert.equal(outcome(state), outcome(await freshState(f, ROOT)));
      }),
      { numRuns: RUNS, examples: FOUND },
    );
  });
});
