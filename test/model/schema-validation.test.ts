// @spdf verifies SPDF-TM-001
import assert from 'node:assert/strict';
import type { FieldSpec } from '../../src/core/model/fields';
import { KIND_SPECS } from '../../src/core/model/schema-def';
import { validateFields, type SchemaIssue } from '../../src/core/model/validate';
import { parseYaml } from '../../src/core/yaml/parse';
import { asMap } from '../../src/core/yaml/ynode';

/** The issues of the mapping under `x:` in `yaml`, each as `line:col-line:col code message`. */
function issues(yaml: string, fields: Record<string, FieldSpec>, required: readonly string[]): string[] {
  const root = asMap(parseYaml(yaml, { maxAliases: 100, maxDepth: 50 }).roots[0]);
  const map = asMap(root?.pairs[0]?.value);
  assert.ok(map, `a mapping under x in ${JSON.stringify(yaml)}`);
  const out: SchemaIssue[] = [];
  validateFields(map, fields, required, 'item', out);
  const at = (o: number) => `${yaml.slice(0, o).split('\n').length}:${o - yaml.lastIndexOf('\n', o - 1)}`;
  return out.map((i) => `${at(i.start)}-${at(i.end)} ${i.code} ${i.message}`);
}

const str: FieldSpec = { type: 'string', doc: '' };
const FIELDS: Record<string, FieldSpec> = { id: str, name: str, '1': str, true: str, kind: { type: 'enum', values: ['a', 'b'], doc: '' } };

// Each mapping's pairs are read in one pass (src/core/model/validate.ts): what a required key's check finds must be
// what a lookup of the first pair with that key finds, in the order of `required`, after the findings of the pairs.
const CASES: { name: string; yaml: string; required: string[]; expect: string[] }[] = [
  { name: 'all required keys present', yaml: 'x:\n  id: A\n  name: n\n', required: ['id', 'name'], expect: [] },
  {
    name: 'a missing key is reported at the first key, in the order of required',
    yaml: 'x:\n  kind: a\n',
    required: ['name', 'id'],
    expect: ["2:3-2:7 TM008 item is missing the required key 'name'", "2:3-2:7 TM008 item is missing the required key 'id'"],
  },
  { name: 'an empty value is reported at its own key', yaml: 'x:\n  id: A\n  name:\n', required: ['id', 'name'], expect: ["3:3-3:7 TM008 item is missing the required key 'name'"] },
  { name: 'a null value is reported at its own key', yaml: 'x:\n  name: ~\n  id: A\n', required: ['id', 'name'], expect: ["2:3-2:7 TM008 item is missing the required key 'name'"] },
  { name: 'of a key written twice, the first decides', yaml: 'x:\n  name:\n  id: A\n  name: n\n', required: ['name'], expect: ["2:3-2:7 TM008 item is missing the required key 'name'"] },
  {
    name: 'a key listed twice in required is checked twice',
    yaml: 'x:\n  id: A\n',
    required: ['name', 'name'],
    expect: ["2:3-2:5 TM008 item is missing the required key 'name'", "2:3-2:5 TM008 item is missing the required key 'name'"],
  },
  { name: 'a non-string key that reads as the required key counts', yaml: 'x:\n  1: one\n  true: yes\n', required: ['1', 'true'], expect: [] },
  { name: 'a string key decides over a non-string key of the same text', yaml: "x:\n  1: one\n  '1':\n", required: ['1'], expect: ["3:3-3:6 TM008 item is missing the required key '1'"] },
  {
    name: 'findings of the pairs come first, then the missing keys',
    yaml: 'x:\n  kind: c\n  nmae: x\n',
    required: ['id'],
    expect: ["2:9-2:10 TM006 unknown kind 'c'; expected one of: a, b", "3:3-3:7 TM008 unknown key 'nmae' in item", "2:3-2:7 TM008 item is missing the required key 'id'"],
  },
  { name: 'an empty mapping is reported at itself', yaml: 'x: {}\n', required: ['id'], expect: ["1:4-1:6 TM008 item is missing the required key 'id'"] },
  { name: "Object.prototype's names are unknown keys", yaml: 'x:\n  constructor: 1\n  id: A\n', required: [], expect: ["2:3-2:14 TM008 unknown key 'constructor' in item"] },
];

/** A field nested in lists, mappings and objects is named by its path in messages (the names are joined only for one). */
const NESTED: { name: string; kind: keyof typeof KIND_SPECS; yaml: string; expect: string[] }[] = [
  {
    name: 'entries of a reference list and of a list in a mapping',
    kind: 'requirement',
    yaml: 'x:\n  id: R-1\n  title: t\n  text: t\n  derived_from: [{a: 1}, [2], THR-1]\n  standards: {iec62443_3_3: [{a: 1}], fda_app1: 5}\n',
    expect: [
      '5:18-5:24 TM008 derived_from entry must be a single value, not a mapping',
      '5:26-5:29 TM008 derived_from entry must be a single value, not a list',
      '6:30-6:36 TM008 iec62443_3_3 entry must be a single value, not a mapping',
      '6:49-6:50 TM008 fda_app1 must be a list',
    ],
  },
  {
    name: 'values of a security-level mapping',
    kind: 'zone',
    yaml: 'x:\n  id: Z-1\n  name: n\n  class: device\n  sl_t: {FR1: 9, FR9: 1, FR2: [1]}\n',
    expect: ['5:15-5:16 TM008 sl_t.FR1 must be a security level 0..4', "5:18-5:21 TM008 sl_t has key 'FR9'; expected FR1..FR7", '5:31-5:34 TM008 sl_t.FR2 must be a security level 0..4'],
  },
  {
    name: 'fields of objects in a list',
    kind: 'conduit',
    yaml: 'x:\n  id: C-1\n  name: n\n  zones: [Z-1, Z-2]\n  channels:\n    - port: abc\n      encrypted: 3\n    - [x]\n',
    expect: [
      '6:13-6:16 TM008 port must be an integer',
      '7:18-7:19 TM008 encrypted must be true or false',
      "6:7-6:11 TM008 channels entry is missing the required key 'protocol'",
      '8:7-8:10 TM008 channels entry must be a mapping',
    ],
  },
  {
    name: 'numbers of a score: out of range, and .nan (a float no range refuses)',
    kind: 'threat',
    yaml: 'x:\n  id: THR-1\n  title: t\n  score: {pre: .nan, post: 11}\n',
    expect: ['4:16-4:20 TM008 pre must be a number, not .nan (not a number)', '4:28-4:30 TM008 post must be between 0 and 10, not 11'],
  },
];

describe('schema validation of a mapping', () => {
  for (const c of CASES) it(c.name, () => assert.deepEqual(issues(c.yaml, FIELDS, c.required), c.expect));
  for (const c of NESTED) it(`names nested fields by their path: ${c.name}`, () => assert.deepEqual(issues(c.yaml, KIND_SPECS[c.kind].fields, KIND_SPECS[c.kind].required), c.expect));

  it('reads a spec the same on every call (its fields are looked up from a map made once)', () => {
    const spec = KIND_SPECS.requirement;
    const yaml = 'x:\n  title: t\n  verification: [test, nope]\n  tests: TC-1\n';
    const first = issues(yaml, spec.fields, spec.required);
    assert.deepEqual(first, [
      "3:24-3:28 TM006 unknown verification entry 'nope'; expected one of: test, analysis, inspection, demonstration, pentest, fuzz",
      '4:10-4:14 TM008 tests must be a list',
      "2:3-2:8 TM008 item is missing the required key 'id'",
    ]);
    assert.deepEqual(issues(yaml, spec.fields, spec.required), first);
  });
});
