// @spdf verifies SPDF-LSP-MULTIROOT, SPDF-LSP-WATCH, SPDF-FC-RESULTS
/**
 * A folder and its sub-folder (a sub-project with its own config) both open as workspace folders. A watched file
 * change reached only the innermost root that holds the file: a JUnit file the OUTER root's `test_results` chooses
 * inside the sub-folder was never read again by the outer root, so after a test run that now failed the editor kept
 * showing the old pass until a reload, where `spdf check` on the outer folder failed. Every root whose folder holds the
 * file and whose globs choose it reads it again; only the innermost root takes the file as its own otherwise (the outer
 * root does not index the sub-folder's source files it excludes, before or after the change).
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { StatusSummary, TraceTarget, TreeDataResult } from '../../src/protocol';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, watchedGlobs, type Harness } from './harness';

/** The outer root's results, in the sub-project's folder; the sub-project's own, in its folder too. */
const OUTER_RESULTS = 'sub/out/junit.xml';
const INNER_RESULTS = 'sub/reports/junit.xml';
const suite = (classname: string, name: string, fails: boolean) =>
  `<testsuite name="s"><testcase classname="${classname}" name="${name}">${fails ? '<failure message="m"/>' : ''}</testcase></testsuite>\n`;
const CONFIG = (results: string, more = '') => `version: 1\ntest_results: ["${results}"]\n${more}evidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n`;
const MODEL = (req: string, test: string, classname: string, name: string) => `requirements:
  - {id: ${req}, title: Reject unsigned commands, verification: [test], tests: [${test}]}
tests:
  - {id: ${test}, title: Unsigned command is rejected, verifies: [${req}], junit: {classname: ${classname}, name: ${name}}}
`;
const FILES: Record<string, string> = {
  // The sub-project is checked on its own (TM014's advice): the outer root reads none of its model or source files.
  'spdf.config.yaml': CONFIG('sub/out/*.xml', 'exclude: ["sub/**"]\n'),
  'model/req.spdf.yaml': MODEL('REQ-001', 'TC-001', 'dose', 'rejects'),
  [OUTER_RESULTS]: suite('dose', 'rejects', false),
  'sub/spdf.config.yaml': CONFIG('reports/*.xml'),
  'sub/model/req.spdf.yaml': MODEL('REQ-101', 'TC-101', 'pump', 'keeps'),
  [INNER_RESULTS]: suite('pump', 'keeps', false),
};

const statusOf = async (h: Harness, root: string, id: string) => (await h.request<TreeDataResult>('spdf/treeData', { root })).rows.find((r) => r.id === id)?.status;

/** Waits until `id` of `root` shows `want` (15 s), then asserts it. */
async function shows(h: Harness, root: string, id: string, want: string): Promise<void> {
  const end = Date.now() + 15000;
  let got: string | undefined;
  while ((got = await statusOf(h, root, id)) !== want && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(got, want, `${id} of ${root}`);
}

type TraceJson = { views: { requirements: { rows: { id: string; status: string }[] } } };
/** What `spdf trace` says of `id` in `root`, and whether `spdf check` passes there. */
async function cli(root: string, id: string): Promise<{ status?: string; pass: boolean }> {
  const trace = JSON.parse((await runCli(['trace', root, '--format', 'json', '--no-cache'])).stdout) as TraceJson;
  const check = JSON.parse((await runCli(['check', root, '--format', 'json', '--no-cache'])).stdout) as { pass: boolean };
  return { status: trace.views.requirements.rows.find((r) => r.id === id)?.status, pass: check.pass };
}

/**
 * The outer root reads the sub-project's Go test file and its results there (its config knowingly does not apply the
 * sub-project's settings): a go.mod created in the sub-folder makes the failed case at the module's root that file's.
 */
const GO_FILES: Record<string, string> = {
  'spdf.config.yaml':
    'version: 1\ncheck:\n  min_coverage: 0\ntest_results: ["sub/reports/*.xml"]\nexclude: ["sub/spdf.config.yaml"]\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n',
  'model/req.spdf.yaml': 'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test]}\n',
  'sub/spdf.config.yaml': 'version: 1\n',
  'sub/root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {\n\tt.Fail()\n}\n',
  'sub/tests/pump/pump_test.go': 'package pump\n\nimport "testing"\n\nfunc TestKeeps(t *testing.T) {}\n',
  'sub/reports/junit.xml':
    '<testsuite><testcase classname="example.com/pump" name="TestRejects"><failure/></testcase><testcase classname="example.com/pump/tests/pump" name="TestKeeps"/></testsuite>\n',
};

/** The outer root's test names its evidence in the sub-folder (the sub-project's folder is excluded from its run). */
const EVIDENCE = 'sub/evidence/tc-002.log';
const EVIDENCE_FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\nexclude: ["sub/**"]\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n',
  'model/req.spdf.yaml': `requirements:
  - {id: REQ-002, title: Reject replayed commands, verification: [test], tests: [TC-002]}
tests:
  - {id: TC-002, title: Replayed command is rejected, verifies: [REQ-002], result: pass, evidence: ${EVIDENCE}}
`,
  [EVIDENCE]: 'TC-002 passed\n',
  'sub/spdf.config.yaml': 'version: 1\n',
};

