import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

const MODEL = 'hazards:\n  - {id: hazard_1, hazard: Over-infusion, severity: 5, rmf_ref: RMF-1}\n';

describe('TM003 in an untrusted workspace', () => {
  it('reports each configured pattern as not checked, at its key, instead of passing', async () => {
    const { result } = await lintFiles({ 'spdf.config.yaml': 'profile: all\nid_patterns:\n  hazard: "^HAZ-[0-9]{3}$"\n', 'model.spdf.yaml': MODEL }, { trusted: false });
    const tm003 = result.findings.filter((f) => f.code === 'TM003');
    assert.deepEqual(
      tm003.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
      ['spdf.config.yaml:3:3 id_patterns.hazard is not checked: the workspace is untrusted, so its regular expressions are not compiled; trust the workspace to check hazard IDs'],
    );
  });

  it('reports nothing when no pattern is configured', async () => {
    const { result } = await lintFiles({ 'spdf.config.yaml': 'profile: all\n', 'model.spdf.yaml': MODEL }, { trusted: false });
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'TM003'),
      [],
    );
  });
});
