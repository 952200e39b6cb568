// @spdf verifies SPDF-TRC-003
import assert from 'node:assert/strict';
import { parseJUnit } from '../../src/node/junit';
import { TestResultIndex, type JUnitCase } from '../../src/core/matrix/test-results';

const xml = (body: string) => `<?xml version="1.0"?>\n<testsuites>\n${body}\n</testsuites>\n`;

describe('JUnit results', () => {
  it('reads outcomes and the line of every test case', () => {
    const { cases, problems } = parseJUnit(
      'r.xml',
      xml(`  <testsuite name="s">
    <testcase classname="a.B" name="ok"/>
    <!-- <testcase name="commented out"/> -->
    <testcase classname="a.B" name="bad"><failure message="boom"/></testcase>
    <testcase classname="a.B" name="err"><error/></testcase>
    <testcase classname="a.B" name="skip"><skipped/></testcase>
    <testcase name="noclass"/>
  </testsuite>`),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      cases.map((c) => [c.classname, c.name, c.outcome, c.line]),
      [
        ['a.B', 'ok', 'pass', 4],
        ['a.B', 'bad', 'fail', 6],
        ['a.B', 'err', 'error', 7],
        ['a.B', 'skip', 'skipped', 8],
        ['s', 'noclass', 'pass', 9],
      ],
    );
  });

  it('reports broken XML with file:line:column and never throws', () => {
    const r = parseJUnit('broken.xml', '<testsuites>\n  <testsuite name="x">\n    <testcase name="a">\n  </testsuite>\n');
    assert.deepEqual(r.cases, []);
    assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
    assert.equal(r.problems[0].file, 'broken.xml');
    assert.ok(r.problems[0].line >= 3, JSON.stringify(r.problems[0]));
    assert.match(r.problems[0].message, /broken JUnit XML/);
    for (const junk of ['', 'not xml', '<a><b></a>', '\u0000\u0001', '<?xml version="1.0"?><html/>', '<!DOCTYPE x [<!ENTITY a "aaaa">]><testsuite><testcase name="&a;"/></testsuite>'])
      assert.doesNotThrow(() => parseJUnit('j.xml', junk));
    assert.match(parseJUnit('h.xml', '<?xml version="1.0"?><html/>').problems[0].message, /not a JUnit XML file/);
  });

  describe('matches test symbols by qualified name (per language)', () => {
    const cases: JUnitCase[] = [
      ['com.acme.pump.DoseControllerTest', 'rejectsUnsigned()'],
      ['tests.test_dose.TestDose', 'test_limits[param-1]'],
      ['tests.test_alarm', 'test_free_function'],
      ['example.com/pump', 'TestSetRate/sub_case'],
      ['pump', 'dose::tests::rejects_replay'],
      ['Pump.Tests.DoseTests', 'RejectsUnsigned'],
      ['firmware.tests.test_dose_controller', 'test_rejects_rate_above_hard_limit'],
      ['other.Module', 'test_limits'],
    ].map(([classname, name], i) => ({ classname, name, outcome: 'pass', file: 'r.xml', line: i + 1 }));
    const idx = new TestResultIndex({ version: 1, files: ['r.xml'], cases, problems: [] });
    const hit = (q: string, file: string) => idx.bySymbol(q, file).map((c) => `${c.classname}|${c.name}`);
    it('Java: package.Class.method', () =>
      assert.deepEqual(hit('com.acme.pump.DoseControllerTest.rejectsUnsigned', 'src/test/java/com/acme/pump/DoseControllerTest.java'), ['com.acme.pump.DoseControllerTest|rejectsUnsigned()']));
    it('Python: module path, class and test (parameters dropped)', () =>
      assert.deepEqual(hit('tests.test_dose.TestDose.test_limits', 'tests/test_dose.py'), ['tests.test_dose.TestDose|test_limits[param-1]']));
    it('Python: free function resolved through the file path', () => assert.deepEqual(hit('test_free_function', 'tests/test_alarm.py'), ['tests.test_alarm|test_free_function']));
    it('Go: package + function, subtests roll up', () => assert.deepEqual(hit('pump.TestSetRate', 'pump/pump_test.go'), ['example.com/pump|TestSetRate/sub_case']));
    it('Rust: module path', () => assert.deepEqual(hit('dose::tests::rejects_replay', 'src/dose.rs'), ['pump|dose::tests::rejects_replay']));
    it('C#: namespace.Class.Method', () => assert.deepEqual(hit('Pump.Tests.DoseTests.RejectsUnsigned', 'tests/DoseTests.cs'), ['Pump.Tests.DoseTests|RejectsUnsigned']));
    it('C: function resolved through the file path', () =>
      assert.deepEqual(hit('test_rejects_rate_above_hard_limit', 'firmware/tests/test_dose_controller.c'), ['firmware.tests.test_dose_controller|test_rejects_rate_above_hard_limit']));
    it('a bare name never matches on the name alone', () => assert.deepEqual(hit('test_limits', 'x/y.py'), []));
    it('YAML junit: classname + name, classname alone, name alone', () => {
      assert.equal(idx.byJUnitName('Pump.Tests.DoseTests', 'RejectsUnsigned').length, 1);
      assert.equal(idx.byJUnitName('tests.test_alarm', undefined).length, 1);
      assert.equal(idx.byJUnitName(undefined, 'test_limits').length, 1);
    });
  });
});
