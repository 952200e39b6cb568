// @spdf verifies SPDF-LSP-EDIT
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { RULES } from '../../src/core/rules/registry';
import { WorkspaceState } from '../../src/server/state';
import { applyEdit, FIELD_LINE, freshState, modelPaths, type Edit, type EditArbitrary, type Files } from './model-edits';

/**
 * After each edit of a model file, the language server re-runs file-scoped rules on the edited file only: its
 * findings (suppressed ones and TM010 included) must be exactly those of a state built from scratch on the same
 * text, which lints the whole model. SPDF_FUZZ_RUNS sets the number of runs (default 15).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 15;
const ROOT = 'edit-relint-workspace';

const EXTRA = `threats:
  - id: THR-EXTRA-1
    title: Replay TODO
    targets: [AST-000000]
    controls: [CTRL-000000]
    status: mitigated
  # spdf-disable-next-line TR001 -- assessed in the replay review
  - id: THR-EXTRA-2
    title: Replay of a stored command
    targets: [AST-000001]
    status: open
tests:
  # spdf-disable-next-line VT002 -- evidence is in the lab notebook
  - id: TC-EXTRA-1
    title: Replay rejected
    verifies: [SEC-REQ-000001]
    kind: unit
    result: pass
  - id: TC-EXTRA-2
    title: Replay logged
    verifies: [SEC-REQ-000150]
    kind: unit
    result: pass
`;

const CODES = ['VT002', 'TR001', 'TR002', 'TM002', 'TM011', 'CT001', 'RQ005', 'TM001', 'CL007'];

const edit: EditArbitrary = fc.oneof(
  fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-id' as const), file: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('suppress' as const), file: fc.nat(), line: fc.nat(), code: fc.nat(), justified: fc.boolean() }),
  fc.record({ op: fc.constant('close' as const), file: fc.nat() }),
);

/** Edits that change fields only (a title, a text, a status, a result ...) or add lines (positions move): the rules' kept findings are tested. */
const fieldEdit: EditArbitrary = fc.oneof(
  fc.record({ op: fc.constant('set-field' as const), file: fc.nat(), line: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('add-description' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), file: fc.nat(), line: fc.nat() }),
);

const ID = /\b[A-Z]+(?:-[A-Z]+)*-(?:\d{6}|EXTRA-\d)\b/g;

function base(): Files {
  const disk = new Map<string, string>(generateModel(300));
  disk.set('model/extra.spdf.yaml', EXTRA);
  disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
  return { disk, open: new Map() };
}

const outcome = (s: WorkspaceState) => JSON.stringify({ findings: s.result.findings, suppressed: s.result.suppressed, errors: s.result.internalErrors });

/** Runs the edits, checking after each; the first edit after which the incremental findings differ from a fresh state's, if any. */
async function firstDifference(edits: Edit[], codeLinks = false): Promise<number | undefined> {
  const f = base();
  const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root: ROOT, trusted: true, codeLinks });
  await state.loadAll();
  state.check();
  for (const [i, e] of edits.entries()) {
    await applyEdit(e, f, state, ID, CODES);
    state.check();
    if (outcome(state) !== outcome(await freshState(f, ROOT, codeLinks))) return i;
  }
  return undefined;
}

describe('language server: a model edit re-lints file-scoped rules per file and equals a check from scratch', function () {
  this.timeout(600000);

  it('after each random edit (lines deleted or doubled, IDs swapped, suppressions added, documents closed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        assert.equal(await firstDifference(edits), undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('after random field-only edits (titles, texts, statuses, results typed; descriptions added), the code rules run too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldEdit, { minLength: 1, maxLength: 5 }), async (edits) => {
        assert.equal(await firstDifference(edits, true), undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('fails when a rule that reads a field is kept after an edit of it (HZ003 without status)', async () => {
    const hz003 = RULES.find((r) => r.meta.code === 'HZ003')!;
    // A threat of a critical hazard in model/part-000000, mitigated, set to open.
    const paths = modelPaths(base());
    const file = paths.indexOf('model/part-000000.spdf.yaml');
    const line = base()
      .disk.get(paths[file])!
      .split('\n')
      .filter((l) => FIELD_LINE.test(l))
      .indexOf('    status: mitigated');
    assert.ok(file >= 0 && line >= 0);
    const edits: Edit[] = [{ op: 'set-field', file, line, value: 0 }];
    const reads = hz003.meta.reads!;
    assert.ok(reads.includes('status'));
    assert.equal(await firstDifference(edits, true), undefined);
    hz003.meta.reads = reads.filter((r) => r !== 'status');
    try {
      assert.equal(await firstDifference(edits, true), 0);
    } finally {
      hz003.meta.reads = reads;
    }
  });

  it('fails when a rule that reads other files is re-run per file only (TM002 marked file-scoped)', async () => {
    const tm002 = RULES.find((r) => r.meta.code === 'TM002')!;
    // AST-000000 is defined in model/part-000000 and targeted from model/extra: deleting its ID leaves the reference dangling.
    const paths = modelPaths(base());
    const file = paths.indexOf('model/part-000000.spdf.yaml');
    const line = base().disk.get(paths[file])!.split('\n').indexOf('  - id: AST-000000');
    assert.ok(file >= 0 && line >= 0);
    const edits: Edit[] = [{ op: 'delete-line', file, line }];
    assert.equal(await firstDifference(edits), undefined);
    tm002.meta.scope = 'file';
    try {
      assert.equal(await firstDifference(edits), 0);
    } finally {
      delete tm002.meta.scope;
    }
  });
});
