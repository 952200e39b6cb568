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

  /**
   * Rows whose number of fields differs from the header row's (RFC 4180: every line has the same number): a file cut
   * mid-row, a delimiter written unquoted inside a field. They were imported without a word, their cells shifted or
   * their text cut short. Each is now an error at its line and not imported; the rows around it are.
   */
  const WIDTH: { name: string; csv: string; errors: string[]; imported: string[] }[] = [
    {
      name: 'a file cut mid-row (fewer fields)',
      csv: 'ID,Title,Text\nR-1,One,The pump shall stop.\nR-2,Two',
      errors: ['r.csv:3:1: error: row has 2 fields where the header row (line 1) has 3: a row cut short, or a field holding the delimiter unquoted; not imported'],
      imported: ['R-1'],
    },
    {
      name: 'a comma inside an unquoted field (more fields)',
      csv: 'ID,Title,Text\nR-1,Stop, then alarm,The pump shall stop.\nR-2,Two,Text\n',
      errors: ['r.csv:2:1: error: row has 4 fields where the header row (line 1) has 3: a row cut short, or a field holding the delimiter unquoted; not imported'],
      imported: ['R-2'],
    },
    {
      name: 'a semicolon file below a banner line, one row short',
      csv: 'Export of 2026-11-30\nID;Title;Status\nR-1;One;approved\nR-2;Two\r\nR-3;Three;draft\r\n',
      errors: ['r.csv:4:1: error: row has 2 fields where the header row (line 2) has 3: a row cut short, or a field holding the delimiter unquoted; not imported'],
      imported: ['R-1', 'R-3'],
    },
    {
      name: 'a quoted field over two lines and a trailing empty field keep the width',
      csv: 'ID,Title,Text\nR-1,"One, two","Line one\nline two"\nR-2,Two,\n',
      errors: [],
      imported: ['R-1', 'R-2'],
    },
  ];
  for (const c of WIDTH)
    it(`${c.name}: ${c.errors.length ? 'an error at the row, which is not imported' : 'imported'}`, async () => {
      const root = tempWorkspace({ 'r.csv': c.csv });
      try {
        const r = await runCli(['import', 'csv', 'r.csv', '-o', 'model'], root);
        assert.equal(r.code, c.errors.length ? 1 : 0, r.stderr);
        assert.deepEqual(
          r.stderr.split('\n').filter((l) => l.includes(': error: ')),
          c.errors,
        );
        const written = readFileSync(join(root, 'model', 'r.spdf.yaml'), 'utf8');
        assert.deepEqual(
          [...written.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]),
          c.imported,
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
