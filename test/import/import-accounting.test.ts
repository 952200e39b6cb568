// @spdf verifies SPDF-CMD-IMPORT
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleImport } from '../../src/core/import/assemble';
import { IMPORTERS } from '../../src/core/import/registry';
import type { TextImporter } from '../../src/core/import/types';
import { parseYaml } from '../../src/core/yaml/parse';

/** `SPDF_FUZZ_RUNS=N` runs N documents per format (default 100). */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS ?? 100);

/** ReqIF: the fixture's SPEC-OBJECTs, shuffled and broken between its own head and tail. */
const REQIF = readFileSync(join(__dirname, '..', 'fixtures', 'import', 'reqif', 'alm', 'pump.reqif'), 'utf8');
const [REQIF_HEAD, REQIF_REST] = REQIF.split('<SPEC-OBJECTS>');
const [REQIF_BODY, REQIF_TAIL] = REQIF_REST.split('</SPEC-OBJECTS>');
const REQIF_OBJECTS = REQIF_BODY.split('</SPEC-OBJECT>')
  .slice(0, -1)
  .map((o) => `${o}</SPEC-OBJECT>`);

/** Lines each format is made of, valid and broken, so random documents hit every branch of the readers. */
const LINES: Record<string, string[]> = {
  'oft-spec': [
    '# Title',
    '### Item',
    '`req~a~1`',
    '`dsn~a~2`',
    'feat~b~1',
    'Covers:',
    '* req~a~1',
    '- `dsn~a~2`',
    '* no id here',
    'Needs: impl',
    'Needs:',
    '- utest',
    'Tags: x, y',
    'Status: rejected',
    'Status: odd',
    'Rationale:',
    'Depends:',
    '```',
    '~~~',
    '<!-- oft:off -->',
    '<!-- oft:on -->',
    'arch --> dsn : req~a~1',
    'Text.',
    '',
    '=====',
    '-----',
  ],
  strictdoc: [
    '[DOCUMENT]',
    '[GRAMMAR]',
    '[[SECTION]]',
    '[[/SECTION]]',
    '[TEXT]',
    '[REQUIREMENT]',
    '[REQUIREMENT]\nUID: R-3\nTITLE: T',
    '[DESIGN]',
    'UID: R-1',
    'UID: R-2',
    'UID: has space',
    'TITLE: T',
    'STATUS: Active',
    'STATUS: Odd',
    'STATEMENT: >>>',
    '<<<',
    'STATEMENT: one line',
    'RELATIONS:',
    '- TYPE: Parent',
    '- TYPE: Child',
    '- TYPE: File',
    '  VALUE: R-1',
    '  VALUE: R-2',
    '  ROLE: Refines',
    'garbage line',
    '',
  ],
  trlc: [
    'package p\nimport q',
    'req.R A {\n  description = "d"\n}',
    "R B { description = '''x''' derived_from = [A] }",
    'package',
    'import q',
    'req.R A {',
    'req.R B {',
    'R C {',
    'section "s" {',
    '}',
    '{',
    'description = "d"',
    "description = '''",
    "'''",
    'description = """x"""',
    'derived_from = [A, q.B]',
    'derived_from = [',
    ']',
    'n = -1',
    't = (1, 2)',
    '/* c',
    '*/',
    '// c',
    '"open',
    '=',
    ',',
  ],
  csv: [
    'ID,Title,Text,Status,Parent',
    'Key;Name;Description',
    'A-1,T,x,draft,',
    'A-2,"q,uoted ""x""",,approved,A-1 A-9',
    'A-1;T;x',
    '"open',
    '"multi',
    'line",x',
    '',
    ',,,',
    'B 1,x',
    '=1+1,@x,+y,-z',
    'banner',
    'A-3\tT',
  ],
  reqif: [
    ...REQIF_OBJECTS,
    '<SPEC-OBJECT IDENTIFIER="x"><VALUES/></SPEC-OBJECT>',
    '<SPEC-OBJECT><VALUES/></SPEC-OBJECT>',
    '</SPEC-OBJECT>',
    '<SPEC-OBJECT IDENTIFIER="a b"/>',
    '<!DOCTYPE x>',
    '&bad;',
  ],
};

/** Most TRLC documents start with their package, so records get read (a missing package is one of the lines). */
const HEAD: Record<string, fc.Arbitrary<string>> = { trlc: fc.constantFrom('package p\n', 'package p\n', 'package p\n', ''), reqif: fc.constant(`${REQIF_HEAD}<SPEC-OBJECTS>`) };
const TAIL: Record<string, string> = { reqif: `</SPEC-OBJECTS>${REQIF_TAIL}` };

/** The format's import fixture (test/fixtures/import), which has both outcomes: run first, so every seed sees both. */
function fixtureDocs(format: string, extensions: readonly string[]): string[] {
  const dir = join(__dirname, '..', 'fixtures', 'import', format);
  const { inputs } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { inputs: string[] };
  return inputs.flatMap((input) =>
    readdirSync(join(dir, input))
      .filter((f) => extensions.some((e) => f.endsWith(e)))
      .sort()
      .map((f) => readFileSync(join(dir, input, f), 'utf8')),
  );
}

describe('import accounting: every source element is imported or reported, for any input', () => {
  for (const [format, lines] of Object.entries(LINES)) {
    const importer = IMPORTERS[format] as TextImporter;
    it(`${format}: readers never throw; elements = imported + reported; every imported item is written once, as valid YAML`, () => {
      const seen = { items: 0, reported: 0 };
      const doc = fc.tuple(HEAD[format] ?? fc.constant(''), fc.array(fc.constantFrom(...lines), { maxLength: 40 })).map(([head, l]) => head + l.join('\n') + (TAIL[format] ?? ''));
      fc.assert(
        fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), (texts) => {
          const docs = texts.map((text, i) => ({ file: `d${i}`, parsed: importer.parse(`d${i}`, text, {}) }));
          const outcome = assembleImport(format, importer.tagSyntax, docs);
          const c = outcome.counts;
          assert.equal(c.elements, c.imported + c.reported);
          const parsed = docs.reduce((n, d) => n + d.parsed.items.length, 0);
          const duplicates = outcome.notes.filter((n) => n.message.startsWith('duplicate ID')).length;
          assert.equal(c.imported, parsed - duplicates);
          const written = outcome.files.reduce((n, f) => n + (f.content.match(/^ {2}- id: /gm) ?? []).length, 0);
          assert.equal(written, c.imported);
          for (const f of outcome.files) assert.deepEqual(parseYaml(f.content).problems, [], f.content);
          seen.items += c.imported;
          seen.reported += c.reported;
          assert.equal((outcome.report.match(/^\| d\d+:\d+:\d+ \|/gm) ?? []).length, c.imported);
        }),
        { numRuns: RUNS, examples: [[fixtureDocs(format, importer.extensions)]] },
      );
      assert.ok(seen.items > 0 && seen.reported > 0, `the generated documents exercise both outcomes: ${JSON.stringify(seen)}`);
    });
  }
});
