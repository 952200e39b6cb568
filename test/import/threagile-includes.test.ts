// @spdf verifies SPDF-IMPORT-THREAGILE-INCLUDES
import assert from 'node:assert/strict';
import { withoutIncludedInputs } from '../../src/core/import/included-inputs';
import type { ModelDocument, ReadSource } from '../../src/core/import/model-types';
import { parseThreagile } from '../../src/core/import/threagile';
import { includePath } from '../../src/core/import/threagile-includes';

const memory =
  (files: Record<string, string>): ReadSource =>
  (path) =>
    Promise.resolve(Object.hasOwn(files, path) ? { text: files[path] } : { error: 'cannot read (ENOENT)', found: false });

describe('Threagile includes', () => {
  describe('includePath: relative to the including file, as Threagile joins paths', () => {
    for (const [from, name, want] of [
      ['main.yaml', 'part.yaml', 'part.yaml'],
      ['src/main.yaml', 'parts/a.yaml', 'src/parts/a.yaml'],
      ['src/parts/a.yaml', '../b.yaml', 'src/b.yaml'],
      ['src/parts/a.yaml', './c/../d.yaml', 'src/parts/d.yaml'],
      ['src/main.yaml', '../../up.yaml', '../up.yaml'],
      ['../far/main.yaml', 'x.yaml', '../far/x.yaml'],
      ['src/main.yaml', '/etc/hostname', 'src/etc/hostname'],
    ] as const)
      it(`${from} + ${name} -> ${want}`, () => assert.equal(includePath(from, name), want));
  });

  it('merges an element whose fields come from a YAML merge key with the same element in an included file', async () => {
    const main = 'threagile_version: 1.0.0\nincludes: [part.yaml]\nbase: &base\n  type: process\ntechnical_assets:\n  Pump:\n    <<: *base\n    id: pump\n';
    const part = 'technical_assets:\n  Pump:\n    type: datastore\n    description: Delivers the dose\n';
    const doc = await parseThreagile('main.yaml', main, memory({ 'part.yaml': part }));
    const conflict = doc.notes.filter((n) => n.kind === 'error');
    assert.equal(conflict.length, 1, JSON.stringify(doc.notes));
    assert.deepEqual(conflict[0].pos, { file: 'part.yaml', line: 3, col: 11 });
    assert.match(conflict[0].message, /'type' is 'datastore' here and 'process' before \(first at main\.yaml:4:9\)/);
    const pump = doc.items.find((i) => i.id === 'pump');
    assert.deepEqual([pump?.fields.kind, pump?.fields.description, pump?.pos], ['component', 'Delivers the dose', { file: 'main.yaml', line: 7, col: 5 }]);
  });

  it('joins lists and or-s flags of an element spread over files, and points each entry into its own file', async () => {
    const main = 'threagile_version: 1.0.0\nincludes: [b.yaml]\ntrust_boundaries:\n  Ward:\n    id: ward\n    technical_assets_inside: [pump]\ntechnical_assets:\n  Pump: {id: pump, type: process}\n';
    const b = 'trust_boundaries:\n  Ward:\n    technical_assets_inside: [pump, ghost]\n';
    const doc = await parseThreagile('main.yaml', main, memory({ 'b.yaml': b }));
    assert.deepEqual(doc.included, ['b.yaml']);
    const lost = doc.notes.filter((n) => n.kind === 'lost' && n.subject === 'relation');
    assert.deepEqual(
      lost.map((n) => [n.pos, n.message]),
      [[{ file: 'b.yaml', line: 3, col: 37 }, "ward: technical asset 'ghost' inside not kept: no technical asset has that ID"]],
    );
  });

  it('reports an included file that exists but cannot be read at its own first line', async () => {
    const main = 'threagile_version: 1.0.0\nincludes:\n  - locked.yaml\ntechnical_assets:\n  Pump: {id: pump, type: process}\n';
    const doc = await parseThreagile('main.yaml', main, () => Promise.resolve({ error: 'cannot read (EACCES)', found: true }));
    assert.deepEqual(
      doc.notes.filter((n) => n.kind === 'error'),
      [{ pos: { file: 'locked.yaml', line: 1, col: 1 }, kind: 'error', message: 'cannot read (EACCES); included at main.yaml:3:5, nothing of it imported' }],
    );
  });

  describe('withoutIncludedInputs', () => {
    const doc = (file: string, included: string[]) => ({ file, parsed: { items: [], notes: [], included } satisfies ModelDocument });
    it('leaves out an input another input reads, keeps an input nobody includes', () => {
      const r = withoutIncludedInputs([doc('p.yaml', ['q.yaml']), doc('main.yaml', ['p.yaml', 'q.yaml']), doc('q.yaml', []), doc('other.yaml', [])]);
      assert.deepEqual(
        r.kept.map((d) => d.file),
        ['main.yaml', 'other.yaml'],
      );
      assert.deepEqual(r.left, [
        { file: 'p.yaml', by: 'main.yaml' },
        { file: 'q.yaml', by: 'p.yaml' },
      ]);
    });
    it('of two inputs that include each other keeps the first named', () => {
      const r = withoutIncludedInputs([doc('b.yaml', ['a.yaml']), doc('a.yaml', ['b.yaml'])]);
      assert.deepEqual(
        r.kept.map((d) => d.file),
        ['b.yaml'],
      );
    });
  });
});
