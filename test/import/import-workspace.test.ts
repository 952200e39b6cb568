// @spdf verifies SPDF-FC-IMPORT-EVIDENCE
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse';
import { toData } from '../../src/core/yaml/ynode';
import { runCli } from '../support/cli';
import { mdCell } from '../../src/core/export/markdown';

/**
 * Each folder of test/fixtures/import is a small project in one source format: its requirement documents,
 * code tagged in that project's syntax, and expected.json (what the import must give). The test imports the
 * documents, configures the workspace as the import report says, and lints it.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

interface Expected {
  /** The import format when the folder name is not one (`oft-spec-full`). */
  format?: string;
  /** Further `spdf import` options (`--oft-ids full`). */
  args?: string[];
  inputs: string[];
  /** `dropped`: notes naming evidence of the source not in the model (each fails the import, as an error does). */
  counts: { elements: number; imported: number; reported: number; errors: number; dropped: number };
  files: string[];
  ids: Record<string, string>;
  derivedFrom: Record<string, string[]>;
  notes: string[];
  links: string[];
  /** Code globs of each imported ID that has them (StrictDoc File relations). */
  code?: Record<string, string[]>;
  /** Model revision of each imported ID that has one. */
  revisions?: Record<string, number>;
  /** `CODE file:line:col` of every finding of the codes named here (CL010: a tag naming an old revision). */
  findings?: string[];
}

const SECTION_KIND: Record<string, string> = {
  Errors: 'error',
  'Dropped evidence': 'dropped',
  'Source elements not imported': 'skipped',
  'Lost or changed in imported elements': 'lost',
};
/** Notes that fail the import, each an `error:` line on stderr. */
const FAILING = new Set(['error', 'dropped']);

/** `file:line:col kind message` of every listed note in IMPORT-REPORT.md. */
/** The text of a report cell escaped by mdCell (backslash escapes, then the three entities). */
const unMd = (cell: string) => cell.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function reportNotes(report: string): string[] {
  const notes: string[] = [];
  let kind: string | undefined;
  for (const line of report.split('\n')) {
    const h = /^## (.*?)(?: \(.*)?$/.exec(line);
    if (h) kind = SECTION_KIND[h[1]];
    const n = /^- (\S+:\d+:\d+): (.*)$/.exec(line);
    if (n && kind) notes.push(`${unMd(n[1])} ${kind} ${unMd(n[2])}`);
  }
  return notes;
}

function requirementsOf(root: string, files: string[]): { id: string; derived_from?: string[]; revision?: number; code?: string[] }[] {
  return files.flatMap((f) => {
    const parsed = parseYaml(readFileSync(join(root, 'model', f), 'utf8'));
    assert.deepEqual(parsed.problems, [], `${f} is valid YAML`);
    return (toData(parsed.roots[0], { left: 1e6 }) as { requirements: { id: string; derived_from?: string[]; revision?: number; code?: string[] }[] }).requirements;
  });
}

