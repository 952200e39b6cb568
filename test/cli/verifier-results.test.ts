// @spdf verifies SPDF-FC-TAGGED-TEST-RESULTS, SPDF-FC-RESULTS
/**
 * Which JUnit cases a tagged test gets, end to end through `spdf trace` and `spdf check`. A test file tagged as a whole
 * (a `verifies` tag in its leading comment) counted as passing whatever the results said: its failed cases left the
 * gate green. It now gets the cases of its file (a `file` attribute, a path classname, a module classname), and
 * none once results were read means it never ran. JavaScript/TypeScript tests, named by their titles, match the
 * titles reporters write (joined with a space, ` > ` or jest's ` › `). A Go file at a module's root (the workspace root,
 * or a folder with its own go.mod) never ran whatever the results said: its package is the module path, which is now
 * learnt from the import paths of the module's other packages. A test skipped in every run (`it.todo`) whose case
 * jest-junit writes without <skipped/> passed. Go packages named by gotestsum's `relative` and `short` classnames never
 * ran; with `short`, no package of a module whose root package has tests did (its name, the module path's last
 * segment, is now read from go.mod, as is the module path of a full import path). A test whose suite's Mocha hook failed (mocha-junit-reporter, Mocha's xunit) or whose suite's Vitest `beforeAll`
 * failed was not-run, not failed.
 */
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';

const CONFIG = `version: 1
rules: { RQ003: off }
evidence: { requirement: { implementation: false, verification: true } }
code: { include: ["{tests,test}/**"], test_globs: ["{tests,test}/**"] }
`;
/** Go packages outside tests/: the root package, a nested module. */
const GO_CONFIG = CONFIG.replace('["{tests,test}/**"], test_globs: ["{tests,test}/**"]', '["**/*.go"], test_globs: ["**/*_test.go"]');
const MODEL = `requirements:
  - id: REQ-001
    title: Reject unsigned therapy commands
    verification: [test]
    status: approved
`;
const PY = '# @spdf verifies REQ-001\n"""Dose tests."""\n\n\ndef test_rejects_unsigned():\n    assert True\n';
const TS = "describe('pump', () => {\n  // @spdf verifies REQ-001\n  it('keeps the bolus under the limit', () => {});\n});\n";
const junit = (...cases: string[]) => `<?xml version="1.0"?>\n<testsuite name="s">\n${cases.map((c) => `  ${c}`).join('\n')}\n</testsuite>\n`;
const FAILED = '<failure message="no"/>';

interface Case {
  name: string;
  source: Record<string, string>;
  /** The results file, or none when the workspace names no results. */
  results?: string;
  /** The verifier's outcome as `spdf trace` shows it, and the requirement's status. */
  outcome: string;
  status: string;
}

const GTEST = '// @spdf verifies REQ-001\n#include <gtest/gtest.h>\n\nTEST(DoseTest, RejectsUnsigned) {\n  EXPECT_TRUE(true);\n}\n';
/** GoogleTest's XML: the case names its source by an absolute `file` attribute, its class is the suite name. */
const gtestCase = (children: string) =>
  `<testcase name="RejectsUnsigned" file="/home/ci/build/pump/tests/dose_test.cc" line="4" status="run" result="completed" classname="DoseTest">${children}</testcase>`;

const GO = '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestDose(t *testing.T) {\n\tt.Run("limits", func(t *testing.T) {})\n}\n';
/** go-junit-report and gotestsum: the classname is the package's import path, the name the function (and subtest). */
const goCase = (pkg: string, name: string, children = '') => `<testcase classname="${pkg}" name="${name}">${children}</testcase>`;

