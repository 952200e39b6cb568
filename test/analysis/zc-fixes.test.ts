import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fixes/apply';
import { lintFiles } from '../support/workspace';

/** Applies every fix of one rule to one file, then lints the result again. */
async function fixAndRelint(text: string, code: string) {
  const first = await lintFiles({ 'model.spdf.yaml': text });
  const edits = first.result.findings.filter((f) => f.code === code && f.fix).flatMap((f) => f.fix!.edits);
  const fixed = applyEdits(text, edits);
  assert.deepEqual(fixed.skipped, []);
  const again = await lintFiles({ 'model.spdf.yaml': fixed.text });
  return { text: fixed.text, findings: again.result.findings.map((f) => `${f.code} ${f.range.start.line + 1} ${f.message}`) };
}

describe('ZC quick fixes', () => {
  it('ZC002 adds TODO placeholders for the organisation and boundaries, and leaves decisions to a person', async () => {
    const { text, findings } = await fixAndRelint(
      [
        'zones:',
        '  - id: Z-A',
        '    name: A',
        '    class: ot',
        '    sl_t: 1',
        '  - id: Z-B',
        '    name: B',
        '    class: ot',
        '    accountable_org: R&D',
        '    boundary:',
        '      logical: VLAN 3',
        '    access_points: []',
        '    safety_designation: false',
        '    sl_t: 1',
        '  - {id: Z-C, name: C, class: ot, accountable_org: R&D, boundary: {physical: Box}, access_points: [], safety_designation: false, sl_t: 1}',
        '',
      ].join('\n'),
      'ZC002',
    );
    assert.match(text, /\n {4}accountable_org: TODO\(ZC002\) {2}# spdf ZC002: fill in\n {4}boundary: \{logical: TODO\(ZC002\), physical: TODO\(ZC002\)\}/);
    assert.match(text, /\n {6}logical: VLAN 3\n {6}physical: TODO\(ZC002\) {2}# spdf ZC002: fill in\n/);
    assert.match(text, /boundary: \{physical: Box, logical: TODO\(ZC002\)\}/);
    assert.deepEqual(
      findings.filter((f) => !f.startsWith('TM011') && !/^ZC02[78] /.test(f)),
      ["ZC002 2 zone 'Z-A' does not document access_points, safety_designation (IEC 62443-3-2 ZCR 6.4 zone characteristics)"],
    );
    assert.equal(findings.filter((f) => f.startsWith('TM011')).length, 5, 'every TODO placeholder stays visible (TM011)');
  });
});
