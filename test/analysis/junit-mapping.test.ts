// @spdf verifies SPDF-FC-JUNIT-MAPPING
import assert from 'node:assert/strict';
import { JUnitCaseIndex } from '../../src/core/analysis/junit-mapping';
import type { JUnitCase, JUnitOutcome } from '../../src/core/matrix/test-results';
import { graphOf } from './graph-of';

/** One mapping case: the model's tests, the JUnit cases read (`file|classname|name|outcome`), and per test what the mapping decides. */
interface Row {
  title: string;
  tests: string;
  cases: string[];
  /** Per test ID: cases mapped by `junit`, cases named after it but unmapped (`classname|name@file`), recorded outcome, outcome. */
  expect: Record<string, { mapped: string[]; named: string[]; recorded: string; outcome: string }>;
}

const ROWS: Row[] = [
  {
    title: 'classname + name selects exactly that case',
    tests: '  - {id: TC-1, title: t, junit: {classname: dose, name: rejects}}\n',
    cases: ['a.xml|dose|rejects|pass', 'a.xml|dose|other|fail', 'a.xml|alarm|rejects|fail'],
    expect: { 'TC-1': { mapped: ['dose|rejects@a.xml'], named: [], recorded: 'pass', outcome: 'pass' } },
  },
  {
    title: 'name alone selects that name in every class',
    tests: '  - {id: TC-1, title: t, junit: {name: rejects}}\n',
    cases: ['a.xml|dose|rejects|pass', 'a.xml|alarm|rejects|error'],
    expect: { 'TC-1': { mapped: ['dose|rejects@a.xml', 'alarm|rejects@a.xml'], named: [], recorded: 'fail', outcome: 'fail' } },
  },
  {
    title: 'classname alone selects the whole suite; skipped cases alone have not run',
    tests: '  - {id: TC-1, title: t, junit: {classname: dose}}\n  - {id: TC-2, title: t, junit: {classname: alarm}}\n',
    cases: ['a.xml|dose|x|pass', 'a.xml|dose|y|fail', 'a.xml|alarm|z|skipped'],
    expect: {
      'TC-1': { mapped: ['dose|x@a.xml', 'dose|y@a.xml'], named: [], recorded: 'fail', outcome: 'fail' },
      'TC-2': { mapped: ['alarm|z@a.xml'], named: [], recorded: 'not-run', outcome: 'not-run' },
    },
  },
  {
    title: 'names are compared case-sensitively, trimmed: a different case maps nothing and has not run',
    tests: '  - {id: TC-1, title: t, result: pass, junit: {classname: Dose, name: REJECTS}}\n  - {id: TC-2, title: t, junit: {classname: " dose ", name: "rejects "}}\n',
    cases: ['a.xml|dose|rejects|pass'],
    expect: {
      'TC-1': { mapped: [], named: [], recorded: 'not-run', outcome: 'not-run' },
      'TC-2': { mapped: ['dose|rejects@a.xml'], named: [], recorded: 'pass', outcome: 'pass' },
    },
  },
  {
    title: 'the same case name in two result files: both map, any failure fails',
    tests: '  - {id: TC-1, title: t, junit: {classname: dose, name: rejects}}\n',
    cases: ['a.xml|dose|rejects|pass', 'b.xml|dose|rejects|fail'],
    expect: { 'TC-1': { mapped: ['dose|rejects@a.xml', 'dose|rejects@b.xml'], named: [], recorded: 'fail', outcome: 'fail' } },
  },
  {
    title: 'one case mapped by two tests belongs to both',
    tests: '  - {id: TC-1, title: t, junit: {name: shared}}\n  - {id: TC-2, title: t, junit: {classname: dose}}\n',
    cases: ['a.xml|dose|shared|error'],
    expect: {
      'TC-1': { mapped: ['dose|shared@a.xml'], named: [], recorded: 'fail', outcome: 'fail' },
      'TC-2': { mapped: ['dose|shared@a.xml'], named: [], recorded: 'fail', outcome: 'fail' },
    },
  },
  {
    title: 'a mapped test whose case is missing has not run, whatever pass it records; a recorded fail stays',
    tests: '  - {id: TC-1, title: t, result: pass, junit: {name: gone}}\n  - {id: TC-2, title: t, result: fail, junit: {name: gone}}\n',
    cases: ['a.xml|dose|other|pass'],
    expect: {
      'TC-1': { mapped: [], named: [], recorded: 'not-run', outcome: 'not-run' },
      'TC-2': { mapped: [], named: [], recorded: 'fail', outcome: 'fail' },
    },
  },
  {
    title: 'a recorded fail is not overridden by passing mapped cases',
    tests: '  - {id: TC-1, title: t, result: fail, junit: {name: rejects}}\n',
    cases: ['a.xml|dose|rejects|pass'],
    expect: { 'TC-1': { mapped: ['dose|rejects@a.xml'], named: [], recorded: 'fail', outcome: 'fail' } },
  },
  {
    title: 'a failed case named after an unmapped test (name, or classname.name) fails it',
    tests: '  - {id: TC-1, title: t, result: pass}\n  - {id: TC.DOTTED, title: t}\n  - {id: TC-3, title: t, result: pass}\n',
    cases: ['a.xml|dose|TC-1|fail', 'a.xml|TC|DOTTED|error', 'a.xml|dose|TC-3|pass'],
    expect: {
      'TC-1': { mapped: [], named: ['dose|TC-1@a.xml'], recorded: 'pass', outcome: 'fail' },
      'TC.DOTTED': { mapped: [], named: ['TC|DOTTED@a.xml'], recorded: 'not-run', outcome: 'fail' },
      'TC-3': { mapped: [], named: ['dose|TC-3@a.xml'], recorded: 'pass', outcome: 'pass' },
    },
  },
  {
    title: 'a case named after a test that maps another case is still named; one it maps is not',
    tests: '  - {id: TC-1, title: t, junit: {name: other}}\n  - {id: TC-2, title: t, junit: {name: TC-2}}\n',
    cases: ['a.xml|dose|TC-1|fail', 'a.xml|dose|other|pass', 'a.xml|dose|TC-2|pass'],
    expect: {
      'TC-1': { mapped: ['dose|other@a.xml'], named: ['dose|TC-1@a.xml'], recorded: 'pass', outcome: 'fail' },
      'TC-2': { mapped: ['dose|TC-2@a.xml'], named: [], recorded: 'pass', outcome: 'pass' },
    },
  },
  {
    title: 'with results read, a test with no result, no mapping and no case has not run (results are kept, none names it)',
    tests: '  - {id: TC-1, title: t}\n  - {id: TC-2, title: t, result: pass}\n',
    cases: ['a.xml|dose|other|pass'],
    expect: {
      'TC-1': { mapped: [], named: [], recorded: 'not-run', outcome: 'not-run' },
      'TC-2': { mapped: [], named: [], recorded: 'pass', outcome: 'pass' },
    },
  },
  {
    title: 'without results read, a mapped test keeps its recorded result or has none',
    tests: '  - {id: TC-1, title: t, result: pass, junit: {name: gone}}\n  - {id: TC-2, title: t, junit: {name: gone}}\n',
    cases: [],
    expect: {
      'TC-1': { mapped: [], named: [], recorded: 'pass', outcome: 'pass' },
      'TC-2': { mapped: [], named: [], recorded: 'none', outcome: 'none' },
    },
  },
];

const label = (c: JUnitCase) => `${c.classname}|${c.name}@${c.file}`;

describe('JUnit mapping (src/core/analysis/junit-mapping.ts): which case belongs to which test', () => {
  for (const row of ROWS)
    it(row.title, async () => {
      const graph = await graphOf(`tests:\n${row.tests}`);
      assert.deepEqual(graph.problems, []);
      const cases: JUnitCase[] = row.cases.map((s, i) => {
        const [file, classname, name, outcome] = s.split('|');
        return { file, classname, name, outcome: outcome as JUnitOutcome, line: i + 1 };
      });
      const files = [...new Set(cases.map((c) => c.file))];
      const index = new JUnitCaseIndex(files.length ? { files, cases } : undefined);
      const got = Object.fromEntries(
        graph.byKind.test.map((t) => [
          t.id,
          { mapped: index.mappedCases(t).map(label), named: index.unmappedNamedCases(t).map(label), recorded: index.recordedOutcome(t), outcome: index.testOutcome(t) },
        ]),
      );
      assert.deepEqual(got, row.expect);
    });
});