const GO_MOD = 'module example.com/m\n\ngo 1.21\n';
/** A go.mod whose module line is not read (quoted with an escape): its module path is not known. */
const GO_MOD_UNREAD = 'module "example.com/\\x6d"\n\ngo 1.21\n';
const GO_LIMITS = 'package limits\n\nimport "testing"\n\nfunc TestKeeps(t *testing.T) {}\n';
const GO_FUNCTION = 'package m\n\nimport "testing"\n\n// @spdf verifies REQ-001\nfunc TestDose(t *testing.T) {}\n';
const GO_ROOT = 'package m\n\nimport "testing"\n\nfunc TestRoot(t *testing.T) {}\n';
/** mocha-junit-reporter's case for a failed hook: the suite's full title, then the hook's title (its classname). */
const mochaHook = (suite: string, hook: string, test: string, hookTitle?: string) => {
  const title = `&quot;${hook}&quot; hook${hookTitle ? `: ${hookTitle}` : ''} for &quot;${test}&quot;`;
  return `<testcase name="${suite ? `${suite} ` : ''}${title}" classname="${title}">${FAILED}</testcase>`;
};
/** Three levels of titles: jest-junit's `classNameTemplate: "{classname}"` with an `ancestorSeparator` joins the suites. */
const TS3 = "describe('pump', () => {\n  describe('limits', () => {\n    // @spdf verifies REQ-001\n    it('keeps', () => {});\n  });\n});\n";
const TODO = "describe('pump', () => {\n  // @spdf verifies REQ-001\n  it.todo('keeps the bolus under the limit');\n});\n";

