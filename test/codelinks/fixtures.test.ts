// @spdf verifies SPDF-CL-001, SPDF-IDX-001, SPDF-IDX-002
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_LANGUAGES } from '../../src/core/codelinks/languages';
import { LineIndex } from '../../src/core/text';
import type { CodeLink, CodeProblem, CodeTag } from '../../src/core/codelinks/model';
import { fixtureConfig, FIXTURE_ROOT, indexText, listFixtures, readExpectations } from './fixture-harness';

function offsetOf(text: string, line: number, character: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  return offset + character;
}

describe('code-link fixtures (expectations inside the files)', () => {
  const fixtures = listFixtures();

  it('cover every language of the descriptors and a C header', () => {
    const dirs = new Set(fixtures.map((f) => path.relative(FIXTURE_ROOT, f).split(path.sep)[0]));
    assert.ok(CODE_LANGUAGES.length >= 10, `${CODE_LANGUAGES.length} languages`);
    for (const lang of CODE_LANGUAGES) {
      assert.ok(dirs.has(lang), `missing fixture folder ${lang}`);
    }
    assert.ok(
      fixtures.some((f) => f.endsWith('.h')),
      'missing C header fixture',
    );
  });

  for (const fixture of fixtures) {
    const rel = path.relative(FIXTURE_ROOT, fixture).split(path.sep);
    const fileInLanguageRoot = rel.slice(1).join('/');
    it(rel.join('/'), async () => {
      const text = fs.readFileSync(fixture, 'utf8');
      const expected = readExpectations(text);
      const index = await indexText(fileInLanguageRoot, text, fixtureConfig(text));
      const own = (t: CodeTag) => !expected.harnessLines.has(t.idRange.start.line);

      const problemKey = (p: CodeProblem) => [p.kind, String(p.range.start.line), ...(p.suggestion ? [`suggest=${p.suggestion.newText}`] : [])].join(' ');
      assert.deepEqual(
        index.problems
          .filter((p) => !expected.harnessLines.has(p.range.start.line))
          .map(problemKey)
          .sort(),
        [...expected.problems].sort(),
        'problems',
      );
      const linkKey = (l: CodeLink) => `${l.id} ${l.relation} ${l.symbol === null ? '<file>' : l.symbol}`;
      const linked = index.links.filter((l) => !expected.harnessLines.has(l.range.start.line));
      assert.deepEqual(linked.map(linkKey).sort(), [...expected.links].sort(), 'links');
      assert.deepEqual(
        index.orphanTags
          .filter(own)
          .map((t) => `${t.id} ${t.relation}`)
          .sort(),
        [...expected.orphans].sort(),
        'orphan tags',
      );
      for (const link of linked) {
        const extras = expected.linkExtras.get(linkKey(link)) ?? {};
        if (extras.rev !== undefined) assert.equal(String(link.revision), extras.rev, `revision of ${linkKey(link)}`);
        if (extras.syntax !== undefined) assert.equal(link.syntax, extras.syntax, `syntax of ${linkKey(link)}`);
        const lines = link.lines && `${link.lines.start + 1}-${link.lines.end + 1}`;
        if (extras.lines !== undefined) assert.equal(lines, extras.lines, `lines of ${linkKey(link)}`);
      }
      for (const tag of index.tags) {
        const start = offsetOf(text, tag.idRange.start.line, tag.idRange.start.character);
        const end = offsetOf(text, tag.idRange.end.line, tag.idRange.end.character);
        assert.equal(text.slice(start, end), tag.written ?? tag.id, `range of ${tag.id}`);
      }
      const symbols = new Set(index.symbols.map((s) => `${s.kind} ${s.qualifiedName}`));
      for (const s of expected.symbols) assert.ok(symbols.has(s), `symbol ${s} not in ${[...symbols].join(', ')}`);
      assert.deepEqual(index.exclusions.map((e) => e.symbol ?? '<none>').sort(), [...expected.exclusions].sort(), 'lobster exclusions');
      for (const link of index.links) assert.match(link.codeHash, /^[0-9a-f]{16}$/);
      assert.deepEqual(JSON.parse(JSON.stringify(index)), index, 'index is plain JSON data');
      void LineIndex;
    });
  }
});
