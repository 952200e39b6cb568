// @spdf verifies SPDF-CMD-IMPORT
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';
import { mdCell } from '../../src/core/export/markdown';

const SDOC = '[DOCUMENT]\nTITLE: T\n\n[REQUIREMENT]\nUID: R-1\nTITLE: One\nSTATEMENT: The pump shall stop.\n';

describe('spdf import: writes nothing it was not asked to', () => {
  it('refuses to replace files of an earlier import without --force, and writes nothing', async () => {
    const root = tempWorkspace({ 'docs/a.sdoc': SDOC, 'model/a.spdf.yaml': 'kept: by hand\n' });
    const r = await runCli(['import', 'strictdoc', 'docs', '-o', 'model'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /would replace model\/a\.spdf\.yaml; nothing written \(use --force/);
    assert.deepEqual(readdirSync(join(root, 'model')), ['a.spdf.yaml']);
    assert.equal(readFileSync(join(root, 'model', 'a.spdf.yaml'), 'utf8'), 'kept: by hand\n');
  });

  it('replaces them with --force', async () => {
    const root = tempWorkspace({ 'docs/a.sdoc': SDOC, 'model/a.spdf.yaml': 'kept: by hand\n' });
    const r = await runCli(['import', 'strictdoc', 'docs', '-o', 'model', '--force'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(root, 'model', 'a.spdf.yaml'), 'utf8'), /- id: R-1\n {4}title: "One"\n {4}text: "The pump shall stop\."/);
  });

  it('fails on a folder without a file of the format, and on a missing path', async () => {
    const root = tempWorkspace({ 'docs/readme.txt': 'no requirements here\n', 'more/a.sdoc': SDOC });
    const r = await runCli(['import', 'strictdoc', 'docs', 'missing', 'more', '-o', 'model'], root);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^docs: error: no \*\.sdoc file in this folder$/m);
    assert.match(r.stderr, /^missing: error: cannot read \(ENOENT\)$/m);
    assert.match(r.stderr, /imported 1 of 1 source element/);
  });

  // Each read no element and exited 0: "imported 0 of 0".
  const NOTHING: [string, string, string][] = [
    ['oft-spec', 'empty.md', ''],
    ['oft-spec', 'notes.md', '# Notes\n\nSee req~pump-stop~1 in the spec.\n'],
    ['strictdoc', 'blank.sdoc', '\n\n'],
    ['trlc', 'c.trlc', 'package P\n'],
  ];
  for (const [format, file, text] of NOTHING)
    it(`fails on a ${format} source with no element in it (${file})`, async () => {
      const root = tempWorkspace({ [`docs/${file}`]: text });
      const r = await runCli(['import', format, `docs/${file}`, '-o', 'model'], root);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^docs/${file.replace('.', '\\.')}:1:1: error: no ${format} element found in this file; nothing imported$`, 'm'));
    });

  it('places a ReqIF file that is not XML at its first line and column (it said 1:undefined for an empty one)', async () => {
    const root = tempWorkspace({ 'docs/e.reqif': '' });
    const r = await runCli(['import', 'reqif', 'docs/e.reqif', '-o', 'model'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^docs\/e\.reqif:1:1: error: not well-formed XML: /m);
  });

  it('--oft-ids full keeps the OpenFastTrace type in the ID (type~name) and the revision in `revision`, so names shared by two items do not collide', async () => {
    const spec = '### Limit\n`req~limit~2`\n\nThe pump shall limit.\n\n### Limit check\n`dsn~limit~1`\n\nCheck it.\n\nCovers:\n* req~limit~2\n';
    const root = tempWorkspace({ 'spec.md': spec });
    const byName = await runCli(['import', 'oft-spec', 'spec.md', '-o', 'names'], root);
    assert.equal(byName.code, 0, byName.stderr);
    assert.match(readFileSync(join(root, 'names', 'spec.spdf.yaml'), 'utf8'), /- id: "req~limit~2"[\s\S]*- id: limit\n[\s\S]*derived_from: \["req~limit~2"\]/);
    const full = await runCli(['import', 'oft-spec', 'spec.md', '-o', 'full', '--oft-ids', 'full'], root);
    assert.equal(full.code, 0, full.stderr);
    const yaml = readFileSync(join(root, 'full', 'spec.spdf.yaml'), 'utf8');
    assert.deepEqual(
      [...yaml.matchAll(/- id: (.*)/g)].map((m) => m[1]),
      ['"req~limit"', '"dsn~limit"'],
    );
    assert.match(yaml, /- id: "req~limit"\n {4}title: "Limit"\n {4}text: "The pump shall limit\."\n {4}revision: 2\n/);
    assert.match(yaml, /- id: "dsn~limit"\n[\s\S]*derived_from: \["req~limit"\]\n {4}revision: 1\n/);
    const report = readFileSync(join(root, 'full', 'IMPORT-REPORT.md'), 'utf8');
    assert.doesNotMatch(report, /kept under its full ID|revision \d not kept/);
    assert.match(report, /tag_syntaxes: \[spdf, oft\]\n {2}oft_ids: full\n/);
  });

  it('does not read its own output when DIR is inside the imported folder', async () => {
    const root = tempWorkspace({ 'doc/spec.md': '### Limit\n`req~limit~2`\n\nThe pump shall limit.\n', 'doc/model/IMPORT-REPORT.md': '`req~limit~2`\n' });
    const r = await runCli(['import', 'oft-spec', 'doc', '-o', 'doc/model', '--force'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /imported 1 of 1 source element\(s\) from 1 file\(s\)/);
  });

  it('names the formats on an unknown one, and has --help', async () => {
    const root = tempWorkspace({});
    const bad = await runCli(['import', 'doors', 'x', '-o', 'model'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown import format 'doors' \(csv, oft-spec, reqif, strictdoc, trlc, xlsx, otm, threagile, threat-dragon, induform\)/);
    const help = await runCli(['import', '--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: spdf import FORMAT FILE_OR_DIR\.\.\. -o DIR \[--force\]/);
  });
});

describe('spdf import: IMPORT-REPORT.md renders imported text as text', () => {
  // Source IDs end up in the report's table (imported) or in an error note (refused); either way as text.
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '<img/src=x/onerror=alert(1)>',
    '</style>',
    '[x](javascript:alert(1))',
    '![x](javascript:alert(1))',
    '<javascript:alert(1)>',
    'a|b|c',
    '`code`',
    '&lt;script&gt;',
    "{{constructor.constructor('alert(1)')()}}",
    'x\\|y',
  ];
  const csvField = (t: string) => `"${t.replace(/"/g, '""')}"`;

  it('escapes every hostile source ID: no raw HTML, link or extra table column forms', async () => {
    const csv = ['ID,Title,Text', ...HOSTILE.map((id, i) => `${csvField(id)},${csvField(`=HYPERLINK("x")${id}`)},text ${i}`)].join('\n') + '\n';
    const root = tempWorkspace({ 'alm/hostile.csv': csv });
    await runCli(['import', 'csv', 'alm/hostile.csv', '-o', 'model'], root);
    const report = readFileSync(join(root, 'model', 'IMPORT-REPORT.md'), 'utf8');
    for (const id of HOSTILE) {
      assert.ok(report.includes(mdCell(id)), `the report names ${JSON.stringify(id)} escaped:\n${report}`);
      if (/[<>[\]|`]/.test(id)) assert.ok(!report.includes(id), `raw ${JSON.stringify(id)} in the report`);
    }
    assert.doesNotMatch(report, /<(?!!--)[a-z/!]/i, 'no HTML tag or autolink');
    assert.doesNotMatch(report, /(?<!\\)\]\(/, 'no Markdown link');
    const table = report.split('\n').filter((l) => l.startsWith('| '));
    const columns = (l: string) => l.replace(/\\./g, '').split('|').length;
    assert.ok(table.length > 2, report);
    for (const row of table) assert.equal(columns(row), columns(table[0]), row);
  });
});
