// @spdf verifies SPDF-FC-IMPORT-EVIDENCE
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

/**
 * test/fixtures/import-tm/FORMAT/CASE holds source files and, under expected/, the model files and
 * IMPORT-REPORT.md the import must write (`UPDATE_GOLDEN=1` rewrites them). A case with expected-errors.txt
 * (source errors, dropped evidence) must exit 1 with exactly those `file:line:col: error:` lines on stderr and
 * say INCOMPLETE in its report; any other case must exit 0 with no error. Every imported model must lint
 * without TM000 (YAML) or TM008 (schema) findings.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'import-tm');
const UPDATE = !!process.env.UPDATE_GOLDEN;

for (const format of readdirSync(FIXTURES))
  for (const name of readdirSync(join(FIXTURES, format))) {
    describe(`spdf import ${format}: ${name}`, () => {
      const dir = join(FIXTURES, format, name);
      let root: string;
      let imported: Awaited<ReturnType<typeof runCli>>;
      before(async () => {
        root = mkdtempSync(join(tmpdir(), `spdf-import-tm-${name}-`));
        cpSync(dir, join(root, 'src'), { recursive: true, filter: (src) => !src.includes('expected') });
        imported = await runCli(['import', format, 'src', '-o', 'model'], root);
      });
      after(() => rmSync(root, { recursive: true, force: true }));

      it('writes the golden model files and import report', () => {
        const written = existsSync(join(root, 'model'))
          ? readdirSync(join(root, 'model'))
              .filter((f) => f !== 'IMPORT-BASE.json')
              .sort()
          : [];
        if (UPDATE) {
          mkdirSync(join(dir, 'expected'), { recursive: true });
          for (const f of written) writeFileSync(join(dir, 'expected', f), readFileSync(join(root, 'model', f)));
        }
        assert.deepEqual(written, readdirSync(join(dir, 'expected')).sort());
        for (const f of written) assert.equal(readFileSync(join(root, 'model', f), 'utf8'), readFileSync(join(dir, 'expected', f), 'utf8'), f);
      });

      const errorsFile = join(dir, 'expected-errors.txt');
      it(existsSync(errorsFile) ? 'fails naming each error and dropped element at file:line:col' : 'succeeds with no error', () => {
        const errors = imported.stderr.split('\n').filter((l) => l.includes(': error: '));
        if (UPDATE && errors.length) writeFileSync(errorsFile, errors.join('\n') + '\n');
        const expected = existsSync(errorsFile) ? readFileSync(errorsFile, 'utf8').split('\n').filter(Boolean) : [];
        assert.deepEqual(errors, expected);
        assert.equal(imported.code, expected.length ? 1 : 0, imported.stderr);
        const report = readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8');
        assert.equal(/^\*\*INCOMPLETE\*\*/m.test(report), expected.length > 0, report);
      });

      it('lints without YAML or schema findings', async () => {
        const lint = await runCli(['lint', '--format', 'json', '--no-cache', 'model'], root);
        const findings = (JSON.parse(lint.stdout) as { findings: { code: string; message: string }[] }).findings;
        assert.deepEqual(
          findings.filter((f) => f.code === 'TM000' || f.code === 'TM008'),
          [],
        );
      });
    });
  }
