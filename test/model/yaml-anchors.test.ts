// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { loadModelText } from '../../src/core/model/load-file';
import { defaultConfig } from '../../src/core/model/config';

const limits = defaultConfig().limits;
const load = (text: string) => loadModelText('m.spdf.yaml', text, limits);
const at = (p: { range: { start: { line: number; character: number } } }) => `${p.range.start.line + 1}:${p.range.start.character + 1}`;
const syntax = (text: string) => load(text).problems.filter((p) => p.code === 'TM000');

describe('YAML anchors and aliases', () => {
  const cases: { name: string; text: string; at: string; message: RegExp; ids: string[] }[] = [
    {
      name: 'a mapping that aliases itself',
      text: 'requirements:\n  - id: SEC-REQ-001\n    title: t\n    text: &x { b: *x }\n  - id: SEC-REQ-002\n    title: u\n',
      at: '4:19',
      message: /alias \*x refers to the node &x that contains it \(a cycle\)/,
      ids: ['SEC-REQ-001', 'SEC-REQ-002'],
    },
    {
      name: 'a merge key inside its own anchor',
      text: 'requirements:\n  - &base\n    id: SEC-REQ-001\n    title: t\n    <<: *base\n  - id: SEC-REQ-002\n    title: u\n',
      at: '5:9',
      message: /cycle/,
      ids: ['SEC-REQ-001', 'SEC-REQ-002'],
    },
    {
      name: 'a list that contains itself',
      text: 'requirements:\n  - id: SEC-REQ-001\n    title: t\n    derived_from: &s [THR-1, *s]\n',
      at: '4:30',
      message: /cycle/,
      ids: ['SEC-REQ-001'],
    },
    {
      name: 'an alias without an anchor',
      text: 'requirements:\n  - id: SEC-REQ-001\n    title: *nosuch\n  - id: SEC-REQ-002\n    title: u\n',
      at: '3:12',
      message: /alias \*nosuch has no anchor &nosuch before it/,
      ids: ['SEC-REQ-001', 'SEC-REQ-002'],
    },
  ];
  for (const c of cases)
    it(`reports ${c.name} at the alias and keeps the rest of the file`, () => {
      const loaded = load(c.text);
      const p = loaded.problems.find((x) => x.code === 'TM000');
      assert.ok(p, 'a TM000 problem');
      assert.match(p.message, c.message);
      assert.equal(at(p), c.at);
      assert.deepEqual(
        loaded.items.map((i) => i.id),
        c.ids,
      );
    });

  it('keeps an alias to an anchor redefined inside the node that first carried the name', () => {
    assert.deepEqual(syntax('requirements:\n  - id: SEC-REQ-001\n    title: t\n    tags: &x [&x a, *x]\n'), []);
  });

  it('stops expanding aliases nested deeper than the stack allows', () => {
    const lines = ['a0: &a0 leaf'];
    for (let i = 1; i <= 400; i++) lines.push(`a${i}: &a${i} ${'['.repeat(50)}*a${i - 1}${']'.repeat(50)}`);
    const text = `x:\n${lines.map((l) => `  ${l}`).join('\n')}\nrequirements:\n  - id: SEC-REQ-001\n    title: t\n    text: *a400\n  - id: SEC-REQ-002\n    title: u\n`;
    const loaded = loadModelText('m.spdf.yaml', text, { ...limits, maxAliases: 1000 });
    assert.ok(
      loaded.problems.some((p) => p.code === 'TM000' && /alias expansion/.test(p.message)),
      JSON.stringify(loaded.problems.map((p) => `${p.code} ${p.message}`)),
    );
    assert.ok(
      loaded.items.some((i) => i.id === 'SEC-REQ-002'),
      loaded.items.map((i) => i.id).join(', '),
    );
  });
});
