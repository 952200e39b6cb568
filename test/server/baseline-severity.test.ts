// @spdf verifies SPDF-BASE-004
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { runCli, tempWorkspace } from '../support/cli';
import { FILES, YAML } from './fixture';
import { startHarness, type Harness } from './harness';

const CONFIG = 'version: 1\nprofile: recommended\nbaseline: spdf.baseline.json\n';

/** The fixture's findings written into a baseline by the CLI, as a project adopting the checks would. */
async function baselineOfFixture(): Promise<string> {
  const dir = tempWorkspace({ ...FILES, 'spdf.config.yaml': CONFIG, 'spdf.baseline.json': '{"version": 1, "entries": []}\n' });
  try {
    const r = await runCli(['baseline', dir, '--no-cache']);
    assert.equal(r.code, 0, r.stderr);
    return readFileSync(join(dir, 'spdf.baseline.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('server: findings of the baseline are shown lower', () => {
  let baseline: string;
  let h: Harness | undefined;
  before(async () => {
    process.env.SPDF_NO_GIT = '1';
    baseline = await baselineOfFixture();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const start = async (settings?: Record<string, unknown>, text = baseline) => {
    h = await startHarness({ ...FILES, 'spdf.config.yaml': CONFIG, 'spdf.baseline.json': text }, settings ? { settings } : {});
    await h.open(YAML);
    return h;
  };
  const msg = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
  const severities = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.severity}`);

  it('publishes every baselined finding as a hint marked (baselined) by default, and a new one at its own severity', async () => {
    const s = await start();
    const before = await s.waitDiagnostics(YAML, (d) => d.length > 0);
    assert.ok(
      before.some((d) => d.code === 'TM002'),
      JSON.stringify(before),
    );
    assert.deepEqual(
      before.filter((d) => d.severity !== DiagnosticSeverity.Hint),
      [],
    );
    assert.ok(before.every((d) => msg(d).endsWith(' (baselined)')));

    const text = s.files[YAML].replace('controls: [CTRL-404]', 'controls: [CTRL-404, CTRL-405]');
    s.change(YAML, 2, [{ text }]);
    const after = await s.waitDiagnostics(YAML, (d) => d.some((x) => msg(x).includes('CTRL-405')));
    const fresh = after.filter((d) => msg(d).includes('CTRL-405'));
    assert.deepEqual(severities(fresh), [`TM002 ${DiagnosticSeverity.Error}`]);
    assert.ok(!msg(fresh[0]).endsWith('(baselined)'));
    assert.ok(after.some((d) => msg(d).includes('CTRL-404') && d.severity === DiagnosticSeverity.Hint));
  });

  it('publishes them as information with spdf.baseline.severity information', async () => {
    const s = await start({ baseline: { severity: 'information' } });
    const d = await s.waitDiagnostics(YAML, (x) => x.length > 0);
    assert.deepEqual(
      d.filter((x) => x.severity !== DiagnosticSeverity.Information),
      [],
    );
  });

  it('hides them with spdf.baseline.severity off, and shows what is new', async () => {
    const s = await start({ baseline: { severity: 'off' } });
    const text = s.files[YAML].replace('controls: [CTRL-404]', 'controls: [CTRL-404, CTRL-405]');
    s.change(YAML, 2, [{ text }]);
    const d = await s.waitDiagnostics(YAML, (x) => x.some((y) => msg(y).includes('CTRL-405')));
    assert.deepEqual(
      d.map((x) => msg(x).replace(/ \(did you mean.*/, '')),
      ["unknown control 'CTRL-405'"],
    );
  });

  it('re-reads the baseline when it changes on disk', async () => {
    const s = await start(undefined, '{"version": 1, "entries": []}\n');
    const first = await s.waitDiagnostics(YAML, (d) => d.length > 0);
    assert.ok(first.every((d) => d.severity !== DiagnosticSeverity.Hint));
    writeFileSync(join(s.root, 'spdf.baseline.json'), baseline);
    await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('spdf.baseline.json'), type: 2 }] });
    const after = await s.waitDiagnostics(YAML, (d) => d.length > 0 && d.every((x) => x.severity === DiagnosticSeverity.Hint));
    assert.equal(after.length, first.length);
  });

  it('shows a corrupt baseline as an error on the baseline file and baselines nothing', async () => {
    const s = await start(undefined, '{\n  "version": 7,\n  "entries": []\n}\n');
    const [onBaseline, d] = await Promise.all([s.waitDiagnostics('spdf.baseline.json', (x) => x.length > 0), s.waitDiagnostics(YAML, (x) => x.length > 0)]);
    assert.equal(onBaseline[0].severity, DiagnosticSeverity.Error);
    assert.equal(onBaseline[0].range.start.line, 1);
    assert.match(msg(onBaseline[0]), /^baseline: unknown baseline version 7 .*; no finding is baselined$/);
    assert.ok(d.some((x) => x.code === 'TM002' && x.severity === DiagnosticSeverity.Error));
    assert.ok(d.every((x) => !msg(x).endsWith('(baselined)')));
  });
});