/** The outer root's model names an SBOM in the sub-folder. */
const SBOM = 'sub/build/pump.cdx.json';
const CDX = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-01-01T00:00:00Z", "authors": [{"name": "A"}]}, "components": []}\n';
const SBOM_FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\nexclude: ["sub/**"]\n',
  'model/system.spdf.yaml': `system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: ${SBOM}\n`,
  [SBOM]: CDX,
  'sub/spdf.config.yaml': 'version: 1\n',
};

describe('language server: JUnit results and named files in a workspace folder inside another', function () {
  this.timeout(90000);

  for (const folders of [
    ['.', 'sub'],
    ['sub', '.'],
  ])
    it(`folders ${folders.join(', ')}: each root reads again the results its globs choose, wherever they lie, as spdf check does`, async () => {
      const h = await startHarness(FILES, { folders });
      const [outer, inner] = [h.root, join(h.root, 'sub')];
      try {
        await until('the first complete status', () =>
          h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
        );
        // The client watches the outer root's glob in the sub-folder too (the globs hold no folder of a root).
        await until("watchers on both roots' JUnit files", () => ['**/sub/out/*.xml', '**/reports/*.xml'].every((g) => watchedGlobs(h).includes(g)));
        await shows(h, outer, 'REQ-001', 'OK');
        await shows(h, inner, 'REQ-101', 'OK');
        assert.deepEqual(await cli(outer, 'REQ-001'), { status: 'OK', pass: true });
        const rewritten = async (path: string, text: string | undefined, type: number) => {
          if (text === undefined) rmSync(join(h.root, path));
          else writeFileSync(join(h.root, path), text);
          await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
        };

        // The outer root's results, lying in the sub-folder: pass -> fail -> pass -> deleted -> failing again.
        await rewritten(OUTER_RESULTS, suite('dose', 'rejects', true), 2);
        await shows(h, outer, 'REQ-001', 'ERROR');
        assert.deepEqual(await cli(outer, 'REQ-001'), { status: 'ERROR', pass: false });
        await rewritten(OUTER_RESULTS, suite('dose', 'rejects', false), 2);
        await shows(h, outer, 'REQ-001', 'OK');
        assert.deepEqual(await cli(outer, 'REQ-001'), { status: 'OK', pass: true });
        await rewritten(OUTER_RESULTS, undefined, 3);
        await shows(h, outer, 'REQ-001', 'PARTIAL');
        assert.deepEqual(await cli(outer, 'REQ-001'), { status: 'PARTIAL', pass: false });
        await rewritten(OUTER_RESULTS, suite('dose', 'rejects', true), 1);
        await shows(h, outer, 'REQ-001', 'ERROR');
        // The sub-project's glob does not choose the outer root's file: its requirement is as it was.
        assert.equal(await statusOf(h, inner, 'REQ-101'), 'OK');
        assert.deepEqual(await cli(inner, 'REQ-101'), { status: 'OK', pass: true });

        // The reverse: the sub-project's results in its own folder, read again by it as before; the outer root's stay.
        await rewritten(INNER_RESULTS, suite('pump', 'keeps', true), 2);
        await shows(h, inner, 'REQ-101', 'ERROR');
        assert.deepEqual(await cli(inner, 'REQ-101'), { status: 'ERROR', pass: false });
        await rewritten(INNER_RESULTS, suite('pump', 'keeps', false), 2);
        await shows(h, inner, 'REQ-101', 'OK');
        assert.equal(await statusOf(h, outer, 'REQ-001'), 'ERROR');

        // A source file created in the sub-folder is the sub-project's alone: it is indexed there (its tag names no
        // requirement of the sub-project), never by the outer root, whose config excludes it, as spdf trace finds.
        const code = 'sub/src/dose.c';
        mkdirSync(dirname(join(h.root, code)), { recursive: true });
        const published = h.waitDiagnostics(code, (d: Diagnostic[]) => d.some((x) => /REQ-001/.test(messageText(x))));
        await rewritten(code, '// @spdf implements REQ-001\nint dose(void) { return 0; }\n', 1);
        await published;
        const linked = async (root: string, id: string) =>
          (await h.request<{ found: boolean; code: TraceTarget[] }>('spdf/itemCode', { id, root })).code.map((t) => t.location.uri).filter((u) => u.endsWith('.c'));
        assert.deepEqual(await linked(outer, 'REQ-001'), []);
        assert.deepEqual(await linked(inner, 'REQ-101'), []);
        assert.equal((await cli(outer, 'REQ-001')).status, 'ERROR');
        assert.doesNotMatch((await runCli(['links', outer, '--format', 'json', '--no-cache'])).stdout, /dose\.c/, 'spdf links on the outer folder does not read it either');
      } finally {
        await h.close();
      }
    });

  it("an evidence file the outer root's model names in the sub-folder: emptied, filled, deleted, created, as spdf trace finds it", async () => {
    const h = await startHarness(EVIDENCE_FILES, { folders: ['sub', '.'] });
    const outer = h.root;
    try {
      await until('the first complete status', () =>
        h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
      );
      await until('a watcher on the evidence file', () => watchedGlobs(h).includes(`**/${EVIDENCE}`));
      await shows(h, outer, 'REQ-002', 'OK');
      assert.equal((await cli(outer, 'REQ-002')).status, 'OK');
      for (const [text, type, want] of [
        ['', 2, 'PARTIAL'],
        ['TC-002 passed\n', 2, 'OK'],
        [undefined, 3, 'PARTIAL'],
        ['TC-002 passed\n', 1, 'OK'],
      ] as const) {
        if (text === undefined) rmSync(join(h.root, EVIDENCE));
        else writeFileSync(join(h.root, EVIDENCE), text);
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(EVIDENCE), type }] });
        await shows(h, outer, 'REQ-002', want);
        assert.equal((await cli(outer, 'REQ-002')).status, want);
      }
    } finally {
      await h.close();
    }
  });

  it("an SBOM the outer root's model names in the sub-folder: cut off, deleted, created again, as spdf check finds it", async () => {
    const h = await startHarness(SBOM_FILES, { folders: ['.', 'sub'] });
    const outer = h.root;
    const sb007 = (d: Diagnostic[] | undefined) => (d ?? []).filter((x) => x.code === 'SB007' && messageText(x).includes(SBOM)).map(messageText);
    const cliSb007 = async () => (await runCli(['check', outer, '--format', 'json', '--no-cache'])).stdout.includes('SB007');
    try {
      await until('the first complete status', () =>
        h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
      );
      await until('a watcher on the SBOM', () => watchedGlobs(h).includes(`**/${SBOM}`));
      assert.deepEqual(sb007(h.diagnostics.get(h.uri('model/system.spdf.yaml'))), []);
      assert.equal(await cliSb007(), false);
      for (const [text, type, want] of [
        [CDX.slice(0, 60), 2, /not read completely/],
        [CDX, 2, undefined],
        [undefined, 3, /does not exist/],
        [CDX, 1, undefined],
      ] as const) {
        if (text === undefined) rmSync(join(h.root, SBOM));
        else writeFileSync(join(h.root, SBOM), text);
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(SBOM), type }] });
        await h.waitDiagnostics('model/system.spdf.yaml', (d) => (want ? sb007(d).some((m) => want.test(m)) : sb007(d).length === 0));
        assert.equal(await cliSb007(), want !== undefined);
      }
    } finally {
      await h.close();
    }
  });

  it("a go.mod created in the sub-folder places the outer root's Go cases there, deleted again not, as spdf trace does", async () => {
    const h = await startHarness(GO_FILES, { folders: ['.', 'sub'] });
    const outer = h.root;
    try {
      await until('the first complete status', () =>
        h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
      );
      await until('a watcher on go.mod files', () => watchedGlobs(h).includes('**/go.mod'));
      await shows(h, outer, 'REQ-001', 'PARTIAL');
      assert.equal((await cli(outer, 'REQ-001')).status, 'PARTIAL');
      writeFileSync(join(h.root, 'sub/go.mod'), 'module example.com/pump\n');
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('sub/go.mod'), type: 1 }] });
      await shows(h, outer, 'REQ-001', 'ERROR');
      assert.equal((await cli(outer, 'REQ-001')).status, 'ERROR');
      rmSync(join(h.root, 'sub/go.mod'));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('sub/go.mod'), type: 3 }] });
      await shows(h, outer, 'REQ-001', 'PARTIAL');
      assert.equal((await cli(outer, 'REQ-001')).status, 'PARTIAL');

      // The nested roots' ownership rule stays: a source file created in the sub-folder is the sub-folder's root's to
      // index (its unknown-ID tag shows there); the outer root, which indexed the sub-folder's files at load, does not
      // take it up (its view of the sub-folder's model and source files is the load's).
      const code = 'sub/src/dose.c';
      mkdirSync(dirname(join(h.root, code)), { recursive: true });
      writeFileSync(join(h.root, code), '// @spdf implements REQ-001\nint dose(void) { return 0; }\n');
      const published = h.waitDiagnostics(code, (d: Diagnostic[]) => d.some((x) => /REQ-001/.test(messageText(x))));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(code), type: 1 }] });
      await published;
      const linked = async (root: string) => (await h.request<{ found: boolean; code: TraceTarget[] }>('spdf/itemCode', { id: 'REQ-001', root })).code.map((t) => t.location.uri);
      assert.deepEqual(await linked(outer), [h.uri('sub/root_test.go')]);
    } finally {
      await h.close();
    }
  });
});
