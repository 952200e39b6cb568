// @spdf verifies SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const CONFIG = "profile: recommended\nexclude: ['ws/archive/**']\n";
const BROKEN = 'hazards:\n  - id: HAZ-001\n    hazard: [unclosed\n';

describe('spdf lint with explicitly named files the model leaves out (TM012)', () => {
  it('a named file outside `include` is an error at 1:1, not "no problems"', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ws/broken.spdf.yml': BROKEN });
    const r = await runCli(['lint', join(root, 'ws/broken.spdf.yml')], root);
    assert.match(r.stdout, /^ws\/broken\.spdf\.yml:1:1\s+error\s+TM012\s+file ignored: it does not match `include` \('\*\*\/\*\.spdf\.yaml'\); it is not part of the model and was not checked/m);
    assert.doesNotMatch(r.stdout, /no problems/);
    assert.equal(r.code, 1);
  });

  it('a named file matched by `exclude` names the pattern', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ws/archive/old.spdf.yaml': BROKEN });
    const r = await runCli(['lint', join(root, 'ws/archive/old.spdf.yaml'), '--format', 'json'], root);
    const f = JSON.parse(r.stdout).findings as { code: string; file: string; line: number; column: number; severity: string; message: string }[];
    assert.deepEqual(
      f.map((x) => [x.code, x.file, x.line, x.column, x.severity]),
      [['TM012', 'ws/archive/old.spdf.yaml', 1, 1, 'error']],
    );
    assert.match(f[0].message, /matches `exclude` pattern 'ws\/archive\/\*\*'/);
    assert.equal(r.code, 1);
  });

  it('a named folder reports the model files inside it that were left out; the workspace root names nothing', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ws/archive/a.spdf.yaml': BROKEN, 'ws/archive/notes.yaml': 'x: 1\n', 'ws/ok.spdf.yaml': 'hazards: []\n' });
    const r = await runCli(['lint', join(root, 'ws'), '--format', 'json'], root);
    const files = (JSON.parse(r.stdout).findings as { code: string; file: string }[]).filter((x) => x.code === 'TM012').map((x) => x.file);
    assert.deepEqual(files, ['ws/archive/a.spdf.yaml']);
    assert.equal(r.code, 1);
    const all = await runCli(['lint', root, '--format', 'json'], root);
    assert.deepEqual(
      (JSON.parse(all.stdout).findings as { code: string }[]).filter((x) => x.code === 'TM012'),
      [],
    );
    assert.equal(all.code, 0);
  });

  it('a named model file the workspace walk skips (.gitignore) is reported too', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, '.gitignore': 'gen/\n', 'gen/model.spdf.yaml': BROKEN });
    const r = await runCli(['lint', join(root, 'gen/model.spdf.yaml')], root);
    assert.match(r.stdout, /^gen\/model\.spdf\.yaml:1:1\s+error\s+TM012\s+file ignored: the workspace walk skipped it/m);
    assert.equal(r.code, 1);
  });

  it('a named model file that is part of the model gets no TM012', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ws/ok.spdf.yaml': 'hazards: []\n' });
    const r = await runCli(['lint', join(root, 'ws/ok.spdf.yaml')], root);
    assert.match(r.stdout, /no problems/);
    assert.equal(r.code, 0);
  });

  it('a path that does not exist is a usage error (exit 2)', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ws/ok.spdf.yaml': 'hazards: []\n' });
    const r = await runCli(['lint', join(root, 'ws/typo.spdf.yaml')], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: .*typo\.spdf\.yaml/);
  });
});
