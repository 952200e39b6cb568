import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

describe('CL002 names what a tag is above when it links nothing', () => {
  it('says the code below is a statement, not a linkable symbol', async () => {
    const { result } = await lintFiles({
      'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: t\n',
      'src/pump.py': 'import os\n\n\nos.sep\n# @spdf implements SEC-REQ-014\nprint(os.sep)\n',
    });
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'CL002').map((f) => `${f.range.start.line + 1} ${f.message}`),
      [
        "5 tag for 'SEC-REQ-014' is attached to no symbol (the code below it is an expression statement, not a linkable symbol); put it directly above the function, class, constant or variable it documents",
      ],
    );
  });
});
