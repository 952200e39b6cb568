// @spdf verifies SPDF-IMPORT-MERGE
import assert from 'node:assert/strict';
import { mergeImport } from '../../src/core/import/merge';

const BASE = ['spdf: "0.1"', 'threats:', '  - id: T-1', '    title: A', '    refs:', '      cwe: [CWE-1]', '    description: |', '      line one', '      line two', '    status: open', ''].join('\n');
const NEXT = BASE.replace('CWE-1', 'CWE-2').replace('line two', 'line 2').replace('    status: open\n', '');

/** Each case: the user's file, what the merge must make of it, and the notes (line:col kind message). */
const CASES: { name: string; base?: string; next?: string; current: string; merged?: string; error?: RegExp; notes: string[] }[] = [
  {
    name: 'block values are replaced in place, a literal block stays a literal block, a hand comment stays',
    current: BASE.replace('    title: A\n', '    title: A # checked\n'),
    merged: ['spdf: "0.1"', 'threats:', '  - id: T-1', '    title: A # checked', '    refs: { cwe: [CWE-2] }', '    description: |', '      line one', '      line 2', ''].join('\n'),
    notes: ["5:5 updated T-1: 'refs' updated from the source", "6:5 updated T-1: 'description' updated from the source", "3:5 updated T-1: 'status' removed (the source no longer has it)"],
  },
  {
    name: 'CRLF line endings are kept',
    current: BASE.replace(/\n/g, '\r\n'),
    merged: ['spdf: "0.1"', 'threats:', '  - id: T-1', '    title: A', '    refs: { cwe: [CWE-2] }', '    description: |', '      line one', '      line 2', ''].join('\r\n'),
    notes: ["5:5 updated T-1: 'refs' updated from the source", "6:5 updated T-1: 'description' updated from the source", "3:5 updated T-1: 'status' removed (the source no longer has it)"],
  },
  {
    name: 'an item rewritten in flow style is not edited: the change is a conflict',
    base: 'spdf: "0.1"\nzones:\n  - id: Z-1\n    name: A\n',
    next: 'spdf: "0.1"\nzones:\n  - id: Z-1\n    name: B\n',
    current: 'spdf: "0.1"\nzones:\n  - { id: Z-1, name: A }\n',
    merged: 'spdf: "0.1"\nzones:\n  - { id: Z-1, name: A }\n',
    notes: ["3:16 conflict Z-1: 'name' changed in the source, but the item is written in flow style: not edited (source now: B)"],
  },
  {
    name: 'a section the user removed: its items stay deleted, a new section is appended',
    next: BASE + 'controls:\n  - id: C-1\n    title: X\n',
    current: 'spdf: "0.1"\n# all by hand\n',
    merged: 'spdf: "0.1"\n# all by hand\ncontrols:\n  - id: C-1\n    title: X\n',
    notes: ["1:1 kept threats 'T-1' was deleted by hand; the source still has it: not added again", "4:5 added controls 'C-1' is new in the source: added"],
  },
  {
    name: 'a new item with a multi-line text is appended as a block, its empty line kept',
    next: BASE + '  - id: T-2\n    title: B\n    description: "first\\n\\nthird"\n',
    current: BASE,
    merged: BASE + '  - id: T-2\n    title: B\n    description: |-\n      first\n\n      third\n',
    notes: ["11:5 added threats 'T-2' is new in the source: added"],
  },
  {
    name: 'a file that is not YAML is not merged',
    current: 'spdf: "0.1"\nthreats: [\n',
    error: /^not merged: the file is not valid YAML/,
    notes: [],
  },
];

describe('mergeImport: a three-way merge of a re-import into the file as the user has it', () => {
  for (const c of CASES)
    it(c.name, () => {
      const r = mergeImport('m.spdf.yaml', c.base ?? BASE, c.next ?? NEXT, c.current);
      if (c.error) assert.match(r.error ?? '', c.error);
      else assert.equal(r.text, c.merged);
      assert.deepEqual(
        r.notes.map((n) => `${n.pos.line}:${n.pos.col} ${n.kind} ${n.message}`),
        c.notes,
      );
    });
});
