// @spdf verifies SPDF-TM-001
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { checkWorkspace } from '../../src/core/check';

const load = (files: Record<string, string | Uint8Array>, failing: string[] = []) => loadWorkspace(new MemoryHost(new Map(Object.entries(files)), new Set(failing)));
const at = (p: { file: string; range: { start: { line: number; character: number } } }) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`;

const VALID = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n';

describe('model loader', () => {
  it('reports a broken file with its range and still loads the others', async () => {
    const ws = await load({ 'a.spdf.yaml': 'requirements:\n  - id: SEC-REQ-002\n    title: [unclosed\n', 'b.spdf.yaml': VALID });
    const syntax = ws.graph.problems.filter((p) => p.code === 'TM000');
    assert.notDeepEqual(syntax, [], 'a TM000 problem');
    assert.deepEqual(
      syntax.filter((p) => p.file !== 'a.spdf.yaml'),
      [],
    );
    assert.ok(ws.graph.byId.has('SEC-REQ-001'), `the valid file is still loaded: ${[...ws.graph.byId.keys()].join(', ')}`);
  });

  it("takes keys named after Object.prototype's members (constructor, toString) for the unknown keys they are", async () => {
    const ws = await load({ 'a.spdf.yaml': `constructor:\n  - id: X-1\ntoString: 1\n${VALID}    hasOwnProperty: x\n` });
    assert.deepEqual(
      ws.graph.problems.map((p) => `${at(p)} ${p.code} ${p.message.split(';')[0]}`),
      ["a.spdf.yaml:1:1 TM008 unknown section 'constructor'", "a.spdf.yaml:3:1 TM008 unknown section 'toString'", "a.spdf.yaml:7:5 TM008 unknown key 'hasOwnProperty' in requirement"],
    );
    assert.deepEqual(
      ws.graph.items.map((i) => i.id),
      ['SEC-REQ-001'],
    );
  });

  it('ends an alias bomb with a clear alias-limit problem', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = `requirements:\n  - id: SEC-REQ-001\n    title: bomb\n    text: *a9\n${lines.map((l) => `    ${l.replace(/^a(\d+):/, 'x$1:')}`).join('\n')}\n`;
    const ws = await load({ 'bomb.spdf.yaml': bomb, 'ok.spdf.yaml': VALID.replace('001', '002') });
    const messages = ws.graph.problems.map((p) => p.message).join('\n');
    assert.match(messages, /alias/);
    assert.ok(ws.graph.byId.has('SEC-REQ-002'), `loaded: ${[...ws.graph.byId.keys()].join(', ')}`);
  });

  it('stops at the configured alias count', async () => {
    const many = `x: &x 1\nrequirements:\n${Array.from({ length: 5 }, (_, i) => `  - id: SEC-REQ-00${i}\n    title: *x`).join('\n')}\n`;
    const ws = await load({ 'spdf.config.yaml': 'limits:\n  max_aliases: 2\n', 'm.spdf.yaml': many });
    const p = ws.graph.problems.find((x) => /alias limit/.test(x.message));
    assert.ok(p, 'alias-limit problem');
    assert.equal(at(p), 'm.spdf.yaml:8:12', 'the third alias is the first one over the limit');
  });

  it('reports an oversize file without reading it', async () => {
    const ws = await load({ 'spdf.config.yaml': 'limits:\n  max_file_bytes: 20\n', 'big.spdf.yaml': VALID });
    const p = ws.graph.problems.find((x) => x.code === 'TM009');
    assert.match(p!.message, /over the limit of 20/);
  });

  it('reports invalid UTF-8 at the first bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('hazards:\n  - id: HAZ-1\n    hazard: "'), 0xff, 0x22, 0x0a]);
    const ws = await load({ 'bad.spdf.yaml': bytes });
    const p = ws.graph.problems.find((x) => x.code === 'TM009')!;
    assert.match(p.message, /not valid UTF-8/);
    assert.equal(at(p), 'bad.spdf.yaml:3:14');
  });

  it('accepts a BOM and CRLF line ends with exact positions', async () => {
    const text = '\uFEFFthreats:\r\n  - id: THR-001\r\n    title: T\r\n    controls: [CTRL-9]\r\n';
    const { result } = await checkWorkspace(
      new MemoryHost(
        new Map<string, string | Uint8Array>([
          ['m.spdf.yaml', new TextEncoder().encode(text)],
          ['spdf.config.yaml', 'rules: {}\n'],
        ]),
      ),
    );
    const f = result.findings.find((x) => x.code === 'TM002')!;
    assert.equal(at(f), 'm.spdf.yaml:4:16');
    assert.equal(f.range.end.character, 21);
  });

  it('rejects tabs in indentation, duplicate keys and non-mapping documents', async () => {
    const ws = await load({
      'tabs.spdf.yaml': 'requirements:\n\t- id: SEC-REQ-001\n',
      'dup.spdf.yaml': 'hazards:\n  - id: HAZ-1\n    hazard: A\n    hazard: B\n',
      'list.spdf.yaml': '- a\n- b\n',
      'scalar.spdf.yaml': 'just text\n',
    });
    const files = new Set(ws.graph.problems.filter((p) => p.code === 'TM000').map((p) => p.file));
    assert.deepEqual([...files].sort(), ['dup.spdf.yaml', 'list.spdf.yaml', 'scalar.spdf.yaml', 'tabs.spdf.yaml']);
  });

  it('cuts off deep nesting with a problem instead of overflowing the stack', async () => {
    const deep = `requirements:\n  - id: SEC-REQ-001\n    title: deep\n    text: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const ws = await load({ 'deep.spdf.yaml': deep, 'ok.spdf.yaml': VALID.replace('001', '002') });
    assert.ok(
      ws.graph.problems.some((p) => p.file === 'deep.spdf.yaml'),
      JSON.stringify(ws.graph.problems.map((p) => `${p.file} ${p.message}`)),
    );
    assert.ok(ws.graph.byId.has('SEC-REQ-002'), `loaded: ${[...ws.graph.byId.keys()].join(', ')}`);
  });

  it('turns a read failure into a problem for that file only', async () => {
    const ws = await load({ 'locked.spdf.yaml': VALID, 'ok.spdf.yaml': VALID.replace('001', '002') }, ['locked.spdf.yaml']);
    const p = ws.graph.problems.find((x) => x.code === 'TM009')!;
    assert.equal(p.file, 'locked.spdf.yaml');
    assert.match(p.message, /cannot read file: EACCES/);
    assert.ok(ws.graph.byId.has('SEC-REQ-002'), `loaded: ${[...ws.graph.byId.keys()].join(', ')}`);
  });

  it('merges sections from several files and YAML documents into one graph', async () => {
    const ws = await load({
      'a.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-001]\n---\nhazards:\n  - id: HAZ-001\n    hazard: H\n',
      'b.spdf.yaml': 'controls:\n  - id: CTRL-001\n    title: C\n',
    });
    assert.deepEqual([...ws.graph.byId.keys()].sort(), ['CTRL-001', 'HAZ-001', 'THR-001']);
    assert.equal(ws.graph.refs[0].target?.id, 'CTRL-001');
  });

  it('ignores files outside the include globs and inside node_modules', async () => {
    const ws = await load({ 'x.yaml': VALID, 'node_modules/p/a.spdf.yaml': VALID, 'm.spdf.yaml': VALID.replace('001', '003') });
    assert.deepEqual(
      ws.graph.files.map((f) => f.path),
      ['m.spdf.yaml'],
    );
  });
});
