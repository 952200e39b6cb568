import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse';
import { toData } from '../../src/core/yaml/ynode';
import { XMLValidator } from 'fast-xml-parser';
import { runCli, tempWorkspace } from '../support/cli';

type Req = Record<string, unknown> & { id: string };

function requirementsIn(dir: string): Req[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.spdf.yaml'))
    .flatMap((f) => {
      const parsed = parseYaml(readFileSync(join(dir, f), 'utf8'));
      assert.deepEqual(parsed.problems, [], f);
      return (toData(parsed.roots[0], { left: 1e6 }) as { requirements?: Req[] }).requirements ?? [];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** `spdf trace --format reqif` then `spdf import reqif`: the requirements come back field for field. */
async function roundTrip(workspace: string, modelDir: string): Promise<{ reqif: string; before: Req[]; after: Req[] }> {
  const out = mkdtempSync(join(tmpdir(), 'spdf-reqif-'));
  try {
    const exported = await runCli(['trace', workspace, '--format', 'reqif', '-o', join(out, 'reqs.reqif'), '--no-cache'], workspace);
    assert.equal(exported.code, 0, exported.stderr);
    const imported = await runCli(['import', 'reqif', 'reqs.reqif', '-o', 'model'], out);
    assert.equal(imported.code, 0, imported.stderr);
    return { reqif: readFileSync(join(out, 'reqs.reqif'), 'utf8'), before: requirementsIn(join(workspace, modelDir)), after: requirementsIn(join(out, 'model')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('ReqIF round trip: spdf trace --format reqif, then spdf import reqif, gives the same requirements', () => {
  it('keeps text with markup characters, line breaks, indentation and tabs, formula-like titles and every other field', async () => {
    const root = tempWorkspace({
      'model/reqs.spdf.yaml': [
        'spdf: "0.1"',
        'requirements:',
        '  - id: SEC-REQ-001',
        '    title: \'A & B <c> "quoted" é\'',
        '    text: "line one\\n  indented two\\n\\ttab & <x> &amp;\\n\\nafter an empty line"',
        '    status: draft',
        '  - id: SEC-REQ-002',
        '    title: "=1+1"',
        '    derived_from: [SEC-REQ-001]',
        '    sl: 2',
        '    verification: [test]',
        '    standards: { iec62443_3_3: ["SR 1.1"] }',
        '',
      ].join('\n'),
    });
    try {
      const { reqif, before, after } = await roundTrip(root, 'model');
      assert.equal(before.length, 2);
      assert.deepEqual(after, before);
      assert.match(reqif, /<SPEC-RELATION-TYPE-REF>t-derived-from<\/SPEC-RELATION-TYPE-REF>/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Characters XML 1.0 cannot hold even as a reference: written raw they made the whole file unreadable.
  const UNREPRESENTABLE: [string, string][] = [
    ['\\x01\\x07\\x1b[31m', '<U+0001><U+0007><U+001B>[31m'],
    ['\\0 and \\x0b\\x0c', '<U+0000> and <U+000B><U+000C>'],
    ['\\uFFFE\\uFFFF', '<U+FFFE><U+FFFF>'],
    ['lone \\uD800 and \\uDFFF', 'lone <U+D800> and <U+DFFF>'],
    ['pair \\uD83D\\uDE00 kept', 'pair \u{1F600} kept'],
  ];
  for (const [yaml, shown] of UNREPRESENTABLE)
    it(`stays well-formed XML for "${yaml}" in a title and text, which read back as "${shown}"`, async () => {
      const root = tempWorkspace({ 'model/reqs.spdf.yaml': ['spdf: "0.1"', 'requirements:', '  - id: SEC-REQ-001', `    title: "t ${yaml}"`, `    text: "x ${yaml}"`, ''].join('\n') });
      try {
        const { reqif, after } = await roundTrip(root, 'model');
        assert.equal(XMLValidator.validate(reqif), true);
        assert.doesNotMatch(reqif, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ufffd]/);
        assert.equal(after.length, 1);
        assert.deepEqual({ title: after[0].title, text: after[0].text }, { title: `t ${shown}`, text: `x ${shown}` });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

  it('gives back the example workspace requirements, each with its trace status as an attribute', async () => {
    const example = join(__dirname, '..', '..', 'examples', 'infusion-pump');
    const { reqif, before, after } = await roundTrip(example, 'model');
    assert.ok(before.length > 10);
    assert.deepEqual(after, before);
    const statuses = [...reqif.matchAll(/THE-VALUE="([A-Z]+)"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-trace-status</g)].map((m) => m[1]);
    assert.equal(statuses.length, before.length);
    for (const s of statuses) assert.ok(['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'].includes(s), s);
  });

  it('writes no ReqIF from a model with errors, since requirements may be missing from it', async () => {
    const root = tempWorkspace({ 'model/reqs.spdf.yaml': 'spdf: "0.1"\nrequirements:\n  - id: SEC-REQ-001\n    title: [unclosed\n' });
    try {
      const r = await runCli(['trace', root, '--format', 'reqif', '-o', join(root, 'out.reqif'), '--no-cache'], root);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /reqs\.spdf\.yaml:\d+:\d+: error/);
      assert.match(r.stderr, /no ReqIF written/);
      assert.deepEqual(
        readdirSync(root).filter((f) => f.endsWith('.reqif')),
        [],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  /**
   * The SPDF.Model attribute is JSON: a name written twice there (an edit in an ALM tool, a merge) was read with the
   * last value, as JSON.parse keeps it (`verification: [test]` then `[]`). It is now not kept, as JSON that is not
   * an object is, and the import fails naming the requirement; other names and the other requirements are kept.
   */
  const TWICE: [name: string, from: string, to: string][] = [
    ['a field', '&quot;verification&quot;:[&quot;test&quot;]', '&quot;verification&quot;:[&quot;test&quot;],&quot;verification&quot;:[]'],
    ['a field, once with an escape', '&quot;sl&quot;:2', '&quot;sl&quot;:2,&quot;\\u0073l&quot;:1'],
  ];
  for (const [name, from, to] of TWICE)
    it(`a name written twice in SPDF.Model (${name}) fails the import instead of keeping the last value`, async () => {
      const root = tempWorkspace({
        'model/reqs.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: One\n  - id: SEC-REQ-002\n    title: Two\n    sl: 2\n    verification: [test]\n',
      });
      try {
        assert.equal((await runCli(['trace', root, '--format', 'reqif', '-o', join(root, 'out.reqif'), '--no-cache'], root)).code, 0);
        const reqif = readFileSync(join(root, 'out.reqif'), 'utf8');
        assert.ok(reqif.includes(from), reqif);
        writeFileSync(join(root, 'out.reqif'), reqif.replace(from, to));
        const r = await runCli(['import', 'reqif', 'out.reqif', '-o', 'imported'], root);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, /SEC-REQ-002: SPDF\.Model \(its model fields and relations\) not kept: the name "(verification|\\u0073l)" is written twice in one object/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
