// @spdf verifies SPDF-BASE-003
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = `spdf: "0.1"
requirements:
  - id: SEC-REQ-001
    title: Authenticate commands
    text: The pump shall authenticate every therapy command.
    verification: [test]
    status: approved
`;

/** An unreadable baseline never turns findings into "no problems". */
describe('baseline: a baseline that cannot be read fails closed', () => {
  let dir: string;
  before(() => {
    process.env.SPDF_NO_GIT = '1';
  });
  beforeEach(async () => {
    dir = tempWorkspace({ 'spdf.config.yaml': 'version: 1\n', 'model.spdf.yaml': MODEL });
    const r = await runCli(['lint', dir, '--no-cache']);
    assert.equal(r.code, 1, 'the workspace has findings to hide');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cases: { name: string; write: () => void; where: RegExp }[] = [
    { name: 'a missing file', write: () => undefined, where: /^error: baseline spdf\.baseline\.json:1:1: the baseline file does not exist/m },
    { name: 'a directory', write: () => mkdirSync(join(dir, 'spdf.baseline.json')), where: /^error: baseline spdf\.baseline\.json:1:1: a directory/m },
    {
      name: 'truncated JSON',
      write: () => writeFileSync(join(dir, 'spdf.baseline.json'), '{\n  "version": 1,\n  "entries": [\n'),
      where: /^error: baseline spdf\.baseline\.json:4:1: not valid JSON/m,
    },
    {
      name: 'an unknown version',
      write: () => writeFileSync(join(dir, 'spdf.baseline.json'), '{\n  "version": 9,\n  "entries": []\n}\n'),
      where: /^error: baseline spdf\.baseline\.json:2:14: unknown baseline version 9/m,
    },
  ];

  for (const c of cases) {
    it(`spdf lint exits 2 on ${c.name}, naming the place, and still shows every finding`, async () => {
      c.write();
      const r = await runCli(['lint', dir, '--no-cache', '--baseline', join(dir, 'spdf.baseline.json')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, c.where);
      assert.match(r.stdout, /RQ002/);
      assert.doesNotMatch(r.stdout, /no problems/);
    });

    it(`spdf check fails on ${c.name}, naming the place`, async () => {
      c.write();
      writeFileSync(join(dir, 'spdf.config.yaml'), 'version: 1\nbaseline: spdf.baseline.json\n');
      const r = await runCli(['check', dir, '--no-cache', '--min-coverage', '0', '--allow-errors']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stdout, /FAIL: .*1 input problem/);
      assert.match(r.stderr, /^spdf\.baseline\.json:\d+:\d+: input problem: baseline: /m);
    });
  }

  it('refuses a config baseline outside the workspace root', async () => {
    writeFileSync(join(dir, 'spdf.config.yaml'), 'version: 1\nbaseline: ../elsewhere.json\n');
    const r = await runCli(['lint', dir, '--no-cache']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /must name a file inside the workspace root/);
  });

  it('spdf baseline never accepts a finding that means a file was not read (TM000): it exits 1 and lint keeps reporting it', async () => {
    writeFileSync(join(dir, 'broken.spdf.yaml'), 'requirements:\n\t- id: SEC-REQ-002\n');
    const r = await runCli(['baseline', dir, '--no-cache']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: 2 findings not baselined: they mean an input was not read or understood; fix them:\n {2}broken\.spdf\.yaml:2:1 {2}TM000 /m);
    const lint = await runCli(['lint', dir, '--no-cache', '--baseline', join(dir, 'spdf.baseline.json')]);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /broken\.spdf\.yaml:2:1 +error +TM000/);
  });

  it('spdf baseline --prune refuses an unreadable baseline and writes nothing', async () => {
    writeFileSync(join(dir, 'spdf.baseline.json'), '{"version": 2, "entries": []}');
    const r = await runCli(['baseline', dir, '--prune', '--no-cache']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /spdf\.baseline\.json:1:13: unknown baseline version 2/);
  });
});
