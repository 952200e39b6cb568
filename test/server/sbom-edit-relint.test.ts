// @spdf verifies SPDF-LSP-SBOM
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { editOf } from '../../src/server/graph-assembly';
import { WorkspaceState } from '../../src/server/state';
import { applyEdit, type Edit, type Files } from './model-edits';

/**
 * A workspace whose model names SBOM and VEX documents (one read twice, one missing): after random edits of model
 * files and of the open SBOM/VEX documents, the incremental findings equal those of a state built from scratch on
 * the same texts saved to disk; a model edit that changes no reference gets the graph patch (and so the rule reuse).
 * SPDF_FUZZ_RUNS sets the number of runs (default 15).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 15;
const ROOT = 'sbom-edit-relint-workspace';
const FIXTURES = join(__dirname, '..', 'fixtures', 'sbom', 'formats');
const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

const SYSTEM = `system:
  id: SYS-BENCH
  name: Bench pump
  sbom: sbom/c0.cdx.json
  vex: [vex/app.openvex.json]
threats:
  - id: THR-SBOM-1
    title: Prototype pollution through query strings
    targets: [pkg:npm/express@4.18.2]
    refs: { cve: [CVE-2022-24999] }
    controls: [CTRL-000000]
    status: mitigated
`;

const SBOM_PATHS = ['sbom/c0.cdx.json', 'sbom/c1.cdx.json', 'vex/app.openvex.json'];
const ID = /\b[A-Z]+(?:-[A-Z]+)*-(?:\d{6}|SBOM-\d)\b/g;
const CODES = ['SB007', 'TR012', 'TM002', 'TR001'];

function base(): Files {
  const disk = new Map<string, string>(generateModel(300));
  disk.set('model/system.spdf.yaml', SYSTEM);
  disk.set('sbom/c0.cdx.json', fixture('sboms/app.cdx.json'));
  disk.set('sbom/c1.cdx.json', fixture('sboms/gw.spdx.json'));
  disk.set('vex/app.openvex.json', fixture('vex/app.openvex.json'));
  disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
  return { disk, open: new Map() };
}

/** An edit of an SBOM or VEX document in the editor: a line deleted or doubled (often breaking the JSON), or the document closed. */
type SbomEdit = { op: 'sbom-delete-line' | 'sbom-duplicate-line' | 'sbom-close'; file: number; line: number };

const modelEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('set-field' as const), file: fc.nat(), line: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('add-description' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-id' as const), file: fc.nat(), from: fc.nat(), to: fc.nat() }),
  // A comment line near the top moves the references to the documents below it.
  fc.record({ op: fc.constant('suppress' as const), file: fc.nat(), line: fc.nat({ max: 40 }), code: fc.nat(), justified: fc.boolean() }),
);
const sbomEdit: fc.Arbitrary<SbomEdit> = fc.record({ op: fc.constantFrom('sbom-delete-line' as const, 'sbom-duplicate-line' as const, 'sbom-close' as const), file: fc.nat(), line: fc.nat() });

async function applySbomEdit(e: SbomEdit, f: Files, state: WorkspaceState): Promise<void> {
  const path = SBOM_PATHS[e.file % SBOM_PATHS.length];
  if (e.op === 'sbom-close') {
    if (f.open.delete(path)) await state.closeOverlay(path);
    return;
  }
  const lines = (f.open.get(path) ?? f.disk.get(path)!).split('\n');
  const i = e.line % lines.length;
  const next = e.op === 'sbom-delete-line' ? lines.filter((_, k) => k !== i) : [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)];
  f.open.set(path, next.join('\n'));
  await state.setOverlay(path, next.join('\n'));
}

const outcome = (s: WorkspaceState) => JSON.stringify({ findings: s.result.findings, suppressed: s.result.suppressed, errors: s.result.internalErrors });

/** The same texts, saved: what a check from scratch reads. */
async function scratch(f: Files): Promise<WorkspaceState> {
  const s = new WorkspaceState(new MemoryHost(new Map([...f.disk, ...f.open])), { root: ROOT, trusted: true, codeLinks: true });
  await s.loadAll();
  s.check();
  return s;
}

async function firstDifference(edits: (Edit | SbomEdit)[]): Promise<number | undefined> {
  const f = base();
  const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root: ROOT, trusted: true, codeLinks: true });
  await state.loadAll();
  state.check();
  for (const [i, e] of edits.entries()) {
    if (e.op.startsWith('sbom-')) await applySbomEdit(e as SbomEdit, f, state);
    else await applyEdit(e as Edit, f, state, ID, CODES);
    state.check();
    if (outcome(state) !== outcome(await scratch(f))) return i;
  }
  return undefined;
}

describe('language server: edits in a workspace with SBOM and VEX documents equal a check from scratch', function () {
  this.timeout(600000);

  it('the workspace reads its documents: components, a VEX disposition and a missing SBOM', async () => {
    const s = await scratch(base());
    assert.ok(s.graph.byKind.component.length >= 4);
    assert.equal(s.graph.sboms.length, 3);
    assert.ok(s.result.findings.some((f) => f.code === 'SB007' && f.message.includes("'sbom/c2.cdx.json' does not exist")));
  });

  it('a title typed in a model file patches the graph and keeps the documents read', async () => {
    const f = base();
    const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root: ROOT, trusted: true, codeLinks: true });
    await state.loadAll();
    state.check();
    const sboms = state.sboms;
    await applyEdit({ op: 'set-field', file: 0, line: 0, value: 0 }, f, state, ID, CODES);
    state.check();
    assert.equal(state.sboms, sboms);
    assert.ok(editOf(state.graph), 'the graph was patched, not rebuilt');
    assert.equal(outcome(state), outcome(await scratch(f)));
  });

  it('a line typed above a reference to a document patches the graph, keeps the documents and moves the problems at references', async () => {
    const f = base();
    const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root: ROOT, trusted: true, codeLinks: true });
    await state.loadAll();
    state.check();
    const files = state.sboms.files;
    // model/part-000000 names sbom/c0.cdx.json, model/part-000002 the missing sbom/c2.cdx.json (an SB007 at the reference).
    for (const path of ['model/part-000000.spdf.yaml', 'model/part-000002.spdf.yaml']) {
      const text = `# typed above\n${f.disk.get(path)!}`;
      f.open.set(path, text);
      await state.setOverlay(path, text);
      state.check();
      assert.equal(state.sboms.files, files);
      assert.ok(editOf(state.graph), `the graph was patched after the edit of ${path}`);
      assert.equal(outcome(state), outcome(await scratch(f)));
    }
  });

  it('after random edits of model files and of the open SBOM and VEX documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(modelEdit, modelEdit, sbomEdit), { minLength: 1, maxLength: 5 }), async (edits) => {
        assert.equal(await firstDifference(edits), undefined);
      }),
      { numRuns: RUNS },
    );
  });
});
