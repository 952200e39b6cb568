// @spdf verifies SPDF-FC-IMPORT-DROPPED
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

describe('spdf import csv: a row that is not imported fails the import', () => {
  it('exits 1 naming FILE:LINE of each row without an ID, and still writes the rows it read', async () => {
    const root = tempWorkspace({ 'r.csv': 'ID,Title\nR-1,One\n,Lost requirement\nR-2,Two\n,Another\n' });
    try {
      const r = await runCli(['import', 'csv', 'r.csv', '-o', 'model'], root);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(
        r.stderr.split('\n').filter((l) => l.includes(': error: ')),
        ["r.csv:3:1: error: row without a value in the ID column 'ID'; not imported", "r.csv:5:1: error: row without a value in the ID column 'ID'; not imported"],
      );
      assert.match(readFileSync(join(root, 'model', 'r.spdf.yaml'), 'utf8'), /- id: R-1\n[\s\S]*- id: R-2\n/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
