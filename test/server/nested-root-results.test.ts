// @spdf verifies SPDF-LSP-MULTIROOT, SPDF-LSP-WATCH, SPDF-FC-RESULTS
/**
 * A folder and its sub-folder (a sub-project with its own config) both open as workspace folders. A watched file
 * change reached only the innermost root that holds the file: a JUnit file the OUTER root's `test_results` chooses
 * inside the sub-folder was never read again by the outer root, so after a test run that now failed the editor kept
 * showing the old pass until a reload, where `spdf check` on the outer folder failed. Every root whose folder holds the
 * file reads it again by its own config and model, as its load read it: an outer root that excludes the sub-folder
 * reads there only its results and the files its model names; one that does not also follows the sub-folder's model
 * and source files (a tag removed there left it green while `spdf check` on its folder failed).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { StatusSummary, TraceTarget, TreeDataResult } from '../../src/protocol';
import { runCli } from '../support/cli';
import { messageText, startHarness, until, watchedGlobs, type Harness } from './harness';
import { sameAsCli } from './root-views';

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

/**
 * The outer root does not exclude the sub-folder: it reads the sub-project's model and source files under its own config
 * (accepting with `exclude` that the sub-project's config does not apply, TM014's advice), as `spdf check` on the outer
 * folder does. Requirements need implementing code only.
 */
const READ_CONFIG = (more = '') => `version: 1\n${more}evidence: { requirement: { implementation: true, verification: false } }\nrules: { RQ003: off }\n`;
const REQS = (...ids: string[]) => `requirements:\n${ids.map((id) => `  - {id: ${id}, title: Keep the pump rate ${id}, verification: [inspection]}\n`).join('')}`;
const IMPLEMENTS = (id?: string) => `${id ? `// @spdf implements ${id}\n` : ''}int rate(void) { return 1; }\n`;
const READ_FILES: Record<string, string> = {
  'spdf.config.yaml': READ_CONFIG('exclude: ["sub/spdf.config.yaml"]\n'),
  'model/req.spdf.yaml': REQS('REQ-001'),
  'src/reject.c': '// @spdf implements REQ-001\nint reject(void) { return 1; }\n',
  'sub/spdf.config.yaml': READ_CONFIG(),
  'sub/model/req.spdf.yaml': REQS('REQ-101'),
  'sub/x.c': IMPLEMENTS('REQ-101'),
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

      // A source file created in the sub-folder: the sub-folder's root indexes it (its unknown-ID tag shows there, the
      // sub-folder's root publishes the file), and so does the outer root, whose load reads the sub-folder's source
      // files (it excludes only the sub-folder's config): REQ-001 links it, as spdf links on the outer folder finds.
      const code = 'sub/src/dose.c';
      mkdirSync(dirname(join(h.root, code)), { recursive: true });
      writeFileSync(join(h.root, code), '// @spdf implements REQ-001\nint dose(void) { return 0; }\n');
      const published = h.waitDiagnostics(code, (d: Diagnostic[]) => d.some((x) => /REQ-001/.test(messageText(x))));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(code), type: 1 }] });
      await published;
      const linked = async (root: string) => (await h.request<{ found: boolean; code: TraceTarget[] }>('spdf/itemCode', { id: 'REQ-001', root })).code.map((t) => t.location.uri).sort();
      assert.deepEqual(await linked(outer), [h.uri('sub/root_test.go'), h.uri(code)].sort());
      assert.match((await runCli(['links', outer, '--format', 'json', '--no-cache'])).stdout, /sub\/src\/dose\.c/, 'spdf links on the outer folder reads it too');
    } finally {
      await h.close();
    }
  });
  for (const folders of [
    ['.', 'sub'],
    ['sub', '.'],
  ])
    it(`folders ${folders.join(', ')}: the outer root that reads the sub-folder's model and source files follows them there, as spdf check does`, async () => {
      const h = await startHarness(READ_FILES, { folders });
      const [outer, inner] = [h.root, join(h.root, 'sub')];
      const step = async (path: string, text: string | undefined) => {
        const existed = existsSync(join(h.root, path));
        if (text === undefined) rmSync(join(h.root, path));
        else writeFileSync(join(h.root, path), text);
        const type = text === undefined ? 3 : existed ? 2 : 1;
        await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
      };
      try {
        await until('the first complete status', () =>
          h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
        );
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
        await sameAsCli(h, inner, { rows: ['REQ-101 OK'], pass: true });

        // A tag removed from a source file of the sub-folder, and put back.
        await step('sub/x.c', IMPLEMENTS());
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
        await sameAsCli(h, inner, { rows: ['REQ-101 MISSING'], pass: false });
        await step('sub/x.c', IMPLEMENTS('REQ-101'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });

        // A requirement of the sub-folder's model file edited (its ID): the tag of sub/x.c names no item now.
        await step('sub/model/req.spdf.yaml', REQS('REQ-102'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-102 MISSING'], pass: false });
        // A new tagged file in the sub-folder, then the stale one deleted.
        await step('sub/y.c', IMPLEMENTS('REQ-102'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-102 OK'], pass: false });
        await step('sub/x.c', undefined);
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-102 OK'], pass: true });

        // A model file created in the sub-folder, then deleted.
        await step('sub/model/more.spdf.yaml', REQS('REQ-103'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-102 OK', 'REQ-103 MISSING'], pass: false });
        await step('sub/model/more.spdf.yaml', undefined);
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-102 OK'], pass: true });
        await sameAsCli(h, inner, { rows: ['REQ-102 OK'], pass: true });
      } finally {
        await h.close();
      }
    });
  it("a file the outer root reads created under the sub-folder's config makes it TM014, as spdf check finds, and deleted not", async () => {
    // The sub-folder holds only its config at load: the outer root reads no file under it, so no TM014 yet.
    const files = { 'spdf.config.yaml': READ_CONFIG(), 'model/req.spdf.yaml': REQS('REQ-001'), 'src/reject.c': READ_FILES['src/reject.c'], 'sub/spdf.config.yaml': READ_CONFIG() };
    const h = await startHarness(files, { folders: ['.', 'sub'] });
    const outer = h.root;
    const tm014 = (d: Diagnostic[] | undefined) => (d ?? []).some((x) => x.code === 'TM014' || messageText(x).includes('TM014'));
    try {
      await until('the first complete status', () =>
        h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && (n.params as StatusSummary).roots?.length === 2),
      );
      await sameAsCli(h, outer, { rows: ['REQ-001 OK'], pass: true });
      writeFileSync(join(h.root, 'sub/x.c'), IMPLEMENTS('REQ-001'));
      const shown = h.waitDiagnostics('sub/spdf.config.yaml', tm014);
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('sub/x.c'), type: 1 }] });
      await shown;
      await sameAsCli(h, outer, { rows: ['REQ-001 OK'], pass: false });
      rmSync(join(h.root, 'sub/x.c'));
      const cleared = h.waitDiagnostics('sub/spdf.config.yaml', (d) => !tm014(d));
      await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri('sub/x.c'), type: 3 }] });
      await cleared;
      await sameAsCli(h, outer, { rows: ['REQ-001 OK'], pass: true });
    } finally {
      await h.close();
    }
  });
});
