// @spdf verifies SPDF-LSP-WATCH, SPDF-FC-RESULTS
/**
 * The editor read the JUnit results once, when the workspace loaded: after a test run rewrote them, a test that now
 * failed still showed passed and its requirement OK until a reload, where `spdf check` failed. The server watches the
 * files `test_results` chooses and reads them again at the next check, as often as a run writes them; and go.mod files,
 * which tell the cases of which Go package are whose.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatusSummary, TreeDataResult } from '../../src/protocol';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, watchedGlobs, type Harness } from './harness';

const MODEL = 'model/req.spdf.yaml';
const RESULTS = 'out/junit/r.xml';
const passed = '<testsuite name="s"><testcase classname="dose" name="rejects"/></testsuite>\n';
const failed = '<testsuite name="s"><testcase classname="dose" name="rejects"><failure message="m"/></testcase></testsuite>\n';
const FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\ntest_results: ["out/junit/*.xml"]\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n',
  [MODEL]: `requirements:
  - {id: REQ-001, title: Reject unsigned commands, verification: [test], tests: [TC-001]}
tests:
  - {id: TC-001, title: Unsigned command is rejected, verifies: [REQ-001], junit: {classname: dose, name: rejects}}
`,
  [RESULTS]: passed,
};

const statusOf = async (h: Harness) => (await h.request<TreeDataResult>('spdf/treeData', {})).rows.find((r) => r.id === 'REQ-001')?.status;
type TraceJson = { views: { requirements: { rows: { status: string }[] } } };

/** Waits until REQ-001 shows `want` (15 s), then asserts it. */
async function shows(h: Harness, want: string): Promise<void> {
  const end = Date.now() + 15000;
  let got: string | undefined;
  while ((got = await statusOf(h)) !== want && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(got, want);
}

/** What `spdf trace` says of the one requirement. */
const traceStatus = async (root: string) => (JSON.parse((await runCli(['trace', root, '--format', 'json', '--no-cache'])).stdout) as TraceJson).views.requirements.rows[0].status;
const cliStatus = async (root: string) => {
  const check = await runCli(['check', root, '--format', 'json', '--no-cache']);
  return (JSON.parse(check.stdout) as { pass: boolean }).pass;
};

/** A failing Go test at a module's root: its package is the module's path, which a go.mod at the root makes known. */
const GO_FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: 0\ntest_results: ["reports/*.xml"]\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n',
  [MODEL]: 'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test]}\n',
  'root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
  'tests/pump/pump_test.go': 'package pump\n\nimport "testing"\n\nfunc TestKeeps(t *testing.T) {}\n',
  'reports/junit.xml': '<testsuite><testcase classname="example.com/pump" name="TestRejects"><failure/></testcase><testcase classname="example.com/pump/tests/pump" name="TestKeeps"/></testsuite>\n',
};

/** gotestsum's short classnames: the root package's failing test is named by the module path's last segment (`pump`). */
const SHORT_FILES: Record<string, string> = {
  'spdf.config.yaml': GO_FILES['spdf.config.yaml'],
  [MODEL]: GO_FILES[MODEL],
  'root_test.go': GO_FILES['root_test.go'],
  'go.mod': 'module example.com/acme/dosing\n',
  'tests/alarm/alarm_test.go': 'package alarm\n\nimport "testing"\n\nfunc TestAlarm(t *testing.T) {}\n',
  'reports/junit.xml': '<testsuite><testcase classname="pump" name="TestRejects"><failure/></testcase><testcase classname="alarm" name="TestAlarm"/></testsuite>\n',
};

describe('language server: JUnit results rewritten by a test run', function () {
  this.timeout(60000);

  it('are read again: a test that now fails makes its requirement ERROR, as spdf check fails; passing again, OK', async () => {
    const h = await startHarness(FILES);
    try {
      await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
      assert.equal(await statusOf(h), 'OK');
      await until('a watcher on the JUnit files', () => watchedGlobs(h).includes('**/out/junit/*.xml'));
      const rewritten = async (text: string | undefined, type: number) => {
        if (text === undefined) rmSync(join(h.root, RESULTS));
        else writeFileSync(join(h.root, RESULTS), text);
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(RESULTS), type }] });
      };
      await rewritten(failed, 2);
      await shows(h, 'ERROR');
      assert.equal(await cliStatus(h.root), false);
      await rewritten(passed, 2);
      await shows(h, 'OK');
      assert.equal(await cliStatus(h.root), true);
      // Deleted: the glob chooses nothing, an input problem; the test is not shown to pass.
      await rewritten(undefined, 3);
      await shows(h, 'PARTIAL');
      await until('the input problem on the glob', () => [...h.diagnostics.values()].flat().some((d) => messageText(d).includes("test result glob 'out/junit/*.xml' matches no file")));
      assert.equal(await cliStatus(h.root), false);
      await rewritten(failed, 1);
      await shows(h, 'ERROR');
      // Cut off mid-write: a problem at its file:line:col, and the test is not shown to pass.
      await rewritten('<testsuite name="s"><testcase classname="dose" name="rejects">', 2);
      await shows(h, 'PARTIAL');
      await until('the broken file named', () => [...h.diagnostics.values()].flat().some((d) => messageText(d).includes('broken JUnit XML')));
      assert.equal(await cliStatus(h.root), false);
    } finally {
      await h.close();
    }
  });

  it("follow go.mod files: one created at a Go test file's folder makes its failed case its own, deleted again not", async () => {
    const h = await startHarness(GO_FILES);
    try {
      await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
      assert.equal(await statusOf(h), 'PARTIAL');
      assert.equal(await traceStatus(h.root), 'PARTIAL');
      await until('a watcher on go.mod files', () => watchedGlobs(h).includes('**/go.mod'));
      writeFileSync(join(h.root, 'go.mod'), 'module example.com/pump\n');
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('go.mod'), type: 1 }] });
      await shows(h, 'ERROR');
      assert.equal(await traceStatus(h.root), 'ERROR');
      rmSync(join(h.root, 'go.mod'));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('go.mod'), type: 3 }] });
      await shows(h, 'PARTIAL');
    } finally {
      await h.close();
    }
  });

  it("follow go.mod edits: its module line renamed to the short name's makes the root package's failed case its own, and back not", async () => {
    const h = await startHarness(SHORT_FILES);
    try {
      await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
      // `module example.com/acme/dosing`: the root package is `dosing`, no case is named so (not run).
      assert.equal(await statusOf(h), 'PARTIAL');
      assert.equal(await traceStatus(h.root), 'PARTIAL');
      await until('a watcher on go.mod files', () => watchedGlobs(h).includes('**/go.mod'));
      const edited = async (text: string) => {
        writeFileSync(join(h.root, 'go.mod'), text);
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('go.mod'), type: 2 }] });
      };
      await edited('module "example.com/acme/pump" // renamed\r\n');
      await shows(h, 'ERROR');
      assert.equal(await traceStatus(h.root), 'ERROR');
      // A broken module line: the root package's name is unknown again, so no short name is its.
      await edited('module example.com/acme/pump extra\n');
      await shows(h, 'PARTIAL');
      assert.equal(await traceStatus(h.root), 'PARTIAL');
    } finally {
      await h.close();
    }
  });
});
