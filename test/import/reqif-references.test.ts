// @spdf verifies SPDF-CMD-IMPORT
/**
 * ReqIF is read with entity processing off: its character and predefined entity references are decoded wherever
 * an identifier, a reference to one or a value is read (a reference kept as text is a wrong ID that links nothing),
 * and a reference without meaning in a document without a DTD is an error at its position, never a crash or text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReqif } from '../../src/core/import/reqif';

const PUMP = readFileSync(join(__dirname, '..', 'fixtures', 'import', 'reqif', 'alm', 'pump.reqif'), 'utf8');

/** The fixture with each [from, to] replaced once. */
const edited = (...edits: [string, string][]) =>
  edits.reduce((text, [from, to]) => {
    assert.ok(text.includes(from), from);
    return text.replace(from, to);
  }, PUMP);

describe('ReqIF references: decoded in identifiers, references and values; undefined ones are errors', () => {
  for (const [name, edits, ids, derived] of [
    ['the fixture as it is', [], ['PUMP-1', 'PUMP-2', 'rq-4'], { 'PUMP-2': ['PUMP-1'] }],
    ['&amp; in an IDENTIFIER (the model ID without a ForeignID)', [['IDENTIFIER="rq-4"', 'IDENTIFIER="rq&amp;4"']], ['PUMP-1', 'PUMP-2', 'rq&4'], { 'PUMP-2': ['PUMP-1'] }],
    [
      'an IDENTIFIER and the SPEC-OBJECT-REF naming it, spelt with different references',
      [
        ['IDENTIFIER="_o1"', 'IDENTIFIER="_o&#x31;"'],
        ['<TARGET><SPEC-OBJECT-REF>_o1</SPEC-OBJECT-REF>', '<TARGET><SPEC-OBJECT-REF>_o&#49;</SPEC-OBJECT-REF>'],
      ],
      ['PUMP-1', 'PUMP-2', 'rq-4'],
      { 'PUMP-2': ['PUMP-1'] },
    ],
    ['a character reference in a ForeignID value', [['THE-VALUE="PUMP-1"', 'THE-VALUE="PUMP&#x2D;1"']], ['PUMP-1', 'PUMP-2', 'rq-4'], { 'PUMP-2': ['PUMP-1'] }],
  ] as const)
    it(`${name}: IDs ${ids.join(', ')}`, () => {
      const { items, notes } = parseReqif('p.reqif', edited(...(edits as unknown as [string, string][])));
      assert.deepEqual(
        items.map((i) => i.id),
        ids,
      );
      assert.deepEqual(Object.fromEntries(items.filter((i) => i.derivedFrom.length).map((i) => [i.id, i.derivedFrom.map((d) => d.id)])), derived);
      assert.deepEqual(
        notes.filter((n) => n.kind === 'error' && !n.message.includes("'_gone'")),
        [],
      );
    });

  it('a title keeps its decoded text once: &amp;lt; is the text &lt;, &amp; is &', () => {
    const { items } = parseReqif('p.reqif', edited(['THE-VALUE="Release"', 'THE-VALUE="a &amp;lt; b &amp; c"']));
    assert.equal(items.find((i) => i.id === 'rq-4')?.title, 'a &lt; b & c');
  });

  for (const [name, reference] of [
    ['an HTML entity no DTD declares', '&nbsp;'],
    ['a character reference to NUL', '&#0;'],
    ['a character reference beyond Unicode', '&#x110000;'],
    ['a character reference to a surrogate', '&#xD800;'],
  ] as const)
    it(`${name} (${reference}) is an error at its position and nothing is imported (it used to be ID text or a crash)`, () => {
      const text = edited(['THE-VALUE="PUMP-1"', `THE-VALUE="PUMP${reference}1"`]);
      const { items, notes } = parseReqif('p.reqif', text);
      assert.deepEqual(items, []);
      const line = text.slice(0, text.indexOf(reference)).split('\n').length;
      const col = text.indexOf(reference) - text.lastIndexOf('\n', text.indexOf(reference));
      assert.deepEqual(notes, [
        { pos: { file: 'p.reqif', line, col }, kind: 'error', message: `XML reference '${reference}' names no character or predefined entity (ReqIF declares no entities); nothing imported` },
      ]);
    });
});

describe('ReqIF elements written twice where ReqIF allows one: an error at the repeat, never the first one alone', () => {
  for (const [name, edits, ids, errors] of [
    ['the fixture as it is', [], ['PUMP-1', 'PUMP-2', 'rq-4'], []],
    [
      'two SPEC-OBJECTS blocks (the second was dropped unseen)',
      [['        <SPEC-OBJECT IDENTIFIER="rq-4"', '      </SPEC-OBJECTS>\n      <SPEC-OBJECTS>\n        <SPEC-OBJECT IDENTIFIER="rq-4"']],
      [],
      ['<SPEC-OBJECTS> is written twice in <REQ-IF-CONTENT>, where ReqIF allows one; nothing imported'],
    ],
    [
      'two VALUES in a SPEC-OBJECT',
      [['<SPEC-OBJECT IDENTIFIER="rq-4" LAST-CHANGE="2026-01-01T00:00:00Z">', '<SPEC-OBJECT IDENTIFIER="rq-4" LAST-CHANGE="2026-01-01T00:00:00Z"><VALUES/>']],
      [],
      ['<VALUES> is written twice in <SPEC-OBJECT>, where ReqIF allows one; nothing imported'],
    ],
    [
      'two TARGETs in a SPEC-RELATION',
      [['<TARGET><SPEC-OBJECT-REF>_o1</SPEC-OBJECT-REF></TARGET>', '<TARGET><SPEC-OBJECT-REF>_o1</SPEC-OBJECT-REF></TARGET><TARGET><SPEC-OBJECT-REF>rq-4</SPEC-OBJECT-REF></TARGET>']],
      [],
      ['<TARGET> is written twice in <SPEC-RELATION>, where ReqIF allows one; nothing imported'],
    ],
    [
      'two ENUM-VALUE-REFs in VALUES (ReqIF allows several)',
      [['<ENUM-VALUE-REF>ev-review</ENUM-VALUE-REF>', '<ENUM-VALUE-REF>ev-review</ENUM-VALUE-REF><ENUM-VALUE-REF>ev-approved</ENUM-VALUE-REF>']],
      ['PUMP-1', 'PUMP-2', 'rq-4'],
      [],
    ],
  ] as const)
    it(`${name}${errors.length ? ': an error, nothing imported' : `: ${ids.join(', ')}`}`, () => {
      const text = edited(...(edits as unknown as [string, string][]));
      const { items, notes } = parseReqif('p.reqif', text);
      assert.deepEqual(
        items.map((i) => i.id),
        ids,
      );
      const errs = notes.filter((n) => n.kind === 'error' && !n.message.includes("'_gone'"));
      assert.deepEqual(
        errs.map((n) => n.message),
        errors,
      );
      for (const e of errs) assert.match(text.split('\n')[e.pos.line - 1].slice(e.pos.col - 1), new RegExp(`^<${/<(\S+)>/.exec(e.message)![1]}[\\s/>]`));
    });
});
