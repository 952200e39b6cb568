// @spdf verifies SPDF-EXP-CSV, SPDF-EXP-HTML, SPDF-EXP-JSON, SPDF-EXP-MD, SPDF-EXP-SARIF, SPDF-EXP-XLSX
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadTrace, type TraceLoad } from '../../src/cli/commands/trace';
import { toCsv } from '../../src/core/export/csv';
import { toHtml } from '../../src/core/export/html';
import { toJson } from '../../src/core/export/json';
import { toMarkdown } from '../../src/core/export/markdown';
import { lintToSarif, traceToSarif } from '../../src/core/export/sarif';
import { flatten, viewsOf } from '../../src/core/export/table';
import { toXlsx } from '../../src/core/export/xlsx';
import { VIEWS } from '../../src/core/matrix/model';
import type { LintResult } from '../../src/core/rules/engine';
import { checkPath } from '../../src/node/workspace';
import { validator } from './support';

const REPO = join(__dirname, '..', '..');
const UPDATE = !!process.env.UPDATE_GOLDEN;

/** Compares with the golden file; `UPDATE_GOLDEN=1 npm test` rewrites it. */
function golden(dir: string, name: string, actual: string): void {
  const file = join(dir, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) assert.fail(`golden file ${name} was missing and has been written; run the tests again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 npm test to accept)`);
}

const WORKSPACES = [
  { name: 'infusion-pump', path: 'examples/infusion-pump' },
  { name: 'matrix-statuses', path: 'test/workspaces/matrix-statuses' },
];

describe('exports (golden files)', () => {
  const validSarif = validator('test/data/sarif-2.1.0-subset.schema.json');
  const validTrace = validator('media/schemas/spdf.trace.schema.json');
  let prevCwd: string;
  before(() => {
    process.env.SPDF_NO_GIT = '1';
    prevCwd = process.cwd();
    process.chdir(REPO);
  });
  after(() => process.chdir(prevCwd));

  for (const ws of WORKSPACES) {
    describe(ws.name, () => {
      const dir = join(__dirname, 'golden', ws.name);
      let t: TraceLoad;
      /** The lint of `spdf lint`: `trace` runs no rule that reports only in source files. */
      let lint: LintResult;
      before(async function () {
        this.timeout(120_000);
        t = await loadTrace(join(REPO, ws.path), { views: VIEWS });
        lint = (await checkPath(join(REPO, ws.path))).result;
      });
      const sarifOpts = () => ({ toolVersion: '0.0.0-test', uriPrefix: `${ws.path}/` });

      it('HTML', () => golden(dir, 'matrix.html', toHtml(t.matrix, { subtitle: 'golden' })));
      it('CSV (one file per view)', () => {
        const errors: string[] = [];
        for (const v of viewsOf(t.matrix))
          try {
            golden(dir, `${v.name}.csv`, toCsv(v));
          } catch (e) {
            errors.push((e as Error).message);
          }
        assert.deepEqual(errors, []);
      });
      it('Markdown', () => golden(dir, 'matrix.md', toMarkdown(t.matrix)));
      it('JSON, valid against media/schemas/spdf.trace.schema.json', () => {
        const text = toJson(t.matrix);
        assert.deepEqual(validTrace(JSON.parse(text)), []);
        golden(dir, 'matrix.json', text);
      });
      it('SARIF of the trace, valid against the SARIF 2.1.0 schema', () => {
        const log = traceToSarif(t.matrix, sarifOpts());
        assert.deepEqual(validSarif(log), []);
        golden(dir, 'trace.sarif', `${JSON.stringify(log, null, 2)}\n`);
      });
      it('SARIF of lint, with every rule and suppression, valid against the SARIF 2.1.0 schema', () => {
        const log = lintToSarif(lint, lint.findings, sarifOpts()) as { runs: { tool: { driver: { rules: unknown[] } }; results: { suppressions?: unknown[] }[] }[] };
        assert.deepEqual(validSarif(log), []);
        assert.ok(log.runs[0].tool.driver.rules.length > 50, `every rule is described: ${log.runs[0].tool.driver.rules.length} rules`);
        assert.equal(log.runs[0].results.filter((r) => r.suppressions).length, lint.suppressed.length);
        // The rule metadata comes from every rule's meta (checked above); the golden file pins the results.
        golden(dir, 'lint.sarif-results.json', `${JSON.stringify(log.runs[0].results, null, 2)}\n`);
      });
      it('XLSX re-opens with one sheet per view, frozen header, filter and the expected rows', async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await toXlsx(t.matrix)) as never);
        const views = viewsOf(t.matrix);
        assert.equal(wb.worksheets.length, views.length);
        views.forEach((v, i) => {
          const sheet = wb.worksheets[i];
          const { header, rows } = flatten(v, '\n');
          assert.equal(sheet.rowCount, rows.length + 1, v.name);
          assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), header);
          rows.forEach((r, j) =>
            assert.deepEqual(
              (sheet.getRow(j + 2).values as unknown[]).slice(1).map((x) => x ?? ''),
              r.map((x) => x),
              `${v.name} row ${j + 2}`,
            ),
          );
          assert.equal(sheet.views[0].state, 'frozen');
          assert.ok(sheet.autoFilter, `auto filter on ${v.name}`);
        });
        golden(dir, 'xlsx-rows.txt', views.map((v) => `${v.title}: ${v.rows.length} rows`).join('\n') + '\n');
      });
    });
  }
});
