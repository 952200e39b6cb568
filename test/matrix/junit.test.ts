// @spdf verifies SPDF-TRC-003, SPDF-FC-RESULTS, SPDF-FC-TAGGED-TEST-RESULTS
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { goModulePath, MAX_GO_MOD_BYTES } from '../../src/core/matrix/go-mod';
import { goModsOfHost, goModsOnDisk, readGoModules } from '../../src/node/go-modules';
import { parseJUnit, readResultFiles, readTestResults } from '../../src/node/junit';
import { GoPackages, goDirsOf } from '../../src/core/matrix/junit-case-files';
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

  describe('a case marked skipped or not run by its attributes is no pass (GoogleTest)', () => {
    // [attributes of <testcase>, children, outcome]
    const table: [string, string, string][] = [
      ['status="run" result="completed"', '', 'pass'],
      // GTEST_SKIP before GoogleTest wrote a <skipped> child: the attribute alone says it.
      ['status="run" result="skipped"', '', 'skipped'],
      ['status="run" result="skipped"', '<skipped message="m"/>', 'skipped'],
      // A DISABLED_ test.
      ['status="notrun" result="suppressed"', '', 'skipped'],
      ['result="suppressed"', '', 'skipped'],
      ['status="run" result="skipped"', '<failure message="m"/>', 'fail'],
      // CTest: a failed case has a <failure> child and status="fail"; the attribute alone says it as well.
      ['status="fail"', '<failure message="m"/>', 'fail'],
      ['status="fail"', '', 'fail'],
      ['status="failed"', '', 'fail'],
      ['result="FAILED"', '', 'fail'],
      ['status="run" result="interrupted"', '', 'fail'],
      ['status="error"', '', 'error'],
      ['status="disabled"', '<skipped/>', 'skipped'],
      ['status="passed"', '', 'pass'],
      ['status="fail" result="skipped"', '', 'fail'],
    ];
    for (const [attrs, children, outcome] of table)
      it(`<testcase ${attrs}>${children}: ${outcome}`, () => {
        const r = parseJUnit(
          'r.xml',
          xml(`  <testsuite name="s">
    <testcase classname="a.B" name="t" ${attrs}>${children}</testcase>
  </testsuite>`),
        );
        assert.deepEqual(r.problems, []);
        assert.deepEqual(
          r.cases.map((c) => c.outcome),
          [outcome],
        );
      });
  });

  it('a status or result value the reader does not know is a problem at the <testcase> and the case errored', () => {
    const r = parseJUnit('r.xml', xml(`  <testsuite name="s">\n    <testcase classname="a.B" name="t" status="crunched"/>\n  </testsuite>`));
    assert.deepEqual(
      r.cases.map((c) => [c.outcome, c.message]),
      [['error', 'not understood: status="crunched"']],
    );
    assert.deepEqual(
      r.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
      ['4:5 <testcase status="crunched"> is no test status the JUnit reader knows: not understood, so the case counts as errored'],
    );
  });

  describe('reports in the shapes jest-junit, mocha-junit-reporter, Vitest and gotestsum write', () => {
    // Hand-written in each tool's shape (as its version of November 2026 wrote it, default options unless named):
    // [tool and options, the whole file, outcome per case name, problems as line:column]
    const P = 'pass';
    const F = 'fail';
    const E = 'error';
    const S = 'skipped';
    const table: [string, string, Record<string, string>, string[]][] = [
      [
        'jest-junit 17: root counts summed over the files, it.todo written as a case the counts leave out, a hook failure after the tests',
        `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="4" failures="2" errors="0" time="1.6">
  <testsuite name="pump" errors="0" failures="1" skipped="1" timestamp="2026-11-30T12:41:30" time="1.0" tests="3">
    <testcase classname="pump passes" name="pump passes" time="0.018">
    </testcase>
    <testcase classname="pump limits deep fails" name="pump limits deep fails" time="0.007">
      <failure>Error: expect(received).toBe(expected)</failure>
    </testcase>
    <testcase classname="pump skipped" name="pump skipped" time="0">
      <skipped/>
    </testcase>
    <testcase classname="pump todo" name="pump todo" time="0">
    </testcase>
    <testcase classname=" Test execution failure: could be caused by test hooks like 'afterAll'." name=" Test execution failure: could be caused by test hooks like 'afterAll'." time="0">
      <failure>{"message":"hook boom"}</failure>
    </testcase>
  </testsuite>
  <testsuite name="hooked" errors="0" failures="1" skipped="0" timestamp="2026-11-30T12:41:31" time="0.2" tests="1">
    <testcase classname="hooked never" name="hooked never" time="0.001">
      <failure>Error: hook boom</failure>
    </testcase>
  </testsuite>
</testsuites>
`,
        { 'pump passes': P, 'pump limits deep fails': F, 'pump skipped': S, 'pump todo': P, "Test execution failure: could be caused by test hooks like 'afterAll'.": F, 'hooked never': F },
        [],
      ],
      [
        'jest-junit reportTestSuiteErrors: a file that failed to run is an errored case',
        `<testsuites name="jest tests" tests="0" failures="0" errors="1" time="0.4">
  <testsuite name="test/broken.test.js" errors="1" failures="0" skipped="0" timestamp="2026-11-30T12:44:03" time="0" tests="0">
    <testcase classname="Test suite failed to run" name="test/broken.test.js" time="0">
      <error>SyntaxError: Unexpected token ')'</error>
    </testcase>
  </testsuite>
</testsuites>
`,
        { 'test/broken.test.js': E },
        [],
      ],
      [
        'mocha-junit-reporter 2.2: "Root Suite" for tests outside any describe, one suite per describe (not nested), a failed hook as a case, pending left out',
        `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="Mocha Tests" time="0.008" tests="9" failures="4" skipped="2">
  <testsuite name="Root Suite" timestamp="2026-11-30T12:42:16" tests="1" time="0.000" failures="0">
    <testcase name="toplevel" time="0.000" classname="toplevel">
    </testcase>
  </testsuite>
  <testsuite name="hooked" timestamp="2026-11-30T12:42:16" tests="1" file="/ci/mtest/hook.spec.js" time="0.001" failures="1">
    <testcase name="hooked &quot;before all&quot; hook for &quot;never&quot;" time="0.000" classname="&quot;before all&quot; hook for &quot;never&quot;">
      <failure message="hook boom" type="Error"><![CDATA[Error: hook boom]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="pump" timestamp="2026-11-30T12:42:16" tests="5" file="/ci/mtest/pump.spec.js" time="0.000" failures="2">
    <testcase name="pump passes" time="0.000" classname="passes">
    </testcase>
    <testcase name="pump fails" time="0.001" classname="fails">
      <failure message="1 == 2" type="AssertionError"><![CDATA[AssertionError [ERR_ASSERTION]: 1 == 2]]></failure>
    </testcase>
    <testcase name="pump errors" time="0.000" classname="errors">
      <failure message="Cannot read properties of null (reading &apos;x&apos;)" type="TypeError"><![CDATA[TypeError: Cannot read properties of null]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="deep" timestamp="2026-11-30T12:42:16" tests="1" file="/ci/mtest/pump.spec.js" time="0.001" failures="1">
    <testcase name="pump limits deep deepfail" time="0.000" classname="deepfail">
      <failure message="2 == 3" type="AssertionError"><![CDATA[AssertionError [ERR_ASSERTION]: 2 == 3]]></failure>
    </testcase>
  </testsuite>
</testsuites>
`,
        { toplevel: P, 'hooked "before all" hook for "never"': F, 'pump passes': P, 'pump fails': F, 'pump errors': F, 'pump limits deep deepfail': F },
        [],
      ],
      [
        "Mocha 10's xunit: quotes and `<` of titles written as character references, a failed hook a case of its suite, errors counting the failures",
        `<testsuite name="Mocha Tests" tests="3" failures="0" errors="2" skipped="-2" timestamp="Mon, 30 Nov 2026 13:33:29 GMT" time="0.003">
<testcase classname="pump limits" name="&#x22;before all&#x22; hook for &#x22;keeps dose&#x22;" file="/ci/mtest/hooks.test.js" time="0"><failure>before boom
Error: before boom
    at Context.&#x3C;anonymous&#x3E; (mtest/hooks.test.js:3:32)</failure></testcase>
<testcase classname="pump after" name="done" file="/ci/mtest/hooks.test.js" time="0"/>
<testcase classname="pump after" name="rejects &#x3C; 0 &#x26; &#34;NaN&#34;" file="/ci/mtest/hooks.test.js" time="0"/>
<testcase classname="pump after" name="&#x22;after all&#x22; hook for &#x22;done&#x22;" file="/ci/mtest/hooks.test.js" time="0.001"><failure>after boom</failure></testcase>
</testsuite>
`,
        { '"before all" hook for "keeps dose"': F, done: P, 'rejects < 0 & "NaN"': P, '"after all" hook for "done"': F },
        [],
      ],
      [
        'mocha-junit-reporter testsuitesTitle, useFullSuiteTitle, suiteTitleSeparatedBy ".", includePending',
        `<testsuites name="My Suites" time="0.021" tests="4" failures="1" skipped="2">
  <testsuite name="" timestamp="2026-11-30T12:42:16" tests="1" time="0.000" failures="0">
    <testcase name="toplevel" time="0.000" classname="toplevel">
    </testcase>
  </testsuite>
  <testsuite name="Root Suite.pump" timestamp="2026-11-30T12:42:16" tests="3" file="/ci/mtest/pump.spec.js" time="0.000" failures="1" skipped="2">
    <testcase name="pump fails" time="0.001" classname="fails">
      <failure message="1 == 2" type="AssertionError"><![CDATA[AssertionError]]></failure>
    </testcase>
    <testcase name="pump skipped" time="0.000" classname="skipped">
      <skipped/>
    </testcase>
    <testcase name="pump pending" time="0.000" classname="pending">
      <skipped/>
    </testcase>
  </testsuite>
</testsuites>
`,
        { toplevel: P, 'pump fails': F, 'pump skipped': S, 'pump pending': S },
        [],
      ],
      [
        'mocha-junit-reporter counting a failure no case shows: a problem at the root',
        `<testsuites name="Mocha Tests" time="0.008" tests="2" failures="2">
  <testsuite name="pump" timestamp="2026-11-30T12:42:16" tests="2" time="0.000" failures="1">
    <testcase name="pump passes" time="0.000" classname="passes">
    </testcase>
    <testcase name="pump fails" time="0.001" classname="fails">
      <failure message="1 == 2" type="AssertionError"/>
    </testcase>
  </testsuite>
</testsuites>
`,
        { 'pump passes': P, 'pump fails': F },
        ['1:1'],
      ],
      [
        'Vitest 4: root counts summed, a file suite per file, a failed beforeAll as a case named by its describe, todo skipped',
        `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="5" failures="2" errors="0" time="0.04">
    <testsuite name="vtest/hook.test.js" timestamp="2026-11-30T12:42:23.232Z" hostname="ci" tests="2" failures="1" errors="0" skipped="1" time="0.006">
        <testcase classname="vtest/hook.test.js" name="hooked &gt; never" time="0">
            <skipped/>
        </testcase>
        <testcase classname="vtest/hook.test.js" name="hooked" time="0.005">
            <failure message="hook boom" type="Error">
Error: hook boom
            </failure>
        </testcase>
    </testsuite>
    <testsuite name="vtest/pump.test.js" timestamp="2026-11-30T12:42:23.238Z" hostname="ci" tests="3" failures="1" errors="0" skipped="1" time="0.03">
        <testcase classname="vtest/pump.test.js" name="pump &gt; limits &gt; keeps" time="0.0003">
        </testcase>
        <testcase classname="vtest/pump.test.js" name="pump &gt; errors" time="0.0008">
            <failure message="Cannot read properties of null (reading &apos;x&apos;)" type="TypeError">
TypeError: Cannot read properties of null (reading &apos;x&apos;)
            </failure>
        </testcase>
        <testcase classname="vtest/pump.test.js" name="pump &gt; todo" time="0">
            <skipped/>
        </testcase>
    </testsuite>
</testsuites>
`,
        { 'hooked > never': S, hooked: F, 'pump > limits > keeps': P, 'pump > errors': F, 'pump > todo': S },
        [],
      ],
      [
        'gotestsum 1.8: a package per suite, properties, a failed parent test and its failed subtest both counted, a skip with its output',
        `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="5" failures="3" errors="0" time="1.9">
	<testsuite tests="5" failures="3" time="0.005000" name="example.com/pump" timestamp="2026-11-30T12:42:30Z">
		<properties>
			<property name="go.version" value="go1.19.8 linux/amd64"></property>
		</properties>
		<testcase classname="example.com/pump" name="TestFail" time="0.000000">
			<failure message="Failed" type="">=== RUN   TestFail&#xA;    dose_test.go:7: bad&#xA;--- FAIL: TestFail (0.00s)&#xA;</failure>
		</testcase>
		<testcase classname="example.com/pump" name="TestSub/bad" time="0.000000">
			<failure message="Failed" type="">--- FAIL: TestSub/bad (0.00s)&#xA;</failure>
		</testcase>
		<testcase classname="example.com/pump" name="TestSub" time="0.000000">
			<failure message="Failed" type="">--- FAIL: TestSub (0.00s)&#xA;</failure>
		</testcase>
		<testcase classname="example.com/pump" name="TestSkip" time="0.000000">
			<skipped message="=== RUN   TestSkip&#xA;--- SKIP: TestSkip (0.00s)&#xA;"></skipped>
		</testcase>
		<testcase classname="example.com/pump" name="TestPass" time="0.000000"></testcase>
	</testsuite>
</testsuites>
`,
        { TestFail: F, 'TestSub/bad': F, TestSub: F, TestSkip: S, TestPass: P },
        [],
      ],
      [
        'go-junit-report 2: a package that did not build is an errored [build failed] case, a panic after the tests a Failure case',
        `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="3" errors="2">
	<testsuite name="example.com/m/broken" tests="1" failures="0" errors="1" id="0" hostname="ci" time="0.000" timestamp="2026-11-30T12:00:00Z">
		<properties>
			<property name="go.version" value="go1.22"></property>
		</properties>
		<testcase name="[build failed]" classname="example.com/m/broken" time="0.000">
			<error message="Build error"><![CDATA[./dose.go:5:2: undefined: limit]]></error>
		</testcase>
	</testsuite>
	<testsuite name="example.com/m/late" tests="2" failures="0" errors="1" id="1" hostname="ci" time="0.003" timestamp="2026-11-30T12:00:00Z">
		<testcase name="TestOne" classname="example.com/m/late" time="0.000">
			<system-out><![CDATA[    late_test.go:13: ok]]></system-out>
		</testcase>
		<testcase name="Failure" classname="example.com/m/late" time="0.000">
			<error message="Runtime error"><![CDATA[panic: late]]></error>
		</testcase>
	</testsuite>
</testsuites>
`,
        { '[build failed]': E, TestOne: P, Failure: E },
        [],
      ],
      [
        'gotestsum: a package that does not build is counted as an error at the root and written as no case',
        `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="1" failures="1" errors="1" time="3.4">
	<testsuite tests="1" failures="1" time="0.004000" name="example.com/pump/panicgo" timestamp="2026-11-30T12:52:11Z">
		<testcase classname="example.com/pump/panicgo" name="TestA" time="0.000000">
			<failure message="Failed" type="">--- FAIL: TestA (0.00s)&#xA;panic: assignment to entry in nil map</failure>
		</testcase>
	</testsuite>
</testsuites>
`,
        { TestA: F },
        ['2:1'],
      ],
    ];
    for (const [name, text, outcomes, at] of table)
      it(`${name}: ${at.length ? `a problem at ${at.join(', ')}` : 'no problem'}`, () => {
        const r = parseJUnit('r.xml', text);
        assert.deepEqual(Object.fromEntries(r.cases.map((c) => [c.name.trim(), c.outcome])), outcomes);
        assert.deepEqual(
          r.problems.map((p) => `${p.line}:${p.column}`),
          at,
          r.problems.map((p) => p.message).join('\n'),
        );
      });
  });

  describe('a suite counting more failures than its cases show is a problem at the suite', () => {
    // [the XML inside <testsuites>, the problems as line:column]
    const table: [string, string, string[]][] = [
      ['failures="1", its one case passed', '<testsuite name="s" tests="1" failures="1"><testcase classname="a.B" name="t"/></testsuite>', ['3:1']],
      ['errors="2", one case errored', '<testsuite name="s" errors="2"><testcase classname="a.B" name="t"><error/></testcase></testsuite>', ['3:1']],
      ['failures="1", its case failed', '<testsuite name="s" failures="1"><testcase classname="a.B" name="t"><failure/></testcase></testsuite>', []],
      // Mocha's xunit counts failed tests as errors and writes <failure> for them.
      ['errors="1" failures="0", its case has a <failure>', '<testsuite name="s" failures="0" errors="1"><testcase classname="a.B" name="t"><failure/></testcase></testsuite>', []],
      [
        'nested suites, counts summed at the outer one',
        '<testsuite name="o" failures="2"><testsuite name="i" failures="1"><testcase classname="a" name="t"><failure/></testcase></testsuite><testcase classname="a" name="u"><failure/></testcase></testsuite>',
        [],
      ],
      [
        'nested suites, the inner one lost its failure',
        '<testsuite name="o" failures="1"><testsuite name="i" failures="1"><testcase classname="a" name="t"/></testsuite></testsuite>',
        ['3:34', '3:1'],
      ],
      ['a count of 10^20 (hostile)', '<testsuite name="s" failures="100000000000000000000"><testcase classname="a.B" name="t"/></testsuite>', ['3:1']],
      ['counts that are no numbers are not read', '<testsuite name="s" failures="many" errors=""><testcase classname="a.B" name="t"/></testsuite>', []],
      // pytest: a test that failed, then errored in its teardown, counts once in each.
      [
        'failures="1" errors="1", one case with a <failure> and an <error>',
        '<testsuite name="s" failures="1" errors="1"><testcase classname="a.B" name="t"><failure/><error/></testcase></testsuite>',
        [],
      ],
      ['a failure only in an attribute counts', '<testsuite name="s" failures="1"><testcase classname="a.B" name="t" status="fail"/></testsuite>', []],
    ];
    for (const [name, body, at] of table)
      it(`${name}: ${at.length ? `a problem at ${at.join(', ')}` : 'no problem'}`, () => {
        const r = parseJUnit('r.xml', xml(body));
        assert.deepEqual(
          r.problems.map((p) => `${p.line}:${p.column}`),
          at,
        );
        for (const p of r.problems) assert.match(p.message, /says \d+ tests? failed or errored \(its failures and errors attributes\), but (no|only \d+) <testcase> in it did/);
      });

    it('the root <testsuites> is held to its counts too', () => {
      const r = parseJUnit('r.xml', '<testsuites failures="1">\n  <testsuite name="s"><testcase classname="a" name="t"/></testsuite>\n</testsuites>\n');
      assert.deepEqual(
        r.problems.map((p) => `${p.line}:${p.column} ${p.message.slice(0, 40)}`),
        ['1:1 <testsuites> says 1 test failed or error'],
      );
    });
  });

  /** UTF-16 and UTF-32 results (PowerShell writes UTF-16 by default) were "broken JUnit XML: Tag '<U+0000>t...' is an invalid name". */
  const RESULT = '<?xml version="1.0"?>\n<testsuite name="s"><testcase classname="a.B" name="ok"/></testsuite>\n';
  for (const [encoding, bytes] of [
    ['UTF-16 (LE)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RESULT, 'utf16le')])],
    ['UTF-16 (LE)', Buffer.from(RESULT, 'utf16le')],
    ['UTF-16 (BE)', Buffer.from(RESULT, 'utf16le').swap16()],
    ['UTF-32 (LE)', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...RESULT].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0]))])],
  ] as const)
    it(`a results file in ${encoding}${bytes[0] === 0xff ? '' : ' without a byte-order mark'} is a problem at its 1:1 naming the encoding and what to do`, async () => {
      const r = await readResultFiles(['r/*.xml'], { files: ['r/wide.xml'], problems: [] }, '', () => Promise.resolve(bytes));
      assert.deepEqual(r.cases, []);
      assert.deepEqual(
        r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
        [
          `r/wide.xml:1:1: JUnit XML in ${encoding} is not read (test results are read as UTF-8): save it as UTF-8 (have the test runner write UTF-8, or convert it: iconv -f ${encoding.split(' ')[0]} -t UTF-8)`,
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

  describe('a DTD declaration refuses the file: an XML reader applies it (entity text can be a <failure>, an attribute default a status)', () => {
    for (const [title, doctype, body, at, kind] of [
      ['a failure element as the entity text', '<!ENTITY f "<failure message=\'x\'/>">', '<testcase classname="a.B" name="t">&f;</testcase>', '3:3', 'ENTITY'],
      ['a failure element written with character references', '<!ENTITY f "&#60;failure/&#62;">', '<testcase classname="a.B" name="t">&f;</testcase>', '3:3', 'ENTITY'],
      ['a text-only entity naming the case (refused alike: the reader cannot tell them apart safely)', '<!ENTITY n "t">', '<testcase classname="a.B" name="&n;"/>', '3:3', 'ENTITY'],
      ['a parameter entity', '<!ENTITY % p "x">', '<testcase classname="a.B" name="t"/>', '3:3', 'ENTITY'],
      ['an attribute default: every case failed for a conforming reader', '<!ATTLIST testcase status CDATA "failed">', '<testcase classname="a.B" name="t"/>', '3:3', 'ATTLIST'],
    ] as const)
      it(`${title}: no case is read, a problem at the declaration`, () => {
        const r = parseJUnit('r.xml', `<?xml version="1.0"?>\n<!DOCTYPE testsuite [\n  ${doctype}\n]>\n<testsuite name="s" tests="1" failures="0">${body}</testsuite>\n`);
        assert.deepEqual(r.cases, []);
        assert.deepEqual(
          r.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
          [
            `${at} a DTD declaration (<!${kind}) is refused in JUnit XML: an XML reader applies it (an entity's text can be a <failure>, an attribute default a failed status) and this one would not; the file was not read`,
          ],
        );
      });
    it('a declaration inside a comment or CDATA is no declaration: the file is read', () => {
      const r = parseJUnit(
        'r.xml',
        '<?xml version="1.0"?>\n<!-- <!ENTITY f "x"> <!ATTLIST testcase status CDATA "failed"> -->\n<testsuite name="s"><testcase classname="a.B" name="t"><system-out><![CDATA[<!ENTITY g "y">]]></system-out></testcase></testsuite>\n',
      );
      assert.deepEqual(
        r.cases.map((c) => [c.name, c.outcome]),
        [['t', 'pass']],
      );
      assert.deepEqual(r.problems, []);
    });
  });

  describe('an element the reader does not understand is a problem at its position and never a pass', () => {
    // [case, testsuite body, expected [name, outcome] per case, expected problems "line:col <element>"]
    const table: [string, string, [string, string][], string[]][] = [
      ['<Failure> (XML is case-sensitive)', '<testcase classname="a.B" name="t">\n<Failure message="boom"/></testcase>', [['t', 'error']], ['5:1 Failure']],
      ['<ERROR>', '<testcase classname="a.B" name="t"><ERROR/></testcase>', [['t', 'error']], ['4:36 ERROR']],
      ['an unknown element beside a known failure stays failed', '<testcase classname="a.B" name="t"><failure/><verdict/></testcase>', [['t', 'fail']], ['4:46 verdict']],
      ['an unknown element after a skip', '<testcase classname="a.B" name="t"><skipped/><flaky/></testcase>', [['t', 'error']], ['4:46 flaky']],
      ['<TestCase> in a suite is not read as a pass', '<TestCase classname="a.B" name="t"/>\n  <testcase classname="a.B" name="u"/>', [['u', 'pass']], ['4:1 TestCase']],
      [
        'positions stay right after unread content',
        '<properties><property name="p" value="v"/></properties><testcase classname="a.B" name="t"><system-out>x</system-out><Failure/></testcase>',
        [['t', 'error']],
        ['4:117 Failure'],
      ],
      [
        'output, properties and Surefire rerun/flaky reports are understood',
        '<testcase classname="a.B" name="t"><properties><property name="k" value="v"/></properties><system-out>o</system-out><system-err>e</system-err><flakyFailure message="m"/><flakyError/></testcase>\n<testcase classname="a.B" name="u"><failure/><rerunFailure/><rerunError/></testcase>',
        [
          ['t', 'pass'],
          ['u', 'fail'],
        ],
        [],
      ],
    ];
    for (const [title, body, outcomes, problems] of table)
      it(title, () => {
        const r = parseJUnit('r.xml', xml(`  <testsuite name="s">\n${body}\n  </testsuite>`));
        assert.deepEqual(
          r.cases.map((c) => [c.name, c.outcome]),
          outcomes,
        );
        assert.deepEqual(
          r.problems.map((p) => `${p.line}:${p.column} ${/<([^>]+)>/.exec(p.message)?.[1] ?? p.message}`),
          problems,
        );
      });
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
  });

  describe('JS/TS test symbols by their titles, test classes and suites by what is inside, test files by their file', () => {
    // [classname, name, file attribute]
    const cases: JUnitCase[] = [
      ['', 'dose limits rejects v1.2 commands', ''],
      ['test/alarm.test.ts', 'alarm > sounds', ''],
      ['', 'works', 'test/top.test.ts'],
      ['', 'works', 'test/elsewhere.test.ts'],
      ['com.acme.DoseTest', 'rejects', ''],
      ['com.acme.DoseTest$Inner', 'nested', ''],
      ['DoseTest', 'bare class', ''],
      ['tests.test_dose.TestDose', 'test_limit', ''],
      ['', 'pump works fine', ''],
      ['pump', 'keeps', 'test/pump.test.ts'],
      // jest-junit with ancestorSeparator " › ": classNameTemplate "{classname}" and the default "{classname} {title}".
      ['bolus › limits', 'caps', ''],
      ['bolus › limits rounds', 'bolus › limits rounds', ''],
    ].map(([classname, name, source], i) => ({ classname, name, outcome: 'pass', file: 'r.xml', line: i + 1, ...(source ? { source } : {}) }));
    const idx = new TestResultIndex({ version: 1, files: ['r.xml'], cases, problems: [] });
    const names = (cs: JUnitCase[]) => cs.map((c) => c.name);
    for (const [symbol, file, want] of [
      ['dose.limits.rejects v1.2 commands', 'test/dose.test.ts', ['dose limits rejects v1.2 commands']],
      ['outer.dose.limits.rejects v1.2 commands', 'test/dose.test.ts', ['dose limits rejects v1.2 commands']],
      ['alarm.sounds', 'test/alarm.test.ts', ['alarm > sounds']],
      ['bolus.limits.caps', 'test/bolus.test.ts', ['caps']],
      ['bolus.limits.rounds', 'test/bolus.test.ts', ['bolus › limits rounds']],
      // The title names a suite the symbol is not in.
      ['limits.rounds', 'test/bolus.test.ts', []],
      ['alarm.sounds', 'test/other.test.ts', []],
      ['works', 'test/top.test.ts', ['works']],
      ['works', 'test/nowhere.test.ts', []],
      ['dose.limits', 'test/dose.test.ts', []],
      ['pump.works', 'test/pump.test.ts', []],
      ['pump', 'test/pump.test.ts', ['keeps']],
      ['alarm', 'test/alarm.test.ts', ['alarm > sounds']],
      ['dose.lim', 'test/dose.test.ts', []],
      ['com.acme.DoseTest', 'src/test/java/com/acme/DoseTest.java', ['rejects', 'nested']],
      ['TestDose', 'tests/test_dose.py', ['test_limit']],
      ['DoseTest', 'src/test/java/org/other/DoseTest.java', []],
    ] as const)
      it(`${symbol} in ${file}: ${want.length ? want.join(', ') : 'no case'}`, () => assert.deepEqual(names(idx.bySymbol(symbol, file)), want));
    for (const [file, want] of [
      ['src/test/java/com/acme/DoseTest.java', ['rejects', 'nested']],
      ['test/top.test.ts', ['works']],
      ['src/DoseTest.java', []],
    ] as const)
      it(`the file ${file}: ${want.length ? want.join(', ') : 'no case'}`, () => assert.deepEqual(names(idx.byFile(file)), want));

    it('hostile names stay linear: a classname of 200,000 segments, a title of 200,000 dots', () => {
      const many = Array.from({ length: 200_000 }, () => 'a').join('.');
      const big = new TestResultIndex({ version: 1, files: ['r.xml'], cases: [{ classname: many, name: `${many} x`, outcome: 'fail', file: 'r.xml', line: 1 }], problems: [] });
      assert.deepEqual(names(big.byFile('a/a.py')), [`${many} x`]);
      assert.equal(big.bySymbol(`${many}.x`, 't/a.test.ts').length, 1);
      assert.equal(big.bySymbol(many, 'a/b.py').length, 1);
    });

    describe('a Go test file tagged as a whole: the cases of its Test functions in its package', () => {
      const goCases: JUnitCase[] = [
        ['example.com/m/pump', 'TestDose'],
        ['example.com/m/pump', 'TestDose/limits'],
        ['example.com/m/other/pump', 'TestAlarm'],
        ['example.com/m/pump', 'TestHelper'],
        ['pump', 'TestDose'],
      ].map(([classname, name], i) => ({ classname, name, outcome: 'pass', file: 'r.xml', line: i + 1 }));
      const goIdx = new TestResultIndex({ version: 1, files: ['r.xml'], cases: goCases, problems: [] });
      const files = ['pump/dose_test.go', 'pump/alarm_test.go', 'other/pump/alarm_test.go', 'dose_test.go', 'go.mod'];
      for (const [file, symbols, want] of [
        ['pump/dose_test.go', ['TestDose', 'helper'], ['TestDose', 'TestDose/limits']],
        // The case of `other/pump` ends in `pump` too, but the workspace has that folder: it is its.
        ['pump/alarm_test.go', ['TestAlarm'], []],
        ['other/pump/alarm_test.go', ['TestAlarm'], ['TestAlarm']],
        // Not a test function of the file (a helper named like one is a function of another file).
        ['pump/dose_test.go', ['TestDoseHelperTable'], []],
        // At the workspace root the import path is the module's: no case can be told to be the file's.
        ['dose_test.go', ['TestDose'], []],
      ] as const)
        it(`${file} defining ${symbols.join(', ')}: ${want.length ? want.join(', ') : 'no case'}`, () =>
          assert.deepEqual(
            names(
              goIdx.byFile(
                file,
                () => symbols,
                () => goDirsOf(files),
              ),
            ),
            want,
          ));

      describe("a module's root package, named by the module path alone: learnt from the module's other packages", () => {
        const rootCases: JUnitCase[] = [
          ['example.com/m', 'TestRoot'],
          ['example.com/m/pump', 'TestDose'],
          ['github.com/acme/service', 'TestSvc'],
          ['github.com/acme/service/api', 'TestApi'],
          ['example.com/elsewhere', 'TestRoot'],
        ].map(([classname, name], i) => ({ classname, name, outcome: 'pass', file: 'r.xml', line: i + 1 }));
        const rootIdx = new TestResultIndex({ version: 1, files: ['r.xml'], cases: rootCases, problems: [] });
        const base = ['go.mod', 'root_test.go', 'pump/dose_test.go', 'svc/go.mod', 'svc/svc_test.go', 'svc/api/api_test.go'];
        for (const [what, files, file, symbols, want] of [
          ['the workspace root', base, 'root_test.go', ['TestRoot'], ['example.com/m TestRoot']],
          ['a sub-package, by the learnt module path', base, 'pump/dose_test.go', ['TestDose'], ['example.com/m/pump TestDose']],
          ['the root of a nested module whose path does not end with its folder', base, 'svc/svc_test.go', ['TestSvc'], ['github.com/acme/service TestSvc']],
          ['a sub-package of that nested module', base, 'svc/api/api_test.go', ['TestApi'], ['github.com/acme/service/api TestApi']],
          ['the workspace root without a go.mod (no module)', base.filter((f) => f !== 'go.mod'), 'root_test.go', ['TestRoot'], []],
          ['the workspace root when the module has no other package', ['go.mod', 'root_test.go'], 'root_test.go', ['TestRoot'], []],
        ] as const)
          it(`${what}: ${want.length ? want.join(', ') : 'no case'}`, () => {
            const dirs = goDirsOf(files);
            const got = (cs: JUnitCase[]) => cs.map((c) => `${c.classname} ${c.name}`);
            assert.deepEqual(
              got(
                rootIdx.byFile(
                  file,
                  () => symbols,
                  () => dirs,
                ),
              ),
              want,
            );
            // A test function tagged on its own gets the same cases.
            assert.deepEqual(got(rootIdx.bySymbol(symbols[0], file, () => dirs)), want);
          });

        it('two module paths learnt for one module: none is trusted, the root package gets no case', () => {
          const two = new TestResultIndex({
            version: 1,
            files: ['r.xml'],
            cases: [
              { classname: 'example.com/m', name: 'TestRoot', outcome: 'pass', file: 'r.xml', line: 1 },
              { classname: 'example.com/m/pump', name: 'TestDose', outcome: 'pass', file: 'r.xml', line: 2 },
              { classname: 'example.com/fork/alarm', name: 'TestAlarm', outcome: 'pass', file: 'r.xml', line: 3 },
            ],
            problems: [],
          });
          const dirs = goDirsOf(['go.mod', 'root_test.go', 'pump/dose_test.go', 'alarm/alarm_test.go']);
          assert.deepEqual(
            two.byFile(
              'root_test.go',
              () => ['TestRoot'],
              () => dirs,
            ),
            [],
          );
        });
      });

      describe("gotestsum's relative and short classnames: the folder when only one fits", () => {
        const files = ['go.mod', 'root_test.go', 'pump/dose_test.go', 'pump/dose/dose_test.go', 'other/pump/alarm_test.go', 'svc/go.mod', 'svc/api/api_test.go', 'svc/svc_test.go'];
        // [what, the results file's classnames, the classname asked about, the folder]
        for (const [what, classnames, classname, want] of [
          ['relative: a folder inside the module', ['.', 'pump', 'other/pump'], 'pump', 'pump'],
          ['relative: a nested folder', ['.', 'pump/dose'], 'pump/dose', 'pump/dose'],
          // gotestsum runs in one module: `.` is its root package, but two modules here hold Go files at their root.
          ['relative: `.` is the root of either module: none', ['.', 'pump'], '.', undefined],
          ['relative: a folder only the nested module has', ['.', 'api'], 'api', 'svc/api'],
          ['relative: a path with `..` is none', ['.', '../pump'], '../pump', undefined],
          // No `.` case: relative or short, every reading must agree.
          // A `/` in a classname: never short (`other/pump` would be `pump`), so relative or full, and full finds none.
          ['no `.`, a `/`: `pump` is `pump/` read as relative', ['pump', 'other/pump'], 'pump', 'pump'],
          ['no `.`, no `/`: `pump` is `pump/` read as relative, two folders read as short: none', ['pump', 'dose'], 'pump', undefined],
          ['no `.`: `other/pump` is learnt as the module `other` plus `pump/`, or `other/pump/` as relative: none', ['pump/dose', 'other/pump'], 'other/pump', undefined],
          // The module's root package holds tests, and short names it by the module path's last segment, unknown here.
          ['short: the one folder named `dose`, but the root package may be named `dose` too: none', ['pump', 'dose'], 'dose', undefined],
          // A module path without a host (`module dose`): a `/` in some classname tells it is not short, so `dose` is the
          // module's root package (learnt from `dose/other/pump`), not the folder `pump/dose`.
          ['no host, a sub-package: `dose` is the learnt module `dose`, not read as short `pump/dose`', ['dose', 'dose/other/pump'], 'dose', ''],
          ['short: a nested module root by its folder name, but a root package may share it: none', ['svc', 'api'], 'svc', undefined],
          ['short: a name no folder has', ['pump', 'alarm'], 'alarm', undefined],
          // An import path with a host: read as one alone (`pump` is not `pump/`).
          ['full: a file with a host in its import paths', ['example.com/m/pump', 'pump'], 'pump', undefined],
          ['full: the import path', ['example.com/m/pump', 'pump'], 'example.com/m/pump', 'pump'],
        ] as const)
          it(`${what}: ${want ?? 'none'}`, () => {
            const cases: JUnitCase[] = classnames.map((classname, i) => ({ classname, name: 'TestX', outcome: 'pass', file: 'r.xml', line: i + 1 }));
            const packages = new GoPackages(cases, goDirsOf(files));
            assert.equal(packages.dirOfCase(cases.find((c) => c.classname === classname)!), want);
          });

        it('relative: `.` is the root of the one module', () => {
          const cases: JUnitCase[] = [{ classname: '.', name: 'TestX', outcome: 'pass', file: 'r.xml', line: 1 }];
          assert.equal(new GoPackages(cases, goDirsOf(['go.mod', 'root_test.go', 'pump/dose_test.go'])).dirOfCase(cases[0]), '');
        });

        it('the naming is told per results file: a relative file beside a full one', () => {
          const cases: JUnitCase[] = [
            { classname: 'example.com/m/other/pump', name: 'TestX', outcome: 'pass', file: 'full.xml', line: 1 },
            { classname: '.', name: 'TestX', outcome: 'pass', file: 'rel.xml', line: 1 },
            { classname: 'pump', name: 'TestX', outcome: 'pass', file: 'rel.xml', line: 2 },
            { classname: 'pump', name: 'TestX', outcome: 'pass', file: 'full.xml', line: 2 },
          ];
          const packages = new GoPackages(cases, goDirsOf(files));
          assert.deepEqual(
            cases.map((c) => packages.dirOfCase(c)),
            ['other/pump', undefined, 'pump', undefined],
          );
        });

        it('short: the one folder named `dose` where no root package has tests', () => {
          const cases: JUnitCase[] = ['pump', 'dose'].map((classname, i) => ({ classname, name: 'TestX', outcome: 'pass', file: 'r.xml', line: i + 1 }));
          const noRootTests = files.filter((f) => f !== 'root_test.go' && f !== 'svc/svc_test.go');
          assert.equal(new GoPackages(cases, goDirsOf([...noRootTests, 'main.go'])).dirOfCase(cases[1]), 'pump/dose');
        });

        it('a failed short case fails the tagged file of its one folder; its pass backs it', () => {
          const files = ['go.mod', 'main.go', 'pump/dose_test.go', 'pump/dose/dose_test.go', 'other/pump/alarm_test.go'];
          for (const outcome of ['fail', 'pass'] as const) {
            const idx = new TestResultIndex({ version: 1, files: ['r.xml'], cases: [{ classname: 'dose', name: 'TestDose', outcome, file: 'r.xml', line: 1 }], problems: [] });
            const got = idx.byFile(
              'pump/dose/dose_test.go',
              () => ['TestDose'],
              () => goDirsOf(files),
            );
            assert.deepEqual(
              got.map((c) => c.outcome),
              [outcome],
            );
          }
        });
      });

      describe("go.mod's module line: gotestsum's short name of a module's root package", () => {
        // The shape of gotestsum's real output (Debian's gotestsum, `--junitfile-testcase-classname=short`) for a module
        // `example.com/acme/pump` whose root package has a passing and a failing test, beside `alarm/` and `internal/pump/`.
        const real = ['go.mod', 'pump.go', 'pump_test.go', 'alarm/alarm_test.go', 'internal/pump/inner_test.go'];
        const noInner = real.filter((f) => !f.startsWith('internal/'));
        const svc = ['go.mod', 'root_test.go', 'svc/go.mod', 'svc/svc_test.go', 'svc/api/api_test.go'];
        const PUMP = { '': 'example.com/acme/pump' };
        // [what, workspace files, module paths read from go.mod (folder -> path), classnames of the results file, classname asked about, folder]
        for (const [what, files, declared, classnames, classname, want] of [
          ['the root package by its module path`s last segment', noInner, PUMP, ['pump', 'alarm'], 'pump', ''],
          ['a sub-folder beside a root package of known name', noInner, PUMP, ['pump', 'alarm'], 'alarm', 'alarm'],
          // Two packages named `pump`: the root (`example.com/acme/pump`) and `internal/pump`.
          ['the root package and a sub-folder of that name: none', real, PUMP, ['pump', 'alarm'], 'pump', undefined],
          ['a sub-folder is unambiguous beside that pair', real, PUMP, ['pump', 'alarm'], 'alarm', 'alarm'],
          // go.mod not read (missing module line, broken, binary ...): the root's name is unknown, every name may be its.
          ['no module path read: the root package has tests, so no short name is any folder`s', noInner, {}, ['pump', 'alarm'], 'alarm', undefined],
          ['no module path read: the root package is no name`s', noInner, {}, ['pump', 'alarm'], 'pump', undefined],
          ['a folder name is not the root package`s name', noInner, { '': 'example.com/acme/dosing' }, ['pump', 'alarm'], 'pump', undefined],
          ['a module path of one segment', noInner, { '': 'pump' }, ['pump', 'alarm'], 'pump', ''],
          ['a major version suffix is the last segment', noInner, { '': 'example.com/acme/pump/v2' }, ['v2', 'alarm'], 'v2', ''],
          // A module path read for a folder with no go.mod listed is not taken.
          ['a path for a folder without a go.mod: not read', noInner, { '': 'example.com/acme/pump', alarm: 'example.com/x/alarm' }, ['pump', 'alarm'], 'alarm', 'alarm'],
          ['a nested module`s root by its module path', svc, { '': 'example.com/m', svc: 'github.com/acme/service' }, ['m', 'service', 'api'], 'service', 'svc'],
          ['a nested module`s root is not named by its folder', svc, { '': 'example.com/m', svc: 'github.com/acme/service' }, ['m', 'svc', 'api'], 'svc', undefined],
          ['a nested module`s sub-folder', svc, { '': 'example.com/m', svc: 'github.com/acme/service' }, ['m', 'service', 'api'], 'api', 'svc/api'],
          ['one module`s path not read: its root may be any name', svc, { '': 'example.com/m' }, ['m', 'service', 'api'], 'api', undefined],
          // The same module path in two go.mod files (a copy under testdata/): neither is taken.
          ['a module path two go.mod files declare: neither', svc, { '': 'example.com/m', svc: 'example.com/m' }, ['m', 'api'], 'm', undefined],
          ['the workspace root without a go.mod holds tests: its name is unknown', ['root_test.go', 'alarm/alarm_test.go'], {}, ['x', 'alarm'], 'alarm', undefined],
          // Full import paths: the declared module path is exact, learnt from no other package.
          ['full: the root package of a module with no other package', ['go.mod', 'root_test.go'], { '': 'example.com/m' }, ['example.com/m'], 'example.com/m', ''],
          ['full: a sub-folder by the declared path', noInner, PUMP, ['example.com/acme/pump/alarm'], 'example.com/acme/pump/alarm', 'alarm'],
          // Another module's `alarm` package is not this module's `alarm/` (its import path is `example.com/acme/pump/alarm`).
          ['full: an import path of another module is not a folder of one whose path is known', noInner, PUMP, ['example.com/other/alarm'], 'example.com/other/alarm', undefined],
          ['full: without the module path, the longest ending (as before)', noInner, {}, ['example.com/other/alarm'], 'example.com/other/alarm', 'alarm'],
        ] as const)
          it(`${what}: ${want ?? 'none'}`, () => {
            const cases: JUnitCase[] = classnames.map((classname, i) => ({ classname, name: 'TestX', outcome: 'pass', file: 'r.xml', line: i + 1 }));
            const packages = new GoPackages(cases, goDirsOf(files, declared));
            assert.equal(packages.dirOfCase(cases.find((c) => c.classname === classname)!), want);
          });

        it('two modules learnt with one path that both fit an import path: neither folder', () => {
          const cases: JUnitCase[] = [{ classname: 'example.com/m/pump', name: 'TestX', outcome: 'pass', file: 'r.xml', line: 1 }];
          const files = ['go.mod', 'pump/dose_test.go', 'b/go.mod', 'b/pump/dose_test.go'];
          assert.equal(new GoPackages(cases, goDirsOf(files)).dirOfCase(cases[0]), undefined);
          // Their go.mod files tell them apart.
          assert.equal(new GoPackages(cases, goDirsOf(files, { '': 'example.com/m', b: 'example.com/b' })).dirOfCase(cases[0]), 'pump');
        });

        it("the root package's failing and passing tests, as gotestsum writes them: the tagged file fails, each function has its own", () => {
          const cases: JUnitCase[] = [
            { classname: 'pump', name: 'TestDoseFails', outcome: 'fail', file: 'r.xml', line: 1 },
            { classname: 'pump', name: 'TestDosePasses', outcome: 'pass', file: 'r.xml', line: 2 },
            { classname: 'alarm', name: 'TestAlarm', outcome: 'pass', file: 'r.xml', line: 3 },
          ];
          const idx = new TestResultIndex({ version: 1, files: ['r.xml'], cases, problems: [], goModules: PUMP });
          const dirs = goDirsOf(noInner, PUMP);
          const outcomes = (got: JUnitCase[]) => got.map((c) => `${c.name} ${c.outcome}`);
          assert.deepEqual(
            outcomes(
              idx.byFile(
                'pump_test.go',
                () => ['TestDoseFails', 'TestDosePasses'],
                () => dirs,
              ),
            ),
            ['TestDoseFails fail', 'TestDosePasses pass'],
          );
          assert.deepEqual(outcomes(idx.bySymbol('TestDosePasses', 'pump_test.go', () => dirs)), ['TestDosePasses pass']);
          assert.deepEqual(outcomes(idx.bySymbol('TestAlarm', 'alarm/alarm_test.go', () => dirs)), ['TestAlarm pass']);
          // With `internal/pump/` beside it, `pump` names two packages: none of them (not run, never passed).
          const both = goDirsOf(real, PUMP);
          assert.deepEqual(
            idx.byFile(
              'pump_test.go',
              () => ['TestDosePasses', 'TestDoseFails'],
              () => both,
            ),
            [],
          );
          assert.deepEqual(
            idx.bySymbol('TestDosePasses', 'pump_test.go', () => both),
            [],
          );
          // Without the module path: as before, not run.
          assert.deepEqual(
            idx.bySymbol('TestDosePasses', 'pump_test.go', () => goDirsOf(noInner)),
            [],
          );
        });
      });

      describe("go.mod's module path as Go reads it; any other go.mod gives none (the matching does as without it)", () => {
        const big = `module example.com/m\n${'// padding\n'.repeat(MAX_GO_MOD_BYTES / 11 + 1)}`;
        // [what, the go.mod's text (or bytes), the module path]
        for (const [what, text, want] of [
          ['plain', 'module example.com/m\n\ngo 1.19\n', 'example.com/m'],
          ['quoted, a comment after it', '// The pump.\nmodule "example.com/acme/pump" // root package pump\n', 'example.com/acme/pump'],
          ['a comment right after the path', 'module example.com/m// c\n', 'example.com/m'],
          ['CRLF line ends', 'module example.com/m\r\n\r\ngo 1.19\r\n', 'example.com/m'],
          ['a tab', 'module\texample.com/m', 'example.com/m'],
          ['a require block holding a line `module`', 'module example.com/m\nrequire (\n\tmodule v1.0.0\n)\n', 'example.com/m'],
          ['no module line', 'go 1.19\n', undefined],
          ['an empty file', '', undefined],
          ['a commented-out module line', '// module example.com/m\n', undefined],
          ['two module lines', 'module example.com/m\nmodule example.com/n\n', undefined],
          ['more than a path', 'module example.com/m extra\n', undefined],
          ['no path', 'module\n', undefined],
          ['an empty quoted path', 'module ""\n', undefined],
          ['an escape in a quoted path', 'module "example.com/\\x41"\n', undefined],
          ['a backquoted path', 'module `example.com/m`\n', undefined],
          ['an unclosed quote', 'module "example.com/m\n', undefined],
          ['the block form', 'module (\n\texample.com/m\n)\n', undefined],
          ['a /* comment */', '/* c */ module example.com/m\n', undefined],
          ['a byte order mark', '\uFEFFmodule example.com/m\n', undefined],
          ['a `..` segment', 'module example.com/../m\n', undefined],
          ['a trailing slash', 'module example.com/m/\n', undefined],
          ['binary: a NUL', 'module example.com/m\n\0\0\0', undefined],
          ['binary: not UTF-8', new Uint8Array([0x6d, 0x6f, 0x64, 0x75, 0x6c, 0x65, 0x20, 0x61, 0xff, 0xfe, 0x0a]), undefined],
          ['over the size limit, even with the module line first', big, undefined],
        ] as const)
          it(`${what}: ${want ?? 'none'}`, () => assert.equal(goModulePath(typeof text === 'string' ? new TextEncoder().encode(text) : text), want));
      });

      describe('go.mod files read with the results: one that cannot be read is left out, never thrown', () => {
        let root: string;
        let outside: string;
        before(() => {
          root = mkdtempSync(join(tmpdir(), 'spdf-gomod-'));
          const put = (file: string, text: string | Uint8Array) => (mkdirSync(dirname(join(root, file)), { recursive: true }), writeFileSync(join(root, file), text));
          put('go.mod', 'module "example.com/acme/pump" // c\r\n');
          put('svc/go.mod', 'module github.com/acme/service\n');
          put('huge/go.mod', `module example.com/huge\n${'x'.repeat(MAX_GO_MOD_BYTES)}\n`);
          put('bin/go.mod', new Uint8Array([0, 1, 2, 255, 0x6d]));
          mkdirSync(join(root, 'dir/go.mod'), { recursive: true });
          mkdirSync(join(root, 'fifo'));
          execFileSync('mkfifo', [join(root, 'fifo/go.mod')]);
          put('junit.xml', '<testsuite><testcase classname="pump" name="TestX"/></testsuite>\n');
          // A go.mod behind a symbolic link out of the root (the editor's watcher may name one the walk leaves out).
          outside = mkdtempSync(join(tmpdir(), 'spdf-gomod-outside-'));
          writeFileSync(join(outside, 'go.mod'), 'module example.com/outside\n');
          mkdirSync(join(root, 'linked'));
          symlinkSync(join(outside, 'go.mod'), join(root, 'linked/go.mod'));
        });
        after(() => [root, outside].forEach((d) => rmSync(d, { recursive: true, force: true })));
        const listed = ['go.mod', 'svc/go.mod', 'huge/go.mod', 'bin/go.mod', 'dir/go.mod', 'fifo/go.mod', 'gone/go.mod', 'linked/go.mod', 'notgo.mod', 'junit.xml'];
        const want = { '': 'example.com/acme/pump', svc: 'github.com/acme/service' };

        it('on disk: a directory, a FIFO, a file gone, binary, huge or behind a link out of the root: none', async () => assert.deepEqual(await readGoModules(listed, goModsOnDisk(root)), want));

        it('a read that throws (no permission) is none', async () =>
          assert.deepEqual(await readGoModules(['go.mod', 'svc/go.mod'], (f) => (f === 'go.mod' ? Promise.reject(new Error('EACCES')) : goModsOnDisk(root)(f))), { svc: 'github.com/acme/service' }));

        it('through a host that tells sizes (a commit): one over the limit is never read', async () => {
          const host = new MemoryHost(
            new Map<string, string>([
              ['go.mod', 'module example.com/m\n'],
              ['big/go.mod', `module example.com/big\n${'x'.repeat(MAX_GO_MOD_BYTES)}`],
            ]),
            new Set(),
          );
          assert.deepEqual(await readGoModules(['go.mod', 'big/go.mod', 'missing/go.mod'], goModsOfHost(host)), { '': 'example.com/m' });
        });

        it('readTestResults adds them for the listed files, and only when results are configured', async () => {
          const results = await readTestResults(root, ['junit.xml'], {}, listed);
          assert.deepEqual(results.goModules, want);
          assert.deepEqual(
            results.cases.map((c) => c.classname),
            ['pump'],
          );
          assert.equal((await readTestResults(root, ['junit.xml'])).goModules, undefined);
          assert.equal((await readTestResults(root, [], {}, listed)).goModules, undefined);
        });
      });

      it('a classname of 200,000 path segments stays linear', () => {
        const deep = Array.from({ length: 200_000 }, () => 'p').join('/');
        const big = new TestResultIndex({ version: 1, files: ['r.xml'], cases: [{ classname: deep, name: 'TestDose', outcome: 'fail', file: 'r.xml', line: 1 }], problems: [] });
        // go.mod files: the classname is also read as a path inside each module (no `.` or host tells the naming).
        const dirs = goDirsOf([`${Array.from({ length: 50 }, () => 'p').join('/')}/x.go`, ...Array.from({ length: 2000 }, (_, i) => `m${i}/go.mod`)]);
        assert.deepEqual(
          names(
            big.byFile(
              `${Array.from({ length: 50 }, () => 'p').join('/')}/dose_test.go`,
              () => ['TestDose'],
              () => dirs,
            ),
          ),
          ['TestDose'],
        );
      });
    });
  });
});
