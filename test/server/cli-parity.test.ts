// @spdf verifies SPDF-LSP-PARITY
/**
 * No false green in the editor: for each small workspace with one broken input, `spdf check --format json` fails and
 * the language server on the same folder shows every blocking offender as an error diagnostic (on the same file at the
 * same line:col where the CLI has a place, with the same message where it has none), and its status does not pass.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { GateReport } from '../../src/core/matrix/gate';
import type { Matrix } from '../../src/core/matrix/model';
import { statusView } from '../../src/extension/status-view';
import type { StatusSummary, TreeDataResult, ZoneDiagramResult } from '../../src/protocol';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, type Harness } from './harness';
import { BASE, CONFIG } from './parity-workspace';

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

interface ParityCase {
  name: string;
  files?: Record<string, string>;
  /** Writes what a string cannot say (bytes, links) into the workspace folder. */
  prepare?: (root: string) => void;
  /** Why the editor shows the problem elsewhere: then an error whose message names the CLI's file is enough. */
  elsewhere?: string;
  /** Text that both the CLI's offender and the editor's error must say (the file a message names). */
  says?: string;
  /** `file:line:col` where the editor shows the error that `says` (the CLI words the place into its message). */
  at?: string;
  /** The check fails on an item's status, which the editor counts (and colours the status by) instead of an error. */
  itemInError?: true;
}