for (const folder of readdirSync(FIXTURES)) {
  const expected = JSON.parse(readFileSync(join(FIXTURES, folder, 'expected.json'), 'utf8')) as Expected;
  const format = expected.format ?? folder;
  describe(`spdf import ${format} ${expected.args?.join(' ') ?? ''}: a small project (${folder}) imported, configured and linted`, () => {
    let root: string;
    let imported: Awaited<ReturnType<typeof runCli>>;
    let report: string;
    before(async () => {
      root = mkdtempSync(join(tmpdir(), `spdf-import-${format}-`));
      cpSync(join(FIXTURES, folder), root, { recursive: true, filter: (src) => !src.endsWith('expected.json') });
      imported = await runCli(['import', format, ...(expected.args ?? []), ...expected.inputs, '-o', 'model'], root);
      report = existsSync(join(root, 'model', 'IMPORT-REPORT.md')) ? readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8') : '';
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('accounts for every source element: imported or reported, never dropped', () => {
      const c = expected.counts;
      assert.equal(c.elements, c.imported + c.reported, 'expected.json itself adds up');
      assert.match(
        imported.stderr,
        new RegExp(
          `imported ${c.imported} of ${c.elements} source element\\(s\\).*; ${c.reported} not imported, ${c.errors} error\\(s\\), ${c.dropped} element\\(s\\) or relation\\(s\\) of evidence dropped`,
        ),
      );
      assert.equal(imported.code, c.errors || c.dropped ? 1 : 0, imported.stderr);
      assert.equal(/^\*\*INCOMPLETE\*\*/m.test(report), c.errors + c.dropped > 0, report);
      assert.deepEqual(readdirSync(join(root, 'model')).sort(), [...expected.files, 'IMPORT-BASE.json', 'IMPORT-REPORT.md'].sort());
    });

    it('names each source error and each dropped element or relation at file:line:col on stderr, and nothing else as an error', () => {
      const failing = expected.notes.filter((n) => FAILING.has(n.split(' ')[1]));
      assert.equal(failing.filter((n) => n.split(' ')[1] === 'dropped').length, expected.counts.dropped, 'expected.json itself agrees');
      const errors = imported.stderr.split('\n').filter((l) => l.includes(': error: '));
      for (const e of failing) {
        const [at, , ...message] = e.split(' ');
        assert.ok(
          errors.some((l) => l.startsWith(`${at}: error: ${message.join(' ')}`)),
          `stderr lacks ${e}:\n${imported.stderr}`,
        );
      }
      assert.equal(errors.length, failing.length, imported.stderr);
    });

    it('lists the expected notes, and no error or skipped element beyond them', () => {
      const actual = reportNotes(report);
      assert.deepEqual(
        expected.notes.filter((n) => !actual.some((a) => a.startsWith(n))),
        [],
        `report notes:\n${actual.join('\n')}`,
      );
      const unexpected = actual.filter((a) => !a.includes(' lost ') && !expected.notes.some((n) => a.startsWith(n)));
      assert.deepEqual(unexpected, []);
    });

    it('writes the requirements under the expected IDs with their relations', () => {
      const reqs = requirementsOf(root, expected.files);
      assert.deepEqual(reqs.map((r) => r.id).sort(), Object.values(expected.ids).sort());
      const derived = Object.fromEntries(reqs.filter((r) => r.derived_from).map((r) => [r.id, r.derived_from]));
      assert.deepEqual(derived, expected.derivedFrom);
      const revisions = Object.fromEntries(reqs.filter((r) => r.revision !== undefined).map((r) => [r.id, r.revision]));
      assert.deepEqual(revisions, expected.revisions ?? {});
      assert.deepEqual(Object.fromEntries(reqs.filter((r) => r.code).map((r) => [r.id, r.code])), expected.code ?? {});
      for (const [sourceId, modelId] of Object.entries(expected.ids)) assert.ok(report.includes(`| ${mdCell(sourceId)} | ${mdCell(modelId)} |`), `report row for ${sourceId} -> ${modelId}`);
    });

    it('links the tagged code to the imported requirements, with no unknown ID', async () => {
      const config = /```yaml\n([\s\S]*?)```/.exec(report);
      assert.ok(config, `the report suggests a configuration:\n${report}`);
      writeFileSync(join(root, 'spdf.config.yaml'), `version: 1\n${config[1]}`);
      const links = await runCli(['links', '--format', 'json', '--no-cache'], root);
      const json = JSON.parse(links.stdout) as { links: { id: string; relation: string; file: string; symbol?: string; status: string }[]; problems: unknown[] };
      assert.deepEqual(json.problems, []);
      assert.deepEqual(json.links.map((l) => `${l.id} ${l.relation} ${l.file} ${l.symbol}`).sort(), [...expected.links].sort());
      assert.deepEqual(
        json.links.filter((l) => l.status === 'unknown-target'),
        [],
      );
      const lint = await runCli(['lint', '--format', 'json', '--no-cache'], root);
      const findings = (JSON.parse(lint.stdout) as { findings: { code: string; message: string; file: string; line: number; column: number }[] }).findings;
      assert.deepEqual(
        findings.filter((f) => /^(TM00[0-3]|TM009|CL00[18])$/.test(f.code)),
        [],
      );
      const codes = new Set((expected.findings ?? []).map((f) => f.split(' ')[0]));
      assert.deepEqual(
        findings.filter((f) => codes.has(f.code)).map((f) => `${f.code} ${f.file}:${f.line}:${f.column}`),
        expected.findings ?? [],
      );
    });
  });
}
