// @spdf verifies SPDF-LSP-INCR
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';

/**
 * The language server keeps its state up to date one edit at a time (re-parse of the edited file, graph rebuilt
 * with the references of unchanged items reused, rules re-run by what they read). Whatever the edits, its findings
 * must be exactly those of a state built from scratch over the same files: a stale finding is a false green.
 * SPDF_FUZZ_RUNS sets the number of runs (default 15).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 15;
const ROOT = 'incremental-equivalence-workspace';

type Edit =
  | { op: 'delete-line'; file: number; line: number }
  | { op: 'duplicate-line'; file: number; line: number }
  | { op: 'swap-id'; file: number; from: number; to: number }
  | { op: 'delete-file'; file: number }
  | { op: 'close'; file: number }
  | { op: 'append-item'; file: number; ref: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-id' as const), file: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('delete-file' as const), file: fc.nat() }),
  fc.record({ op: fc.constant('close' as const), file: fc.nat() }),
  fc.record({ op: fc.constant('append-item' as const), file: fc.nat(), ref: fc.nat() }),
);

const ID = /\b[A-Z]+(?:-[A-Z]+)*-\d{6}\b/g;

/** The workspace after the edits: files on disk and the open documents that override them. */
interface Files {
  disk: Map<string, string>;
  open: Map<string, string>;
}

function base(): Files {
  const disk = new Map<string, string>(generateModel(150));
  disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
  return { disk, open: new Map() };
}

const modelPaths = (f: Files) => [...new Set([...f.disk.keys(), ...f.open.keys()])].filter((p) => p.endsWith('.spdf.yaml')).sort();

/** Applies one edit to `f` and to the incremental state. */
async function apply(e: Edit, f: Files, state: WorkspaceState): Promise<void> {
  const paths = modelPaths(f);
  if (!paths.length) return;
  const path = paths[e.file % paths.length];
  const text = f.open.get(path) ?? f.disk.get(path) ?? '';
  const lines = text.split('\n');
  const type = async (next: string) => {
    f.open.set(path, next);
    await state.setOverlay(path, next);
  };
  switch (e.op) {
    case 'delete-line':
      return type(lines.filter((_, i) => i !== e.line % lines.length).join('\n'));
    case 'duplicate-line': {
      const i = e.line % lines.length;
      return type([...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'));
    }
    case 'swap-id': {
      const ids = [...new Set(text.match(ID) ?? [])];
      const all = [...new Set(paths.flatMap((p) => (f.open.get(p) ?? f.disk.get(p) ?? '').match(ID) ?? []))];
      if (!ids.length || !all.length) return;
      const from = ids[e.from % ids.length];
      return type(text.split(from).join(all[e.to % all.length]));
    }
    case 'append-item': {
      const all = [...new Set(text.match(ID) ?? [])];
      const ref = all.length ? all[e.ref % all.length] : 'THR-000000';
      return type(`${text.trimEnd()}\nrequirements:\n  - id: SEC-REQ-9${String(e.ref % 1000).padStart(5, '0')}\n    title: Added while typing\n    derived_from: [${ref}]\n`);
    }
    case 'close':
      if (!f.open.delete(path)) return;
      await state.closeOverlay(path);
      return;
    case 'delete-file':
      if (f.open.has(path) || !f.disk.delete(path)) return;
      await state.fileChanged(path, 'deleted');
      return;
  }
}

async function fresh(f: Files): Promise<WorkspaceState> {
  const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root: ROOT, trusted: true, codeLinks: false });
  for (const [p, t] of f.open) state.overlays.set(p, t);
  await state.loadAll();
  state.check();
  return state;
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
          await apply(e, f, state);
          if (checkEach) state.check();
        }
        state.check();
        assert.equal(outcome(state), outcome(await fresh(f)));
      }),
      { numRuns: RUNS },
    );
  });
});
