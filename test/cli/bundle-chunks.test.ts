/** The built bundles leave exceljs to dist/exceljs.js, so commands that write no spreadsheet never parse it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../support/cli';

const DIST = join(__dirname, '..', '..', 'dist');

describe('bundles', () => {
  for (const bundle of ['cli.js', 'extension.js']) {
    it(`${bundle} requires exceljs from its own chunk instead of bundling it`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      assert.doesNotMatch(text, /node_modules\/exceljs\//);
      assert.ok(existsSync(join(DIST, 'exceljs.js')));
    });
  }

  it('the built CLI still writes a spreadsheet through the chunk', function () {
    this.timeout(60_000);
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: R\n    text: The pump shall stop.\n' });
    const out = join(root, 'matrix.xlsx');
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'trace', '--view', 'requirements', '--format', 'xlsx', '-o', out, '--no-cache'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });
});
