// @spdf verifies SPDF-IMPORT-XLSX-LIMITS
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XLSX_LIMITS, zipLimitProblem } from '../../src/node/zip-limits';
import { readXlsxRows } from '../../src/node/xlsx-rows';
import { runCli, tempWorkspace } from '../support/cli';
import { deflatedZeros, zip } from '../support/zip';

const MiB = 1024 * 1024;

describe('XLSX limits: a workbook is checked before exceljs inflates it', () => {
  it('loads an ordinary workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').addRow(['ID', 'Title']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    assert.equal(zipLimitProblem(bytes), undefined);
    assert.equal((await readXlsxRows('ok.xlsx', bytes)).rows.length, 1);
  });

  it('refuses a zip bomb whose directory declares more than the inflated-size limit, naming the file and the limit', async () => {
    const root = tempWorkspace({});
    try {
      writeFileSync(join(root, 'bomb.xlsx'), zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: await deflatedZeros(XLSX_LIMITS.maxUncompressedBytes + MiB) }]));
      const r = await runCli(['import', 'xlsx', 'bomb.xlsx', '-o', 'model'], root);
      assert.equal(r.code, 1, r.stderr);
      assert.match(
        r.stderr,
        /^bomb\.xlsx:1:1: error: workbook not loaded: the archive inflates to 201\.0 MiB, over the limit of 200\.0 MiB \(a zip bomb or an oversized workbook\); nothing imported$/m,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses an archive that inflates far more than its compressed size', async () => {
    const bytes = zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: await deflatedZeros(20 * MiB) }]);
    assert.match(zipLimitProblem(bytes)?.reason ?? '', /^the archive inflates \d+ times its compressed size, over the limit of 100 \(a zip bomb\)$/);
  });

  it('refuses an entry that inflates beyond the size its directory declares', async () => {
    const bytes = zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(0), deflated: await deflatedZeros(5 * MiB), declared: 1000 }]);
    assert.deepEqual(zipLimitProblem(bytes), { reason: "entry 'xl/workbook.xml' inflates beyond the 1000 bytes its directory declares (a zip bomb)", unreadable: false });
  });

  it('refuses too many entries and an oversized file', () => {
    const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    assert.equal(zipLimitProblem(many, { ...XLSX_LIMITS, maxEntries: 10 })?.reason, 'the archive holds 11 files, over the limit of 10');
    assert.equal(zipLimitProblem(many, { ...XLSX_LIMITS, maxFileBytes: 100 })?.reason, `the file is ${many.length} bytes, over the limit of 100 bytes`);
    assert.equal(zipLimitProblem(many), undefined);
  });

  it('calls a file without a central directory unreadable', () => {
    assert.deepEqual(zipLimitProblem(Buffer.from('ID,Title\n')), { reason: 'not a ZIP archive (no end of central directory record)', unreadable: true });
  });
});