const CASES: Case[] = [
  {
    name: 'a Go test file at the workspace root (go.mod) tagged as a whole, its function failed; a sub-package tells the module path',
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose', FAILED), goCase('example.com/m/limits', 'TestKeeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a Go test file at the workspace root tagged as a whole, its function passed',
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose'), goCase('example.com/m', 'TestDose/limits'), goCase('example.com/m/limits', 'TestKeeps')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a Go test function tagged at the workspace root, its case passed',
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO_FUNCTION, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose'), goCase('example.com/m/limits', 'TestKeeps')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a Go test file at the workspace root, no other package of the module in the results: go.mod tells the module path',
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a Go test file at the workspace root, no other package of the module in the results, a go.mod with no module line read (the module path is not known)',
    source: { 'go.mod': GO_MOD_UNREAD, 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a Go test file at the workspace root, the results name two module paths for its sub-packages, a go.mod with no module line read',
    source: { 'go.mod': GO_MOD_UNREAD, 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS, 'alarm/alarm_test.go': GO_LIMITS.replace('limits', 'alarm') },
    results: junit(goCase('example.com/m', 'TestDose'), goCase('example.com/m/limits', 'TestKeeps'), goCase('example.com/other/alarm', 'TestKeeps')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: "a Go test file at the module's root, gotestsum's short classname (go.mod's module path's last segment), failed",
    source: { 'go.mod': 'module "example.com/acme/pump" // c\r\n', 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('pump', 'TestDose', FAILED), goCase('limits', 'TestKeeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "a Go test file at the module's root, gotestsum's short classname, passed",
    source: { 'go.mod': 'module example.com/acme/pump\n', 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('pump', 'TestDose'), goCase('limits', 'TestKeeps')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: "a Go test file at the module's root, gotestsum's short classname shared with a sub-folder `pump/`: neither",
    source: { 'go.mod': 'module example.com/acme/pump\n', 'dose_test.go': GO, 'pump/limits_test.go': GO_LIMITS },
    results: junit(goCase('pump', 'TestDose'), goCase('pump', 'TestKeeps')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: "a Go test file at the module's root, gotestsum's short classname, a broken module line (two paths)",
    source: { 'go.mod': 'module example.com/acme/pump example.com/x\n', 'dose_test.go': GO, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('pump', 'TestDose'), goCase('limits', 'TestKeeps')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a Go test file in a sub-package of a nested go.mod whose module path does not end with its folder, failed',
    source: {
      'go.mod': GO_MOD,
      'svc/go.mod': 'module github.com/acme/service\n',
      'svc/api/api_test.go': GO.replace('package pump', 'package api'),
      'svc/svc_test.go': GO_LIMITS.replace('package limits', 'package service'),
    },
    results: junit(goCase('github.com/acme/service/api', 'TestDose', FAILED), goCase('github.com/acme/service', 'TestKeeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a Go test file at the root of a nested go.mod, its function passed',
    source: { 'go.mod': GO_MOD, 'svc/go.mod': 'module github.com/acme/service\n', 'svc/svc_test.go': GO.replace('package pump', 'package service'), 'svc/api/api_test.go': GO_LIMITS },
    results: junit(goCase('github.com/acme/service', 'TestDose'), goCase('github.com/acme/service/api', 'TestKeeps')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: "a Go test file whose package did not build (go-junit-report's [build failed] case)",
    source: { 'tests/pump/dose_test.go': GO },
    results: junit(goCase('example.com/m/tests/pump', '[build failed]', '<error message="Build error"/>')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "a Go test function that passed, its package's test binary then panicked (go-junit-report's Failure case)",
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO_FUNCTION, 'limits/limits_test.go': GO_LIMITS },
    results: junit(goCase('example.com/m', 'TestDose'), goCase('example.com/m', 'Failure', '<error message="Runtime error"/>'), goCase('example.com/m/limits', 'TestKeeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a Go test file whose package passed, another package did not build',
    source: { 'tests/pump/dose_test.go': GO, 'tests/alarm/alarm_test.go': GO_LIMITS.replace('limits', 'alarm') },
    results: junit(goCase('example.com/m/tests/pump', 'TestDose'), goCase('example.com/m/tests/alarm', '[build failed]', '<error message="Build error"/>')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: "another file's failed subtest is no failure of the package: a Go test file of the same package passed",
    source: {
      'tests/pump/dose_test.go': GO.replace('// @spdf verifies REQ-001\n', ''),
      'tests/pump/other_test.go': `// @spdf verifies REQ-001\n${GO_LIMITS.replace('package limits', 'package pump')}`,
    },
    results: junit(goCase('example.com/m/tests/pump', 'TestKeeps'), goCase('example.com/m/tests/pump', 'TestDose/limits', FAILED), goCase('example.com/m/tests/pump', 'TestDose', FAILED)),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a TS test, jest-junit with classNameTemplate "{classname}" and ancestorSeparator " › ", passed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="pump › limits" name="keeps"/>'),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a TS test, jest-junit with ancestorSeparator " › ", failed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(`<testcase classname="pump › limits keeps" name="pump › limits keeps">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a TS it.todo, written by jest-junit as a case without <skipped/>',
    source: { 'test/pump.test.ts': TODO },
    results: junit('<testcase classname="pump keeps the bolus under the limit" name="pump keeps the bolus under the limit"/>'),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a Go test file tagged as a whole, its function failed in its package',
    source: { 'tests/pump/dose_test.go': GO },
    results: junit(goCase('example.com/m/tests/pump', 'TestDose', FAILED)),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a Go test file tagged as a whole, its function and subtest passed',
    source: { 'tests/pump/dose_test.go': GO },
    results: junit(goCase('example.com/m/tests/pump', 'TestDose'), goCase('example.com/m/tests/pump', 'TestDose/limits')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a Go test file tagged as a whole, only a same-named function of another package whose folder ends alike ran',
    source: { 'tests/pump/dose_test.go': GO, 'tests/other/pump/dose_test.go': GO.replace('// @spdf verifies REQ-001\n', '') },
    results: junit(goCase('example.com/m/tests/other/pump', 'TestDose')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a Go test file tagged as a whole, only another function of its package ran',
    source: { 'tests/pump/dose_test.go': GO },
    results: junit(goCase('example.com/m/tests/pump', 'TestAlarm')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  { name: 'a GoogleTest file tagged as a whole, its case (absolute file attribute) passed', source: { 'tests/dose_test.cc': GTEST }, results: junit(gtestCase('')), outcome: 'pass', status: 'OK' },
  { name: 'a GoogleTest file tagged as a whole, its case failed', source: { 'tests/dose_test.cc': GTEST }, results: junit(gtestCase(FAILED)), outcome: 'fail', status: 'ERROR' },
  { name: 'a tagged test file, no results configured', source: { 'tests/test_dose.py': PY }, outcome: 'none', status: 'OK' },
  {
    name: 'a tagged test file, its case (file attribute) passed',
    source: { 'tests/test_dose.py': PY },
    results: junit('<testcase classname="tests.test_dose" name="test_rejects_unsigned" file="tests/test_dose.py"/>'),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'a tagged test file, its case (file attribute) failed',
    source: { 'tests/test_dose.py': PY },
    results: junit('<testcase classname="x" name="test_rejects_unsigned" file="./tests/test_dose.py"/>', `<testcase classname="x" name="b" file="tests/test_dose.py">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a tagged test file, its case (module classname with a class) failed',
    source: { 'tests/test_dose.py': PY },
    results: junit(`<testcase classname="tests.test_dose.TestDose" name="test_x">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a tagged test file, run from a parent folder (longer path in the file attribute)',
    source: { 'tests/test_dose.py': PY },
    results: junit(`<testcase classname="c" name="n" file="firmware/tests/test_dose.py">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a tagged test file the results do not name',
    source: { 'tests/test_dose.py': PY },
    results: junit(`<testcase classname="tests.test_alarm" name="test_x" file="tests/test_alarm.py">${FAILED}</testcase>`, '<testcase classname="test_dose" name="bare class"/>'),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  // gotestsum --junitfile-testcase-classname=relative: the package's folder inside the module, `.` for the module's root.
  {
    name: 'gotestsum relative: a Go test file tagged as a whole, its function failed',
    source: { 'go.mod': GO_MOD, 'root_test.go': GO_ROOT, 'pump/dose_test.go': GO, 'other/pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('.', 'TestRoot'), goCase('other/pump', 'TestKeeps'), goCase('pump', 'TestDose', FAILED), goCase('pump', 'TestDose/limits')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'gotestsum relative: a Go test file tagged as a whole, its function and subtest passed',
    source: { 'go.mod': GO_MOD, 'root_test.go': GO_ROOT, 'pump/dose_test.go': GO, 'other/pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('.', 'TestRoot'), goCase('other/pump', 'TestKeeps'), goCase('pump', 'TestDose'), goCase('pump', 'TestDose/limits')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'gotestsum relative: a Go test function at the module root (`.`) failed',
    source: { 'go.mod': GO_MOD, 'dose_test.go': GO_FUNCTION, 'pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('.', 'TestDose', FAILED), goCase('pump', 'TestKeeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'gotestsum relative, no root package (no `.` case): a `/` in `other/pump` tells it is not short, so `pump` is `pump/`',
    source: { 'go.mod': GO_MOD, 'pump/dose_test.go': GO, 'other/pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('other/pump', 'TestKeeps'), goCase('pump', 'TestDose')),
    outcome: 'pass',
    status: 'OK',
  },
  // gotestsum --junitfile-testcase-classname=short: the package's last segment.
  {
    name: 'gotestsum short: a Go test file tagged as a whole in the one folder of that name, its function failed',
    source: { 'go.mod': GO_MOD, 'pump/dose/dose_test.go': GO.replace('package pump', 'package dose'), 'pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('pump', 'TestKeeps'), goCase('dose', 'TestDose', FAILED)),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'gotestsum short: a Go test file tagged as a whole in the one folder of that name, its function passed',
    source: { 'go.mod': GO_MOD, 'pump/dose/dose_test.go': GO.replace('package pump', 'package dose'), 'pump/alarm_test.go': GO_LIMITS.replace('limits', 'pump') },
    results: junit(goCase('pump', 'TestKeeps'), goCase('dose', 'TestDose')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'gotestsum short: two folders named `pump` hold Go files, so the case is neither',
    source: { 'go.mod': GO_MOD, 'pump/dose_test.go': GO, 'other/pump/dose_test.go': GO.replace('// @spdf verifies REQ-001\n', '') },
    results: junit(goCase('pump', 'TestDose')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  // A failed Mocha hook: the tests of its suite and of the suites inside it did not pass.
  {
    name: 'mocha-junit-reporter: the "before all" hook of the test\'s suite failed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(mochaHook('pump limits', 'before all', 'keeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'mocha-junit-reporter: a titled "before all" hook of the test\'s suite failed (`"before all" hook: connect db for "keeps"`)',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(mochaHook('pump limits', 'before all', 'keeps', 'connect db')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'mocha-junit-reporter: the "before each" hook of an enclosing suite failed (the test is in a nested describe)',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(mochaHook('pump', 'before each', 'other')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'mocha-junit-reporter: the test passed, then its suite\'s "after all" hook failed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase name="pump limits keeps" classname="keeps"/>', mochaHook('pump limits', 'after all', 'keeps')),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'mocha-junit-reporter: the test passed, a hook of a sibling suite failed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase name="pump limits keeps" classname="keeps"/>', mochaHook('pump alarm', 'before all', 'rings')),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'mocha-junit-reporter: a hook of the root suite failed (no suite told): not run',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(mochaHook('', 'before all', 'keeps')),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'Mocha\'s xunit: the "before all" hook of the test\'s suite failed (suite as classname, file attribute)',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(`<testcase classname="pump limits" name="&quot;before all&quot; hook for &quot;keeps&quot;" file="test/pump.test.ts">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "Vitest 4: the beforeAll of the test's nested describe failed (a failed case named by that describe's own title, the test skipped)",
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="test/pump.test.ts" name="pump &gt; limits &gt; keeps"><skipped/></testcase>', `<testcase classname="test/pump.test.ts" name="limits">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "Mocha's xunit: a failed test titled like the test's top suite, in another suite of the file: not the test's",
    source: { 'test/pump.test.ts': TS3 },
    results: junit(`<testcase classname="alarm" name="pump" file="test/pump.test.ts">${FAILED}</testcase>`, '<testcase classname="pump limits" name="keeps" file="test/pump.test.ts"/>'),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: "Vitest 4: the beforeAll of the test's top describe failed",
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="test/pump.test.ts" name="pump &gt; limits &gt; keeps"><skipped/></testcase>', `<testcase classname="test/pump.test.ts" name="pump">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "Vitest 4: a sibling describe's beforeAll failed, the test passed",
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="test/pump.test.ts" name="pump &gt; limits &gt; keeps"/>', `<testcase classname="test/pump.test.ts" name="alarm">${FAILED}</testcase>`),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'Vitest 4: the test file failed to load (a failed case named by its path)',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(`<testcase classname="test/pump.test.ts" name="test/pump.test.ts">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: "Vitest: a failed case named like the test's suite, in another file: not the test's",
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="test/pump.test.ts" name="pump &gt; limits &gt; keeps"/>', `<testcase classname="test/other.test.ts" name="limits">${FAILED}</testcase>`),
    outcome: 'pass',
    status: 'OK',
  },
  // jest-junit writes the tests of a failed beforeAll/beforeEach as failed themselves; a failed afterAll, or a file that
  // failed to load, is a case of the whole file.
  {
    name: "jest-junit addFileAttribute: the test passed, then an afterAll of its file failed (the suite is not told: the file's)",
    source: { 'test/pump.test.ts': TS3 },
    results: junit(
      '<testcase classname="pump limits keeps" name="pump limits keeps" file="test/pump.test.ts"/>',
      `<testcase classname=" Test execution failure: could be caused by test hooks like &apos;afterAll&apos;." name=" Test execution failure: could be caused by test hooks like &apos;afterAll&apos;." file="test/pump.test.ts">${FAILED}</testcase>`,
    ),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'jest-junit classNameTemplate "{filepath}": an afterAll of another file failed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(
      '<testcase classname="test/pump.test.ts" name="pump limits keeps"/>',
      `<testcase classname="test/other.test.ts" name=" Test execution failure: could be caused by test hooks like &apos;afterAll&apos;.">${FAILED}</testcase>`,
    ),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'jest-junit without the file: an afterAll failed somewhere, the test passed',
    source: { 'test/pump.test.ts': TS3 },
    results: junit(
      '<testcase classname="pump limits keeps" name="pump limits keeps"/>',
      `<testcase classname=" Test execution failure: could be caused by test hooks like &apos;afterAll&apos;." name=" Test execution failure: could be caused by test hooks like &apos;afterAll&apos;.">${FAILED}</testcase>`,
    ),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: 'jest-junit reportTestSuiteErrors: the test file failed to run',
    source: { 'test/pump.test.ts': TS3 },
    results: junit('<testcase classname="Test suite failed to run" name="test/pump.test.ts"><error message="load boom"/></testcase>'),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a tagged test file whose cases were all skipped',
    source: { 'tests/test_dose.py': PY },
    results: junit('<testcase classname="tests.test_dose" name="t"><skipped/></testcase>'),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a TS test, Vitest (path classname, titles joined with " > ") failed',
    source: { 'test/pump.test.ts': TS },
    results: junit(`<testcase classname="test/pump.test.ts" name="pump &gt; keeps the bolus under the limit">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a TS test, jest-junit (titles joined with a space) passed',
    source: { 'test/pump.test.ts': TS },
    results: junit('<testcase classname="pump keeps the bolus under the limit" name="pump keeps the bolus under the limit"/>'),
    outcome: 'pass',
    status: 'OK',
  },
  {
    name: "a TS test, Mocha's xunit (suite as classname, file attribute) failed",
    source: { 'test/pump.test.ts': TS },
    results: junit(`<testcase classname="pump" name="keeps the bolus under the limit" file="test/pump.test.ts">${FAILED}</testcase>`),
    outcome: 'fail',
    status: 'ERROR',
  },
  {
    name: 'a TS test, the same titles from another file only',
    source: { 'test/pump.test.ts': TS },
    results: junit(`<testcase classname="pump" name="keeps the bolus under the limit" file="test/other.test.ts">${FAILED}</testcase>`),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
  {
    name: 'a TS test, only its own title matches (no suite, no file)',
    source: { 'test/pump.test.ts': TS },
    results: junit('<testcase classname="" name="keeps the bolus under the limit"/>'),
    outcome: 'not-run',
    status: 'PARTIAL',
  },
];

describe('JUnit results of tagged tests: test files tagged as a whole, JS/TS tests by their titles', function () {
  this.timeout(60000);

  for (const c of CASES)
    it(`${c.name}: ${c.outcome}, REQ-001 ${c.status}`, async () => {
      const files = {
        'spdf.config.yaml': `${Object.keys(c.source).includes('go.mod') ? GO_CONFIG : CONFIG}${c.results ? "test_results: ['reports/*.xml']\n" : ''}`,
        'model.spdf.yaml': MODEL,
        ...c.source,
        ...(c.results ? { 'reports/junit.xml': c.results } : {}),
      };
      await withTempWorkspace(files, async (root) => {
        const trace = await runCli(['trace', root, '--format', 'json', '--no-cache']);
        const row = (
          JSON.parse(trace.stdout) as { views: { requirements: { rows: { id: string; status: string; cells: { verification: { text: string; status?: string }[] } }[] } } }
        ).views.requirements.rows.find((r) => r.id === 'REQ-001');
        assert.equal(row?.status, c.status, trace.stdout + trace.stderr);
        assert.deepEqual(
          row?.cells.verification.map((v) => v.status ?? ''),
          [c.outcome],
        );
        const check = await runCli(['check', root, '--no-cache', '--fail-on-status', 'ERROR,PARTIAL']);
        assert.equal(check.code, c.status === 'OK' ? 0 : 1, check.stdout + check.stderr);
      });
    });
});
