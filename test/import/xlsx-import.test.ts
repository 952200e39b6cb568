import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempWorkspace } from '../support/cli';

/** A workbook as an ALM exports it: a banner row, the header, requirements, a formula, and a second sheet. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Requirements');
  ws.addRow(['Exported from ALM']);
  ws.addRow(['Key', 'Summary', 'Description', 'State', 'Parent']);
  ws.addRow(['PUMP-1', 'Dose limit', 'The pump refuses a dose above the limit.', 'Approved']);
  ws.addRow(['PUMP-2', '=HYPERLINK("http://x")', { formula: 'SUM(1,2)', result: 3 }, 'draft', 'PUMP-1']);
  ws.addRow([undefined, 'no key']);
  book.addWorksheet('Notes').addRow(['free text']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('spdf import xlsx: a spreadsheet from an ALM tool', () => {
  it('imports the rows under the detected header, keeps formulas as text, and reports the rest with row:column', async () => {
    const root = tempWorkspace({});
    try {
      writeFileSync(join(root, 'reqs.xlsx'), await workbook());
      const r = await runCli(['import', 'xlsx', 'reqs.xlsx', '-o', 'model'], root);
      // The row without an ID dropped input: the import writes what it read and fails naming the row.
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /^reqs\.xlsx:5:1: error: row without a value in the ID column 'Key'; not imported$/m);
      assert.match(r.stderr, /^reqs\.xlsx:1:1: error: worksheet 'Notes' not read /m);
      assert.match(r.stderr, /imported 2 of 5 source element\(s\)/);
      const model = readFileSync(join(root, 'model', 'reqs.spdf.yaml'), 'utf8');
      assert.match(model, /- id: PUMP-1\n {4}title: "Dose limit"\n {4}text: "The pump refuses a dose above the limit."\n {4}status: approved/);
      assert.match(model, /- id: PUMP-2\n {4}title: "=HYPERLINK\(\\"http:\/\/x\\"\)"\n {4}text: "=SUM\(1,2\)"\n {4}derived_from: \[PUMP-1\]\n {4}status: draft/);
      const report = readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8');
      for (const note of [
        "reqs.xlsx:1:1: worksheet 'Notes' not read",
        'reqs.xlsx:1:1: row above the header row',
        "reqs.xlsx:4:3: cell is a formula: its text '=SUM(1,2)' is imported, never its value",
        "reqs.xlsx:4:1: PUMP-2: title begins with '='",
        "reqs.xlsx:5:1: row without a value in the ID column 'Key'",
      ])
        assert.ok(report.includes(`- ${note}`), `${note}\n${report}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails naming a non-empty worksheet it did not read, unless --sheet chose the one to read', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Requirements').addRows([
      ['ID', 'Title'],
      ['PUMP-1', 'Dose limit'],
    ]);
    book.addWorksheet('More requirements').addRows([
      ['ID', 'Title'],
      ['PUMP-9', 'Occlusion alarm'],
    ]);
    const root = tempWorkspace({});
    try {
      writeFileSync(join(root, 'reqs.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
      const first = await runCli(['import', 'xlsx', 'reqs.xlsx', '-o', 'model'], root);
      assert.equal(first.code, 1, first.stderr);
      assert.deepEqual(
        first.stderr.split('\n').filter((l) => l.includes(': error: ')),
        ["reqs.xlsx:1:1: error: worksheet 'More requirements' not read (one sheet is imported: --sheet NAME chooses it and leaves the others out)"],
      );
      assert.match(readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8'), /^\*\*INCOMPLETE\*\*/m);
      const chosen = await runCli(['import', 'xlsx', 'reqs.xlsx', '--sheet', 'Requirements', '-o', 'chosen'], root);
      assert.equal(chosen.code, 0, chosen.stderr);
      assert.ok(readFileSync(join(root, 'chosen', 'IMPORT-REPORT.md'), 'utf8').includes("- reqs.xlsx:1:1: worksheet 'More requirements' not read (--sheet Requirements chose another)"));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails with a position on a file that is not a workbook, and on an unknown --sheet', async () => {
    const root = tempWorkspace({ 'broken.xlsx': 'ID,Title\nA-1,x\n' });
    try {
      const r = await runCli(['import', 'xlsx', 'broken.xlsx', '-o', 'model'], root);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /broken\.xlsx:1:1: error: not a readable XLSX workbook/);
      writeFileSync(join(root, 'reqs.xlsx'), await workbook());
      const s = await runCli(['import', 'xlsx', 'reqs.xlsx', '--sheet', 'Nope', '-o', 'model2'], root);
      assert.equal(s.code, 1);
      assert.match(s.stderr, /reqs\.xlsx:1:1: error: no worksheet 'Nope' \(sheets: Requirements, Notes\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads the columns --columns names when the headers are not the usual ones', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['Ref', 'Label']);
    ws.addRow(['R-1', 'One']);
    const root = tempWorkspace({});
    try {
      writeFileSync(join(root, 'r.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
      const without = await runCli(['import', 'xlsx', 'r.xlsx', '-o', 'a'], root);
      assert.equal(without.code, 1);
      assert.match(without.stderr, /r\.xlsx:1:1: error: no header row found .*--columns/);
      const r = await runCli(['import', 'xlsx', 'r.xlsx', '--columns', 'id=Ref,title=Label', '-o', 'b'], root);
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(join(root, 'b', 'r.spdf.yaml'), 'utf8'), /- id: R-1\n {4}title: "One"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
