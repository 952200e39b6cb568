// @spdf verifies SPDF-CMD-TRACE
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

describe('spdf trace -o', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  it('fails without leaving a temporary file when the output cannot replace its target', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Sign firmware\n' });
    try {
      mkdirSync(join(root, 'out', 'report.html'), { recursive: true });
      writeFileSync(join(root, 'out', 'report.html', 'keep'), '');
      const r = await runCli(['trace', root, '--no-code', '-o', join(root, 'out', 'report.html')]);
      assert.notEqual(r.code, 0);
      assert.deepEqual(readdirSync(join(root, 'out')), ['report.html']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
