import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fixes/apply';
import { lintFiles } from '../support/workspace';

const CONTROLS = 'controls:\n  - id: CTRL-001\n    title: Signed\n  - id: CTRL-ABC\n    title: Other\n';

async function tm002(model: string) {
  const { result } = await lintFiles({ 'model.spdf.yaml': model });
  const found = result.findings.filter((f) => f.code === 'TM002');
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
  return found[0];
}

describe('TM002 dangling-reference: what the fix does', () => {
  it('changes a typo to the one close existing ID, and creates no stub', async () => {
    const f = await tm002(`threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-0O1]\n${CONTROLS}`);
    assert.equal(f.fix?.description, "Change to 'CTRL-001'");
    assert.deepEqual(
      f.fix?.edits.map((e) => e.newText),
      ['CTRL-001'],
    );
    assert.match(f.message, /did you mean 'CTRL-001'\?/);
    assert.deepEqual(
      f.suggestions?.map((s) => s.description),
      ["Create a control stub 'CTRL-0O1' in model.spdf.yaml"],
    );
  });

  it('applies nothing when several IDs are equally close; each is a suggestion, the stub comes last', async () => {
    const f = await tm002(`threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-012]\ncontrols:\n  - id: CTRL-011\n    title: A\n  - id: CTRL-013\n    title: B\n`);
    assert.equal(f.fix, undefined);
    assert.deepEqual(
      f.suggestions?.map((s) => s.description),
      ["Change to 'CTRL-011'", "Change to 'CTRL-013'", "Create a control stub 'CTRL-012' in model.spdf.yaml"],
    );
  });

  it('applies nothing when the one close ID differs only in its number (another item, not a typo)', async () => {
    const f = await tm002(`threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-002]\n${CONTROLS}`);
    assert.equal(f.fix, undefined);
    assert.deepEqual(
      f.suggestions?.map((s) => s.description),
      ["Change to 'CTRL-001'", "Create a control stub 'CTRL-002' in model.spdf.yaml"],
    );
    const padded = await tm002(`threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-0001]\n${CONTROLS}`);
    assert.equal(padded.fix?.description, "Change to 'CTRL-001'", 'the same number written with another padding is a typo');
  });

  it('creates a stub only of the one kind whose ID pattern fits, with TODO(TM002) fields that stay an error', async () => {
    const model = 'requirements:\n  - id: SEC-REQ-001\n    title: R\n    text: T\ntests:\n  - id: TC-001\n    title: T\n    result: pass\n    verifies: [THR-404]\n';
    const f = await tm002(model);
    assert.equal(f.fix?.description, "Create a threat stub 'THR-404' in model.spdf.yaml");
    const fixed = applyEdits(model, f.fix.edits).text;
    assert.match(fixed, /\nthreats:\n  - id: THR-404\n    title: TODO\(TM002\)/);
    const again = (await lintFiles({ 'model.spdf.yaml': fixed })).result.findings;
    assert.deepEqual(
      again.filter((x) => x.code === 'TM002'),
      [],
    );
    const placeholders = again.filter((x) => x.code === 'TM011');
    assert.notDeepEqual(placeholders, [], 'TM011 on the stub placeholders');
    assert.deepEqual(
      placeholders.filter((x) => x.severity !== 'error'),
      [],
      'the stub keeps TM002 severity until a person writes it',
    );
  });

  it('creates the stub in the first model file holding items of that kind, not in the referencing file', async () => {
    const { result } = await lintFiles({
      'a-threats.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-777]\n',
      'b-controls.spdf.yaml': 'controls:\n  - id: CTRL-ABC\n    title: Other\n',
    });
    const f = result.findings.find((x) => x.code === 'TM002');
    assert.equal(f?.fix?.description, "Create a control stub 'CTRL-777' in b-controls.spdf.yaml");
    assert.deepEqual(
      f?.fix?.edits.map((e) => e.file),
      ['b-controls.spdf.yaml'],
    );
  });

  it('creates no stub when the ID fits no expected kind', async () => {
    const f = await tm002('tests:\n  - id: TC-001\n    title: T\n    result: pass\n    verifies: [XYZ-QQQQQQ]\n');
    assert.equal(f.fix, undefined);
  });
});
