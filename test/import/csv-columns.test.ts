import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/import/csv';
import { runCli, tempWorkspace } from '../support/cli';

describe('spdf import csv: column mapping from a file', () => {
  it('reads the columns a --columns-file names, and rejects a malformed mapping line with its position', async () => {
    const root = tempWorkspace({
      'r.csv': 'Ref;Label;Body\nR-1;One;"Text; with a semicolon"\n',
      'map.txt': '# ALM export\nid: Ref\ntitle: "Label"\n\ntext=Body\n',
      'bad.txt': 'id Ref\n',
    });
    try {
      const without = await runCli(['import', 'csv', 'r.csv', '-o', 'a'], root);
      assert.equal(without.code, 1);
      assert.match(without.stderr, /r\.csv:1:1: error: no header row found/);
      const r = await runCli(['import', 'csv', 'r.csv', '--columns-file', 'map.txt', '-o', 'b'], root);
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(join(root, 'b', 'r.spdf.yaml'), 'utf8'), /- id: R-1\n {4}title: "One"\n {4}text: "Text; with a semicolon"\n/);
      const bad = await runCli(['import', 'csv', 'r.csv', '--columns-file', 'bad.txt', '-o', 'c'], root);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /bad\.txt:1:1: expected 'ROLE: HEADER'/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spdf import csv: delimiter', () => {
  it('finds the semicolon of a European export below a banner line without one', () => {
    const parsed = parseCsv('r.csv', 'Requirements export\nID;Title\nR-1;One, two\n', {});
    assert.deepEqual(
      parsed.items.map((i) => [i.id, i.title, `${i.pos.line}:${i.pos.col}`]),
      [['R-1', 'One, two', '3:1']],
    );
  });
});