/** One broken input each (the session-8 fail-closed audit's cases and the walk's notes). */
const CASES: ParityCase[] = [
  { name: 'an empty review lock', files: { 'spdf.lock.json': '' } },
  { name: 'a review lock that is not JSON', files: { 'spdf.lock.json': '{ "version": 1, ' } },
  { name: 'a review lock entry that is malformed', files: { 'spdf.lock.json': '{ "version": 1, "links": [42] }\n' } },
  {
    name: 'a review lock with a name written twice in one object',
    files: { 'spdf.lock.json': '{ "version": 1, "links": [],\n  "links": [] }\n' },
    says: 'spdf.lock.json:2:3: the name "links" is written twice in one object',
    at: 'spdf.lock.json:2:3',
  },
  {
    name: 'a review lock that reviews one link twice',
    files: {
      'spdf.lock.json': `{ "version": 1, "links": [\n  ${[1, 2].map((n) => JSON.stringify({ id: 'REQ-001', relation: 'implements', file: 'src/a.c', symbol: 'f', codeHash: `${n}`.repeat(16), targetHash: '0'.repeat(16), reviewer: 'r', date: '2026-01-01' })).join(',\n  ')}\n] }\n`,
    },
    says: 'spdf.lock.json:3:3: entry 2 reviews the same link as entry 1',
    at: 'spdf.lock.json:3:3',
  },
  { name: 'check.min_coverage: .nan', files: { 'spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: .nan\n' } },
  { name: 'lock_file naming a missing file', files: { 'spdf.config.yaml': `${CONFIG}lock_file: reviews/spdf.lock.json\n` } },
  {
    name: 'a lock_file lock that is not JSON',
    files: { 'spdf.config.yaml': `${CONFIG}lock_file: reviews/review.lock.json\n`, 'reviews/review.lock.json': '{ "version": 1, ' },
    says: 'reviews/review.lock.json is not valid JSON',
  },
  { name: 'lock_file naming the default lock, which is missing', files: { 'spdf.config.yaml': `${CONFIG}lock_file: spdf.lock.json\n` } },
  { name: 'a tag marker in another case (CL011)', files: { 'src/b.c': '// @SPDF implements REQ-001\nint g(void) { return 1; }\n' } },
  { name: 'tag_syntaxes: [] (no tag can be read)', files: { 'spdf.config.yaml': `${CONFIG}code:\n  tag_syntaxes: []\n` } },
  { name: 'a rules setting naming no rule', files: { 'spdf.config.yaml': `${CONFIG}rules:\n  XX999: off\n` } },
  {
    name: 'a JUnit element the reader does not understand',
    files: { 'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`, 'reports/junit.xml': '<testsuite><testcase name="TC-001"><Failure/></testcase></testsuite>\n' },
  },
  { name: 'a model file that does not load', files: { 'model/broken.spdf.yaml': 'requirements:\n  - id: REQ-002\n    title: [unclosed\n' } },
  { name: 'a UTF-16 model file', prepare: (root) => writeFileSync(join(root, 'model/wide.spdf.yaml'), utf16('requirements: []\n')) },
  { name: 'code.languages naming an unknown language', files: { 'spdf.config.yaml': `${CONFIG}code:\n  languages:\n    .foo: cobolx\n` } },
  { name: 'a model file name near miss (TM013)', files: { 'model/extra.spdf.yml': 'requirements: []\n' } },
  { name: 'a model file name with a suffix after .spdf.yaml (TM013)', files: { 'model/extra.spdf.yaml.txt': 'requirements: []\n' } },
  { name: 'a config file name near miss beside the config (TM013)', files: { 'spdf.config.yml': 'rules: {RQ003: off}\n' } },
  { name: "a sub-project's config beside a model file the root reads (TM014)", files: { 'pump/spdf.config.yaml': 'check:\n  min_coverage: 100\n', 'pump/req.spdf.yaml': 'requirements: []\n' } },
  { name: "a sub-project's config beside a source file the root indexes (TM014)", files: { 'src/pump/spdf.config.yaml': 'rules: {CL002: error}\n', 'src/pump/b.c': 'int g(void) { return 1; }\n' } },
  {
    name: "a sub-project's config above git-ignored test results the root reads (TM014)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['pump/reports/*.xml']\n`,
      '.gitignore': 'reports/\n',
      'pump/spdf.config.yaml': 'check:\n  min_coverage: 100\n',
      'pump/reports/junit.xml': '<testsuite><testcase name="TC-001"/></testsuite>\n',
    },
  },
  { name: 'a tag next to a syntax error (CL009)', files: { 'src/pump.py': 'class Pump:\n    # @spdf implements REQ-001\n    def stop(self, x:\n        pass\n' } },
  { name: 'a tag in code no build compiles (CL013)', files: { 'src/old.c': '#if 0\n// @spdf implements REQ-001\nint old(void) { return 0; }\n#endif\n' } },
  { name: 'a verifies tag on a skipped test (CL014)', files: { 'tests/pump.test.ts': "describe('pump', () => {\n  // @spdf verifies REQ-001\n  it.skip('stops', () => {});\n});\n" } },
  { name: 'a tag naming an unknown ID', files: { 'src/b.c': '// @spdf implements REQ-999\nint g(void) { return 1; }\n' } },
  { name: 'a UTF-16 source file', prepare: (root) => writeFileSync(join(root, 'src/wide.c'), utf16('// @spdf implements REQ-001\nint w(void);\n')) },
  { name: 'a config syntax error', files: { 'spdf.config.yaml': `${CONFIG}exclude: [unclosed\n` } },
  { name: 'an unknown config key', files: { 'spdf.config.yaml': `${CONFIG}exclued: ['x/**']\n` } },
  { name: 'an include glob matching nothing', files: { 'spdf.config.yaml': `${CONFIG}include: ['model/**/*.spdf.yaml', 'nothing/**/*.spdf.yaml']\n` } },
  { name: 'an invalid bare-ID pattern', files: { 'spdf.config.yaml': `${CONFIG}code:\n  tag_syntaxes: [spdf, bare]\n  bare_id_patterns: ['REQ-(']\n` } },
  { name: 'a JUnit file that is not XML', files: { 'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`, 'reports/junit.xml': '<testsuite><testcase' } },
  { name: 'a tag with a misspelt relation', files: { 'src/b.c': '// @spdf implemnts REQ-001\nint g(void) { return 1; }\n' } },
  { name: 'a model file over limits.max_file_bytes', files: { 'spdf.config.yaml': `${CONFIG}limits:\n  max_file_bytes: 64\n` } },
  { name: 'an SBOM the model names that is missing', files: { 'model/system.spdf.yaml': 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: build/missing.cdx.json\n' } },
  {
    name: 'an SBOM that is not JSON',
    files: { 'model/system.spdf.yaml': 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: build/pump.cdx.json\n', 'build/pump.cdx.json': '{"bomFormat": "CycloneDX", ' },
  },
  {
    name: 'a baseline the config names that is missing',
    files: { 'spdf.config.yaml': `${CONFIG}baseline: spdf.baseline.json\n` },
    elsewhere: 'a file that does not exist cannot be opened: the editor shows it on the config that names it',
  },
  { name: 'a baseline that is not JSON', files: { 'spdf.config.yaml': `${CONFIG}baseline: spdf.baseline.json\n`, 'spdf.baseline.json': '{' } },
  { name: 'a duplicate ID in a second model file', files: { 'model/dup.spdf.yaml': 'requirements:\n  - id: REQ-001\n    title: Again\n    text: The pump shall.\n    verification: [test]\n' } },
  { name: 'a test_results glob matching nothing', files: { 'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n` } },
  { name: 'a model file behind a link out of the root', prepare: (root) => link(outsideFile('requirements: []\n'), join(root, 'model/outside.spdf.yaml')) },
  { name: 'a FIFO named like a source file', prepare: (root) => execFileSync('mkfifo', [join(root, 'src/pipe.c')]) },
  { name: 'a link to a device named like a model file', prepare: (root) => link('/dev/null', join(root, 'model/null.spdf.yaml')) },
  { name: 'a model file behind a link to nothing', prepare: (root) => link(join(root, 'model/gone.yaml'), join(root, 'model/gone.spdf.yaml')) },
  {
    name: 'model files in a link loop',
    prepare: (root) => {
      link(join(root, 'model/b.spdf.yaml'), join(root, 'model/a.spdf.yaml'));
      link(join(root, 'model/a.spdf.yaml'), join(root, 'model/b.spdf.yaml'));
    },
  },
  { name: 'a custom YAML tag on a model value', files: { 'model/extra.spdf.yaml': 'tests:\n  - id: TC-002\n    title: Again\n    verifies: [REQ-001]\n    result: !failed pass\n' } },
  {
    name: 'a line break in the name of a source file the code globs choose',
    files: { 'spdf.config.yaml': `${CONFIG}code:\n  include: ['src/**']\n`, 'src/b\nc.c': '// @spdf implements REQ-999\nint g(void) { return 1; }\n' },
  },
  {
    name: 'a failed JUnit report reached through a symbolic link',
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'reports/ok.xml': '<testsuite><testcase classname="t" name="other"/></testsuite>\n',
      'runs/junit.xml': '<testsuite><testcase classname="t" name="TC-001"><failure message="no"/></testcase></testsuite>\n',
    },
    prepare: (root) => link('../runs/junit.xml', join(root, 'reports/latest.xml')),
  },
  {
    name: 'a FIFO the test_results globs choose',
    files: { 'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`, 'reports/ok.xml': '<testsuite><testcase classname="t" name="other"/></testsuite>\n' },
    prepare: (root) => execFileSync('mkfifo', [join(root, 'reports/pipe.xml')]),
  },
  // A FIFO is never read (a read would wait for a writer forever): where an input is, it fails the gate, naming it.
  {
    name: 'a failed JUnit case from a test file tagged as a whole',
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'tests/test_pump.py': '# @spdf verifies REQ-001\n\n\ndef test_rejects():\n    assert False\n',
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="tests.test_pump" name="test_rejects" file="tests/test_pump.py"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: 'a failed JUnit case of a Go test file tagged as a whole (package and function)',
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'tests/pump/pump_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
      'reports/junit.xml': '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="example.com/pump/tests/pump" name="TestRejects"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: "a failed JUnit case of a Go test file at the module's root (the module path learnt from a sub-package's cases)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'go.mod': 'module example.com/pump\n',
      'root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
      'tests/pump/pump_test.go': 'package pump\n\nimport "testing"\n\nfunc TestKeeps(t *testing.T) {}\n',
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="example.com/pump" name="TestRejects"><failure/></testcase><testcase classname="example.com/pump/tests/pump" name="TestKeeps"/></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: "a failed JUnit case of a Go test file, gotestsum's relative classname (the package's folder inside the module)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'go.mod': 'module example.com/pump\n',
      'root_test.go': 'package pump\n\nimport "testing"\n\nfunc TestKeeps(t *testing.T) {}\n',
      'tests/pump/pump_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="." name="TestKeeps"/><testcase classname="tests/pump" name="TestRejects"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: "a failed JUnit case of a Go test file, gotestsum's short classname (the one folder of that name)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'go.mod': 'module example.com/pump\n',
      'tests/dose/dose_test.go': '// @spdf verifies REQ-001\npackage dose\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
      'reports/junit.xml': '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="dose" name="TestRejects"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: "a failed JUnit case of a Go test file at the module's root, gotestsum's short classname (the module path's last segment, from go.mod)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'go.mod': '// The pump.\r\nmodule "example.com/acme/pump" // root package pump\r\n\r\ngo 1.19\r\n',
      'root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n\nfunc TestKeeps(t *testing.T) {}\n',
      'alarm/alarm_test.go': 'package alarm\n\nimport "testing"\n\nfunc TestAlarm(t *testing.T) {}\n',
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="pump" name="TestRejects"><failure/></testcase><testcase classname="pump" name="TestKeeps"/><testcase classname="alarm" name="TestAlarm"/></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: 'a failed Mocha "before all" hook of a tagged JS test\'s suite (mocha-junit-reporter)',
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'test/pump.test.js': "describe('pump', function () {\n  describe('limits', function () {\n    // @spdf verifies REQ-001\n    it('keeps', function () {});\n  });\n});\n",
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase name="pump limits &quot;before all&quot; hook for &quot;keeps&quot;" classname="&quot;before all&quot; hook for &quot;keeps&quot;"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  {
    name: "a failed Vitest beforeAll of a tagged JS test's nested describe (named by the describe's own title)",
    files: {
      'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`,
      'test/pump.test.js': "describe('pump', () => {\n  describe('limits', () => {\n    // @spdf verifies REQ-001\n    it('keeps', () => {});\n  });\n});\n",
      'reports/junit.xml':
        '<testsuite><testcase classname="tests.test_pump" name="TC-001"/><testcase classname="test/pump.test.js" name="pump &gt; limits &gt; keeps"><skipped/></testcase><testcase classname="test/pump.test.js" name="limits"><failure/></testcase></testsuite>\n',
    },
    itemInError: true,
  },
  { name: 'a FIFO as the config', prepare: (root) => (rmSync(join(root, 'spdf.config.yaml')), fifo(join(root, 'spdf.config.yaml'))) },
  { name: 'the config behind a link out of the root', prepare: (root) => (rmSync(join(root, 'spdf.config.yaml')), link(outsideFile(CONFIG), join(root, 'spdf.config.yaml'))) },
  { name: 'the review lock behind a link out of the root', prepare: (root) => link(outsideFile('{ "version": 1, "links": [] }\n'), join(root, 'spdf.lock.json')) },
  { name: 'a FIFO as the review lock', prepare: (root) => fifo(join(root, 'spdf.lock.json')) },
  { name: 'a FIFO as a model file', prepare: (root) => fifo(join(root, 'model/pipe.spdf.yaml')) },
  {
    name: 'a FIFO as an SBOM the model names',
    files: { 'model/system.spdf.yaml': 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: build/pump.cdx.json\n' },
    prepare: (root) => (mkdirSync(join(root, 'build')), fifo(join(root, 'build/pump.cdx.json'))),
  },
  {
    name: 'a FIFO as the baseline the config names',
    files: { 'spdf.config.yaml': `${CONFIG}baseline: spdf.baseline.json\n` },
    prepare: (root) => fifo(join(root, 'spdf.baseline.json')),
    elsewhere: 'a FIFO is not opened: the editor shows it on the config that names it',
  },
  { name: 'a source folder behind a link out of the root', prepare: (root) => link(outsideFolder('lib.c', '// @spdf implements REQ-001\n'), join(root, 'src/vendor')) },
];

const link = (target: string, at: string) => symlinkSync(target, at);
const fifo = (at: string) => execFileSync('mkfifo', [at]);

let outside = 0;
function outsideFile(text: string): string {
  const p = join(tmpdir(), `spdf-parity-outside-${process.pid}-${outside++}.spdf.yaml`);
  writeFileSync(p, text);
  return p;
}

function outsideFolder(name: string, text: string): string {
  const dir = join(tmpdir(), `spdf-parity-outside-${process.pid}-${outside++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return dir;
}

type Offender = GateReport['offenders'][number];
/** Offenders the server must show itself (a traced item's ERROR status follows from them). */
const SHOWN = new Set(['load', 'input', 'unknown-id', 'finding']);

/** `file:line:col message` of an error diagnostic, as the CLI would place it. */
function placed(h: Harness): { file: string; line: number; column: number; message: string }[] {
  const prefix = h.uri('x').slice(0, -1);
  return [...h.diagnostics].flatMap(([uri, ds]) =>
    ds
      .filter((d: Diagnostic) => d.severity === 1)
      .map((d) => ({ file: decodeURIComponent(uri.slice(prefix.length)), line: d.range.start.line + 1, column: d.range.start.character + 1, message: messageText(d) })),
  );
}

async function firstStatus(h: Harness): Promise<StatusSummary> {
  const statuses = () => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);
  await until('the first complete status', () => statuses().some((s) => !s.indexing));
  return statuses().find((s) => !s.indexing)!;
}

/** Whether the server shows `o`: an error at its place, or (without a place) with its message. */
function shows(server: ReturnType<typeof placed>, o: Offender, elsewhere: boolean): boolean {
  if (elsewhere && 'file' in o && o.file !== undefined) return server.some((d) => d.message.includes(o.file!));
  if ('file' in o && o.file !== undefined && 'line' in o && o.line !== undefined) return server.some((d) => d.file === o.file && d.line === o.line && d.column === o.column);
  return server.some((d) => d.message === o.message);
}

/**
 * The requirements tree and the zone diagram list the input problems of `spdf trace` (the extension shows them as an
 * INCOMPLETE node and banner), each tree entry with a place to open when the editor shows it in a file.
 */
async function viewsSay(h: Harness, problems: string[]): Promise<void> {
  const tree = await h.request<TreeDataResult>('spdf/treeData', {});
  const diagram = await h.request<ZoneDiagramResult>('spdf/zoneDiagram', {});
  assert.deepEqual(
    (tree.problems ?? []).map((p) => p.message),
    problems,
    `the tree lists: ${JSON.stringify(tree.problems)}`,
  );
  assert.deepEqual(diagram.problems, problems);
  for (const p of tree.problems ?? []) if (p.location) assert.ok(p.location.uri.startsWith(h.uri('')), JSON.stringify(p));
}

describe('language server: parity with spdf check (no false green in the editor)', function () {
  this.timeout(60000);

  it('the base workspace passes spdf check and looks clean in the editor', async () => {
    const h = await startHarness(BASE);
    try {
      const r = await runCli(['check', h.root, '--format', 'json']);
      assert.equal(r.code, 0, r.stdout);
      const s = await firstStatus(h);
      assert.equal(statusView(s).background, undefined, JSON.stringify(s));
      assert.deepEqual(placed(h), []);
      await viewsSay(h, []);
    } finally {
      await h.close();
    }
  });

  for (const c of CASES)
    it(`${c.name}: spdf check fails and the editor shows each offender and does not pass`, async () => {
      const h = await startHarness({ ...BASE, ...c.files }, { prepare: c.prepare });
      try {
        const r = await runCli(['check', h.root, '--format', 'json']);
        const report = JSON.parse(r.stdout) as GateReport;
        assert.equal(r.code, 1, `spdf check must fail on ${c.name}: ${r.stdout}`);
        const s = await firstStatus(h);
        const server = placed(h);
        const missed = report.offenders.filter((o) => SHOWN.has(o.class) && !shows(server, o, !!c.elsewhere));
        assert.deepEqual(missed, [], `the editor shows: ${JSON.stringify(server)}`);
        if (c.says) {
          assert.ok(
            report.offenders.some((o) => o.message.includes(c.says!)),
            `the CLI says: ${JSON.stringify(report.offenders)}`,
          );
          assert.ok(
            server.some((d) => d.message.includes(c.says!) && (!c.at || `${d.file}:${d.line}:${d.column}` === c.at)),
            `the editor shows: ${JSON.stringify(server)}`,
          );
        }
        assert.notEqual(statusView(s).background, undefined, `status passes: ${JSON.stringify(s)}`);
        if (c.itemInError) assert.ok(s.coverage.byStatus.ERROR > 0, `no item in ERROR: ${JSON.stringify(s)}`);
        else assert.ok(s.errors > 0, `no error counted: ${JSON.stringify(s)}`);
        // The editor's exports (HTML, CSV, XLSX from the matrix) say INCOMPLETE from these problems, as `spdf trace` does.
        const trace = JSON.parse((await runCli(['trace', h.root, '--format', 'json'])).stdout) as Matrix;
        const matrix = await h.request<Matrix>('spdf/traceMatrix', {});
        assert.deepEqual(
          trace.problems.filter((p) => !matrix.problems.includes(p)),
          [],
          `the editor's matrix lists: ${JSON.stringify(matrix.problems)}`,
        );
        await viewsSay(h, trace.problems);
      } finally {
        await h.close();
      }
    });
});
